import { PartnerKind } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';

/**
 * A contact person at a supplier or partner (P9, legitimate interest): kept 24 months from the last
 * contact or the end of the business relationship, whichever is later (docs/decisions/0014).
 */
@Entity()
@Check('partner_contact_legal_basis', LEGAL_BASIS_CHECK)
@Check('partner_contact_kind', `kind IN ('supplier', 'partner')`)
// Indexes of the words in the free text, so a person's mentions are found fast when he or she goes (see cull-plan.ts).
@Index('partner_contact_title_fts', { synchronize: false })
@Index('partner_contact_notes_fts', { synchronize: false })
@Index(['personId', 'organisationName'], { unique: true })
@HoldsPersonalData({
  recordType: 'partner_contact',
  table: 'partner_contact',
  name: { sv: 'Kontaktperson hos leverantör eller partner', en: 'Supplier or partner contact' },
  policies: ['P9'],
  personColumns: ['person_id'],
  requiredPersonColumns: ['person_id'],
  personalColumns: ['title', 'notes'],
  freeText: ['title', 'notes'],
  clock: { event: 'greatest(t.last_contact_on, t.relationship_ended_on)' },
  // Only a link between a person and an organisation: it goes entirely.
  cull: 'delete',
  role: { name: { en: 'supplier or partner contact', sv: 'kontaktperson hos leverantör eller partner' } },
  erasure: [],
  dependants: [{ table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  roleTitle: 't.title',
  label: "(SELECT p.first_name || ' ' || p.last_name FROM person p WHERE p.id = t.person_id) || ' (' || t.organisation_name || ')'",
  describe: {
    en: "CASE t.kind WHEN 'supplier' THEN 'Contact person at the supplier ' ELSE 'Contact person at the partner ' END || t.organisation_name",
    sv: "CASE t.kind WHEN 'supplier' THEN 'Kontaktperson hos leverantören ' ELSE 'Kontaktperson hos partnern ' END || t.organisation_name",
  },
  source: {
    sv: 'Registrerad av personal som kontaktperson hos en leverantör eller partner (från dig eller din arbetsgivare)',
    en: 'Registered by staff as a contact person at a supplier or partner (from you or your employer)',
  },
  order: 45,
})
export class PartnerContact extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  organisationName!: string;

  @Column({ type: 'text' })
  kind!: PartnerKind;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'date' })
  lastContactOn!: string;

  @Column({ type: 'date', nullable: true })
  relationshipEndedOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
