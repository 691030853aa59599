import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentSensitivity } from '@privdesk/domain';
import { Applicant } from './applicant.entity';

/**
 * A CV, certificate or letter attached to an application, stored in PostgreSQL with its SHA-256:
 * it is backed up, restored and deleted in the same transaction as the application itself.
 */
@Entity()
@Check('applicant_document_sensitivity', `"sensitivity" IN ('none', 'personnummer', 'drug_test', 'health_reference')`)
export class ApplicantDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Applicant, (applicant) => applicant.documents, { onDelete: 'CASCADE' })
  @JoinColumn()
  applicant!: Applicant;

  @Index()
  @Column({ type: 'uuid' })
  applicantId!: string;

  @Column({ type: 'text' })
  filename!: string;

  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  /** Personnummer, drug-test results, references that may concern health: open to recruiting admins only. */
  @Column({ type: 'text', default: 'none' })
  sensitivity!: DocumentSensitivity;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
