import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NotPersonalData } from '../privacy/registry';

/**
 * Jobs the API wants enqueued, written in the same transaction as the change that wants them and
 * relayed to BullMQ afterwards — so a job is never lost while Redis is away.
 */
@Entity()
@NotPersonalData('Jobs waiting for the queue: a job name and the ids of what to work on, never personal data (the erasure test checks the payloads).', 'job_outbox')
@Index('job_outbox_pending', ['id'], { where: 'relayed_at IS NULL' })
export class JobOutbox {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** The job's id in BullMQ: random, so a restored database (whose sequence rewinds) never reuses one. */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  jobKey!: string;

  @Column({ type: 'text' })
  queue!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;
}
