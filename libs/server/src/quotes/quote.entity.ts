import { QuoteStatus } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { Customer } from '../customers/customer.entity';
import { HoldsPersonalData } from '../database/personal-data';
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
@HoldsPersonalData({ policy: 'P2', personalFields: ['holder'] })
export class Quote extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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
