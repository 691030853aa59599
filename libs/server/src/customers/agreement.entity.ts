import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HoldsPersonalData } from '../database/personal-data';
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
@HoldsPersonalData({ policy: 'P7', personalFields: [] })
export class Agreement extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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
