import { TicketPriority, TicketStatus } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { DeviceCheckin } from '../checkins/device-checkin.entity';
import { Customer } from '../customers/customer.entity';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { TicketEntry } from './ticket-entry.entity';

/** A support ticket (P4): kept while the customer's agreement runs. */
@Entity()
@Check('ticket_legal_basis', LEGAL_BASIS_CHECK)
@Check('ticket_status', `status IN ('new', 'open', 'waiting', 'resolved', 'closed')`)
@Check('ticket_priority', `priority IN ('low', 'normal', 'high', 'urgent')`)
// Full-text search (Swedish and English stemming) over subject, description and entries; maintained by triggers.
@Index('ticket_search', { synchronize: false })
@Index('ticket_search_without_notes', { synchronize: false })
@Index('ticket_subject_fts', { synchronize: false })
@Index('ticket_description_fts', { synchronize: false })
@Index('ticket_active_due', { synchronize: false })
@Index('ticket_assignee_active_due', { synchronize: false })
@Index('ticket_active_warn', { synchronize: false })
@HoldsPersonalData({
  recordType: 'ticket',
  table: 'ticket',
  name: { sv: 'Supportärende', en: 'Support ticket' },
  policies: ['P4'],
  personColumns: ['requester_id'],
  customerColumn: 'customer_id',
  personalColumns: ['subject', 'description'],
  freeText: ['subject', 'description'],
  clock: { event: "(t.created_at AT TIME ZONE 'Europe/Stockholm')::date", agreementsOf: 't.customer_id', agreementsFromEvent: true },
  cull: 'delete',
  role: { name: { en: 'support requester', sv: 'beställare av support' } },
  erasure: [
    { when: "EXISTS (SELECT 1 FROM agreement a WHERE a.customer_id = t.customer_id AND (a.end_date IS NULL OR a.end_date >= $2))", outcome: 'keep', reason: 'agreement' },
    // A company's support history is the company's: the requester is taken out of it.
    { when: "EXISTS (SELECT 1 FROM customer c WHERE c.id = t.customer_id AND c.type = 'organisation')", outcome: 'anonymise', reason: 'companyRecord' },
  ],
  dependants: [{ table: 'ticket_entry', column: 'ticket_id', freeText: ['body'], cascades: true }, { table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  label: "'#' || t.ticket_number || ' ' || t.subject || ' — ' || (SELECT c.customer_number || ' ' || coalesce(o.name, cp.first_name || ' ' || cp.last_name) FROM customer c LEFT JOIN organisation o ON o.id = c.organisation_id LEFT JOIN person cp ON cp.id = c.person_id WHERE c.id = t.customer_id)",
  describe: { en: "'Ticket #' || t.ticket_number || ': ' || t.subject", sv: "'Ärende #' || t.ticket_number || ': ' || t.subject" },
  source: { sv: 'Ditt supportärende, registrerat av oss när du kontaktade supporten', en: 'Your support request, registered by us when you contacted support' },
  order: 10,
})
export class Ticket extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  ticketNumber!: number;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn()
  customer!: Customer;

  @Index()
  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  requester!: Person | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  requesterId!: string | null;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', default: 'new' })
  status!: TicketStatus;

  @Column({ type: 'text', default: 'normal' })
  priority!: TicketPriority;

  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  assignee!: StaffUser | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** When the assignee is told the due time nears (after ¾ of the SLA's open time). */
  @Column({ type: 'timestamptz' })
  warnAt!: Date;

  /** Since when the ticket waits for the customer: the SLA clock stands still meanwhile. */
  @Column({ type: 'timestamptz', nullable: true })
  slaPausedAt!: Date | null;

  /** Open minutes the ticket has waited for the customer in earlier waits: they extend its due time. */
  @Column({ type: 'integer', default: 0 })
  slaPausedMinutes!: number;

  @ManyToOne(() => DeviceCheckin, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  checkin!: DeviceCheckin | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  checkinId!: string | null;

  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  createdBy!: StaffUser | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @OneToMany(() => TicketEntry, (entry) => entry.ticket)
  entries!: TicketEntry[];

  /** Words of subject, description and entries, in both languages' stemming (kept by triggers). */
  @Column({ type: 'tsvector', select: false, insert: false, update: false, nullable: true })
  searchVector!: string | null;

  /** The same without internal notes: what the roles that may not read notes search (kept by the same triggers). */
  @Column({ type: 'tsvector', select: false, insert: false, update: false, nullable: true })
  searchVectorWithoutNotes!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
