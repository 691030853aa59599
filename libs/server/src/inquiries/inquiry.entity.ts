import { InquiryStatus } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';

/** A question sent through the public contact form (P8). */
@Entity()
@Check('inquiry_legal_basis', LEGAL_BASIS_CHECK)
@Check('inquiry_status', `status IN ('new', 'ticket', 'lead', 'closed')`)
@Index('inquiry_message_fts', { synchronize: false })
@HoldsPersonalData({
  recordType: 'inquiry',
  table: 'inquiry',
  name: { sv: 'Fråga via kontaktformuläret', en: 'Contact-form question' },
  policies: ['P8'],
  personColumns: ['person_id'],
  requiredPersonColumns: ['person_id'],
  personalColumns: ['message'],
  freeText: ['message'],
  clock: { event: "(t.received_at AT TIME ZONE 'Europe/Stockholm')::date" },
  cull: 'delete',
  role: { name: { en: 'inquirer', sv: 'frågeställare' } },
  erasure: [],
  dependants: [{ table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  label: "'#' || t.inquiry_number || ' — ' || (SELECT p.first_name || ' ' || p.last_name FROM person p WHERE p.id = t.person_id)",
  describe: { en: "'Question #' || t.inquiry_number || ': ' || left(t.message, 80)", sv: "'Fråga #' || t.inquiry_number || ': ' || left(t.message, 80)" },
  source: { sv: 'Din fråga via kontaktformuläret', en: 'Your question through the contact form' },
  order: 60,
})
export class Inquiry extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  inquiryNumber!: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Index()
  @Column({ type: 'text', default: 'new' })
  status!: InquiryStatus;

  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  customerId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
