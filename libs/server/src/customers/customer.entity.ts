import { CustomerType } from '@privdesk/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { Agreement } from './agreement.entity';
import { ContactPerson } from './contact-person.entity';
import { Organisation } from './organisation.entity';

/** The customer relationship (P3): a person or an organisation, with a customer number. */
@Entity()
@Check('customer_legal_basis', LEGAL_BASIS_CHECK)
@Check('customer_party', `(type = 'person' AND person_id IS NOT NULL AND organisation_id IS NULL) OR (type = 'organisation' AND organisation_id IS NOT NULL AND person_id IS NULL)`)
@HoldsPersonalData({
  recordType: 'customer',
  table: 'customer',
  name: { sv: 'Kund', en: 'Customer' },
  policies: ['P3'],
  personColumns: ['person_id'],
  customerColumn: 'id',
  personalColumns: [],
  freeText: [],
  clock: { event: "(t.created_at AT TIME ZONE 'Europe/Stockholm')::date", agreementsOf: 't.id' },
  // A customer with records still kept (agreements and orders for bookkeeping, support on its own
  // clock) stays, marked anonymised (its person is anonymised on his or her own deadline).
  cull: 'anonymise-while-referenced',
  owns: [{ table: 'organisation', column: 'organisation_id' }],
  role: { name: { en: 'customer', sv: 'kund' } },
  erasure: [
    { when: "EXISTS (SELECT 1 FROM agreement a WHERE a.customer_id = t.id AND (a.end_date IS NULL OR a.end_date >= $2))", outcome: 'keep', reason: 'agreement' },
    { when: "EXISTS (SELECT 1 FROM agreement a WHERE a.customer_id = t.id) OR EXISTS (SELECT 1 FROM quote q WHERE q.customer_id = t.id AND q.status = 'won')", outcome: 'anonymise', reason: 'keptForRecord' },
  ],
  dependants: [{ table: 'staff_task', column: 'record_id' }],
  label: "t.customer_number || ' ' || coalesce((SELECT o.name FROM organisation o WHERE o.id = t.organisation_id), (SELECT p.first_name || ' ' || p.last_name FROM person p WHERE p.id = t.person_id))",
  describe: { en: "'Customer ' || t.customer_number", sv: "'Kund ' || t.customer_number" },
  source: { sv: 'Registrerad av personal när kundrelationen inleddes', en: 'Registered by staff when the customer relationship began' },
  order: 100,
})
export class Customer extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  customerNumber!: number;

  @Column({ type: 'text' })
  type!: CustomerType;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  organisation!: Organisation | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @OneToMany(() => ContactPerson, (contact) => contact.customer)
  contacts!: ContactPerson[];

  @OneToMany(() => Agreement, (agreement) => agreement.customer)
  agreements!: Agreement[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
