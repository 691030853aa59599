import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Customer } from './customer.entity';

/**
 * An agreement with a customer. Its term drives the retention of the customer relationship
 * (P3) and the contact persons (P6); the agreement itself is an important agreement under
 * bookkeeping law (P7).
 */
@Entity()
// Index of the words in the free text, so anonymisation finds mentions of a person fast (see cull-plan.ts).
@Index('agreement_title_fts', { synchronize: false })
@Check('agreement_legal_basis', LEGAL_BASIS_CHECK)
@Check('agreement_dates', 'end_date IS NULL OR end_date >= start_date')
@HoldsPersonalData({
  recordType: 'agreement',
  table: 'agreement',
  name: { sv: 'Avtal', en: 'Agreement' },
  policies: ['P7'],
  personColumns: [],
  customerColumn: 'customer_id',
  personalColumns: ['title'],
  freeText: ['title'],
  clock: { financialDay: 't.end_date' },
  cull: 'delete',
  // Agreements hold no personal data of their own but are why a customer stays: the person is told.
  erasure: [
    { when: 't.end_date IS NULL OR t.end_date >= $2', outcome: 'keep', reason: 'agreement' },
    { when: 'true', outcome: 'anonymise', reason: 'bookkeeping', untilDeadline: true },
  ],
  dependants: [{ table: 'staff_task', column: 'record_id' }],
  label: "t.title || ' (' || (SELECT c.customer_number FROM customer c WHERE c.id = t.customer_id) || ')'",
  describe: { en: "'Agreement: ' || t.title", sv: "'Avtal: ' || t.title" },
  source: { sv: 'Avtalet mellan dig och oss', en: 'The agreement between you and us' },
  order: 90,
})
export class Agreement extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @ManyToOne(() => Customer, (customer) => customer.agreements, { onDelete: 'RESTRICT' })
  @JoinColumn()
  customer!: Customer;

  @Index()
  @Column({ type: 'uuid' })
  customerId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
