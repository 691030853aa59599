import { QuoteStatus } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { Customer } from '../customers/customer.entity';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { QuoteLine } from './quote-line.entity';

/**
 * A quote to a customer or a prospect. Open, lost and expired quotes fall under P2; a won quote
 * is an order in the customer's purchase history and falls under bookkeeping law (P7).
 */
@Entity()
@Check('quote_legal_basis', LEGAL_BASIS_CHECK)
@Check('quote_status', `status IN ('open', 'won', 'lost', 'expired')`)
@Check('quote_dates', 'valid_until >= issued_on')
@Check('quote_party', 'customer_id IS NOT NULL OR holder_id IS NOT NULL OR anonymised_at IS NOT NULL')
@Index('quote_title_fts', { synchronize: false })
@HoldsPersonalData({
  recordType: 'quote',
  table: 'quote',
  name: { sv: 'Offert', en: 'Quote' },
  // Not won: P2. Won: an order in the purchase history, kept for bookkeeping (P7).
  policies: ['P2', 'P7'],
  personColumns: ['holder_id'],
  customerColumn: 'customer_id',
  personalColumns: ['title'],
  freeText: ['title'],
  clock: { event: 't.issued_on', validUntil: 't.valid_until', financialDay: "(t.decided_at AT TIME ZONE 'Europe/Stockholm')::date" },
  cull: 'delete',
  // An order outlives the buyer's other data: bookkeeping keeps the order, not the person.
  role: { name: { en: 'quote holder', sv: 'offertmottagare' }, where: "t.status <> 'won'" },
  erasure: [{ when: "t.status = 'won'", outcome: 'anonymise', reason: 'bookkeeping', untilDeadline: true }],
  dependants: [{ table: 'quote_line', column: 'quote_id', freeText: ['description'], cascades: true }, { table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  label: "'#' || t.quote_number || ' ' || t.title",
  describe: { en: "'Quote #' || t.quote_number || ' (' || t.status || '): ' || t.title", sv: "'Offert #' || t.quote_number || ' (' || t.status || '): ' || t.title" },
  source: { sv: 'Offert som vi lämnade till dig', en: 'A quote we gave you' },
  order: 30,
})
export class Quote extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  quoteNumber!: number;

  @ManyToOne(() => Customer, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  customer!: Customer | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  customerId!: string | null;

  /** The person the quote is addressed to. */
  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  holder!: Person | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  holderId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Index()
  @Column({ type: 'text', default: 'open' })
  status!: QuoteStatus;

  @Column({ type: 'date' })
  issuedOn!: string;

  @Index()
  @Column({ type: 'date' })
  validUntil!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn()
  owner!: StaffUser;

  @Index()
  @Column({ type: 'uuid' })
  ownerId!: string;

  /** Net and total in öre, stored so lists and the pipeline need not sum lines. */
  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) } })
  netOre!: number;

  @Column({ type: 'bigint', transformer: { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) } })
  totalOre!: number;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lostReason!: string | null;

  @OneToMany(() => QuoteLine, (line) => line.quote)
  lines!: QuoteLine[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
