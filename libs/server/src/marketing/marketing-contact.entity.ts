import { MarketingAudience, MarketingSource } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';

/** Someone the company may send marketing to (P5): from an event, a sign-up, or as a company's representative. */
@Entity()
@Check('marketing_contact_legal_basis', LEGAL_BASIS_CHECK)
@Check('marketing_contact_audience', `audience IN ('consumer', 'business')`)
@HoldsPersonalData({
  recordType: 'marketing_contact',
  table: 'marketing_contact',
  name: { sv: 'Marknadsföringskontakt', en: 'Marketing contact' },
  policies: ['P5'],
  personColumns: ['person_id'],
  requiredPersonColumns: ['person_id'],
  personalColumns: ['company_name', 'consent_text'],
  freeText: [],
  clock: { event: 't.received_on' },
  cull: 'delete',
  role: { name: { en: 'marketing contact', sv: 'marknadsföringskontakt' } },
  erasure: [],
  dependants: [{ table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  label: "(SELECT p.first_name || ' ' || p.last_name FROM person p WHERE p.id = t.person_id)",
  describe: {
    en: "'Marketing contact (' || t.source || ', received ' || t.received_on || ')'",
    sv: "'Marknadsföringskontakt (' || t.source || ', mottagen ' || t.received_on || ')'",
  },
  source: { sv: 'Kontaktuppgifter du lämnade till oss (evenemang, anmälan eller som företagsrepresentant)', en: 'Contact details you gave us (an event, a sign-up, or as a company’s representative)' },
  order: 40,
})
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
