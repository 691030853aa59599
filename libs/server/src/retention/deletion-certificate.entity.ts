import { CertificateCount, CullOutcome } from '@privdesk/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RetentionPolicy } from '../policies/retention-policy.entity';

/** Proof of a cull run, without personal data: counts, and the culled ids as keyed hashes. */
@Entity()
export class DeletionCertificate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  runId!: string;

  @Column({ type: 'date' })
  asOf!: string;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  finishedAt!: Date;

  @Column({ type: 'jsonb' })
  counts!: CertificateCount[];

  @Column({ type: 'jsonb' })
  totals!: Record<CullOutcome, number>;

  /** Certificates are kept only as long as their own policy says. */
  @Column({ type: 'text' })
  purpose!: string;

  @ManyToOne(() => RetentionPolicy, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'purpose' })
  policy?: RetentionPolicy;

  @Index()
  @Column({ type: 'date' })
  retainUntil!: string;
}
