import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { Customer } from './customer.entity';

/** A person acting for an organisation customer (P6): kept while the customer's agreement runs. */
@Entity()
// Index of the words in the free text, so anonymisation finds mentions of a person fast (see cull-plan.ts).
@Index('contact_person_title_fts', { synchronize: false })
@Check('contact_person_legal_basis', LEGAL_BASIS_CHECK)
@Index(['customerId', 'personId'], { unique: true })
@HoldsPersonalData({
  recordType: 'contact_person',
  table: 'contact_person',
  name: { sv: 'Kontaktperson', en: 'Contact person' },
  policies: ['P6'],
  personColumns: ['person_id'],
  requiredPersonColumns: ['person_id'],
  customerColumn: 'customer_id',
  personalColumns: ['title'],
  freeText: ['title'],
  clock: { event: "(t.created_at AT TIME ZONE 'Europe/Stockholm')::date", agreementsOf: 't.customer_id', endedOn: 't.left_on' },
  // A contact person is only a link between a person and a customer: it goes entirely.
  cull: 'delete',
  role: { name: { en: 'contact person', sv: 'kontaktperson' } },
  erasure: [],
  dependants: [{ table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  roleTitle: 't.title',
  label: "(SELECT p.first_name || ' ' || p.last_name FROM person p WHERE p.id = t.person_id)",
  describe: {
    en: "'Contact person at ' || (SELECT coalesce(o.name, cp.first_name || ' ' || cp.last_name) FROM customer c LEFT JOIN organisation o ON o.id = c.organisation_id LEFT JOIN person cp ON cp.id = c.person_id WHERE c.id = t.customer_id)",
    sv: "'Kontaktperson hos ' || (SELECT coalesce(o.name, cp.first_name || ' ' || cp.last_name) FROM customer c LEFT JOIN organisation o ON o.id = c.organisation_id LEFT JOIN person cp ON cp.id = c.person_id WHERE c.id = t.customer_id)",
  },
  source: { sv: 'Registrerad av personal som kontaktperson för kunden', en: 'Registered by staff as the customer’s contact person' },
  order: 80,
})
export class ContactPerson extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @ManyToOne(() => Customer, (customer) => customer.contacts, { onDelete: 'CASCADE' })
  @JoinColumn()
  customer!: Customer;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  /** The day the person stopped acting for the customer; starts his or her retention clock. */
  @Column({ type: 'date', nullable: true })
  leftOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
