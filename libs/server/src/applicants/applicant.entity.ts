import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { ApplicantDocument } from './applicant-document.entity';
import { ApplicationSource } from '@privdesk/domain';
import { StaffUser } from '../auth/staff-user.entity';

/** A job or internship application (P1, consent): 24 months from submission, or until consent is withdrawn. */
@Entity()
@Check('applicant_legal_basis', LEGAL_BASIS_CHECK)
@Check('applicant_source', `"source" IN ('web_form', 'email', 'paper', 'recruiter')`)
@HoldsPersonalData({
  recordType: 'applicant',
  table: 'applicant',
  name: { sv: 'Ansökan', en: 'Application' },
  policies: ['P1'],
  personColumns: ['person_id'],
  requiredPersonColumns: ['person_id'],
  personalColumns: ['position', 'consent_text'],
  freeText: [],
  clock: { event: "(t.submitted_at AT TIME ZONE 'Europe/Stockholm')::date" },
  cull: 'delete',
  role: { name: { en: 'applicant', sv: 'sökande' } },
  erasure: [],
  dependants: [{ table: 'applicant_document', column: 'applicant_id', cascades: true }, { table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  label: "t.position || ' — ' || (SELECT p.first_name || ' ' || p.last_name FROM person p WHERE p.id = t.person_id)",
  describe: {
    en: "'Application: ' || t.position || ' (' || (SELECT count(*) FROM applicant_document d WHERE d.applicant_id = t.id) || ' documents)'",
    sv: "'Ansökan: ' || t.position || ' (' || (SELECT count(*) FROM applicant_document d WHERE d.applicant_id = t.id) || ' dokument)'",
  },
  source: { sv: 'Din ansökan, som du skickade till oss', en: 'Your application, which you sent us' },
  order: 50,
})
export class Applicant extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  position!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  /** The public form, or the channel staff registered it from (e-mail, paper, a recruiter). */
  @Column({ type: 'text', default: 'web_form' })
  source!: ApplicationSource;

  @Column({ type: 'text', nullable: true })
  recruiterName!: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ foreignKeyConstraintName: 'FK_applicant_registered_by' })
  registeredBy!: StaffUser | null;

  @Column({ type: 'uuid', nullable: true })
  registeredById!: string | null;

  /** The exact words the applicant consented to, and when. */
  @Column({ type: 'text' })
  consentText!: string;

  @Column({ type: 'timestamptz' })
  consentAt!: Date;

  @OneToMany(() => ApplicantDocument, (document) => document.applicant)
  documents!: ApplicantDocument[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
