import { TicketPriority, TicketStatus } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { DeviceCheckin } from '../checkins/device-checkin.entity';
import { Customer } from '../customers/customer.entity';
import { HoldsPersonalData } from '../database/personal-data';
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
@Index('ticket_subject_fts', { synchronize: false })
@Index('ticket_description_fts', { synchronize: false })
@Index('ticket_active_due', { synchronize: false })
@Index('ticket_assignee_active_due', { synchronize: false })
@HoldsPersonalData({ policy: 'P4', personalFields: ['subject', 'description'] })
export class Ticket extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
