import { JobStatus } from '@privdesk/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Progress of one step of a cull: where it stands (cursor) and what it did so far. */
export interface CullStepProgress {
  recordType: string;
  cursor: string | null;
  finished: boolean;
}

/**
 * A background task people can leave and come back to: a cull run or a recomputation after a
 * policy change. Its progress is written in the same transaction as each batch's effects, so a
 * killed worker resumes exactly where it stopped.
 */
@Entity()
@Index(['kind', 'createdAt'])
export class RetentionTask {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: 'cull' | 'recompute';

  @Column({ type: 'text', default: 'queued' })
  status!: JobStatus;

  /** Cull: the as-of date; recompute: the policy code. */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'integer', default: 0 })
  done!: number;

  @Column({ type: 'integer', nullable: true })
  total!: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  steps!: CullStepProgress[];

  /** Per record type and policy: deleted/anonymised/held/reviewed so far. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts!: Record<string, Record<string, number>>;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
