import { ReviewStatus } from '@privdesk/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An expired record whose policy says "review first": an admin approves the cull or extends it. */
@Entity()
@Index(['recordType', 'recordId'], { unique: true })
export class DispositionReview {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  recordType!: string;

  @Column({ type: 'uuid' })
  recordId!: string;

  @Column({ type: 'text' })
  policy!: string;

  @Column({ type: 'date', nullable: true })
  retainUntil!: string | null;

  @Index()
  @Column({ type: 'text', default: 'pending' })
  status!: ReviewStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'date', nullable: true })
  extendedUntil!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;
}
