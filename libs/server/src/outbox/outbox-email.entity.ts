import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { HoldsPersonalData } from '../privacy/registry';

/**
 * Every e-mail Privdesk sends goes through here; without SMTP it stays here for admins to read.
 * A mail is personal data: it names its recipient and greets him or her. It is kept on its own
 * short policy (A3) from sending, goes with the person it was sent to and with the record that
 * caused it, and says what that record's purpose was (`sentFor`).
 */
@Entity()
@Check('outbox_email_legal_basis', LEGAL_BASIS_CHECK)
@Index('outbox_email_subject_fts', { synchronize: false })
@Index('outbox_email_body_fts', { synchronize: false })
@HoldsPersonalData({
  recordType: 'outbox_email',
  table: 'outbox_email',
  name: { sv: 'Skickad e-post', en: 'Mail sent' },
  policies: ['A3'],
  personColumns: ['person_id'],
  personalColumns: ['to_address', 'subject', 'body'],
  freeText: ['subject', 'body'],
  clock: { event: "(coalesce(t.sent_at, t.created_at) AT TIME ZONE 'Europe/Stockholm')::date" },
  cull: 'delete',
  erasure: [],
  dependants: [],
  label: `'Mail: ' || t.subject`,
  describe: { en: `'Mail sent ' || to_char(t.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') || ': ' || t.subject`, sv: `'E-post skickad ' || to_char(t.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') || ': ' || t.subject` },
  source: { sv: 'E-post som vi skickade till dig', en: 'Mail we sent you' },
  order: 5,
})
export class OutboxEmail extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The same event never mails twice. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'text' })
  toAddress!: string;

  /** The person the mail went to, when it went to a data subject (not to staff). */
  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  person?: Person | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  /** The record that caused the mail (a quote, a ticket, a request …): the mail goes with it. */
  @Column({ type: 'text', nullable: true })
  recordType!: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  recordId!: string | null;

  /** The purpose of what caused the mail (e.g. P2 for a quote's follow-up). */
  @Column({ type: 'text' })
  sentFor!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Index()
  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'sent' | 'stored' | 'failed';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
