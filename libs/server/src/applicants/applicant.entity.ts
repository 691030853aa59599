import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { HoldsPersonalData } from '../database/personal-data';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { ApplicantDocument } from './applicant-document.entity';

/** A job or internship application (P1, consent): 24 months from submission, or until consent is withdrawn. */
@Entity()
@Check('applicant_legal_basis', LEGAL_BASIS_CHECK)
@HoldsPersonalData({ policy: 'P1', personalFields: ['person', 'position', 'documents'] })
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
