import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';

/**
 * A data subject, stored once and referenced from every role he or she plays (customer,
 * contact person, …), so that one person can be found, exported and erased everywhere.
 * Kept while any of those roles is kept: its privacy is that of the longest-kept role.
 */
@Entity()
@Check('person_legal_basis', LEGAL_BASIS_CHECK)
// lower(trim(email)): the address every registration looks a person up by (migration 1764090000010); not unique, so duplicates registered earlier can be listed and merged.
@Index('person_email_match', { synchronize: false })
// Any part of the name, for the searches (trigram index, migration 1764090000019).
@Index('person_name_trgm', { synchronize: false })
@HoldsPersonalData({
  recordType: 'person',
  table: 'person',
  name: { sv: 'Person', en: 'Person' },
  // A person's purpose, basis and deadline are those of his or her longest-kept role.
  policies: [],
  personColumns: [],
  personalColumns: ['first_name', 'last_name', 'email', 'phone', 'street', 'postal_code', 'city', 'personnummer'],
  freeText: [],
  clock: {},
  // People still referenced (by a customer or an order kept for bookkeeping) are anonymised, the rest deleted.
  cull: 'anonymise-while-referenced',
  anonymise: `first_name = 'Anonymiserad', last_name = 'person', email = NULL, phone = NULL, street = NULL, postal_code = NULL, city = NULL, personnummer = NULL`,
  erasure: [],
  // Mails to the person go with him or her; they do not keep the person.
  dependants: [{ table: 'outbox_email', column: 'person_id', freeText: ['subject', 'body'] }],
  label: `t.first_name || ' ' || t.last_name`,
  describe: { en: `t.first_name || ' ' || t.last_name`, sv: `t.first_name || ' ' || t.last_name` },
  source: { sv: 'Registrerad av personal eller av dig själv via våra formulär', en: 'Registered by staff, or by you through our forms' },
  order: 1000,
})
export class Person extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text' })
  firstName!: string;

  @Column({ type: 'text' })
  lastName!: string;

  @Index()
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Index()
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  street!: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  /** Normalised `YYYYMMDD-NNNN`; unique among people. */
  @Column({ type: 'text', nullable: true, unique: true })
  personnummer!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
