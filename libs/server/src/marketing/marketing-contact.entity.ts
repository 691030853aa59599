import { MarketingAudience, MarketingSource } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HoldsPersonalData } from '../database/personal-data';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';

/** Someone the company may send marketing to (P5): from an event, a sign-up, or as a company's representative. */
@Entity()
@Check('marketing_contact_legal_basis', LEGAL_BASIS_CHECK)
@Check('marketing_contact_audience', `audience IN ('consumer', 'business')`)
@HoldsPersonalData({ policy: 'P5', personalFields: ['person', 'companyName', 'consentText'] })
export class MarketingContact extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  audience!: MarketingAudience;

  @Column({ type: 'text', nullable: true })
  companyName!: string | null;

  @Column({ type: 'text' })
  source!: MarketingSource;

  @Column({ type: 'date' })
  receivedOn!: string;

  /** Consent to e-mail marketing: when and in which words. */
  @Column({ type: 'timestamptz', nullable: true })
  consentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  consentText!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
