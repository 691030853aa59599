import { TaskKind } from '@privdesk/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';

/**
 * Something a colleague should do, made by a reminder job. Titles name records by number, never
 * by person, so a task holds no personal data and needs no retention of its own beyond its record.
 */
@Entity()
@Index('staff_task_open', ['assigneeId', 'doneAt'])
export class StaffTask {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn()
  assignee!: StaffUser;

  @Column({ type: 'uuid' })
  assigneeId!: string;

  @Column({ type: 'text' })
  kind!: TaskKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  link!: string;

  /** The record the task is about; the task goes when the record is culled. */
  @Index()
  @Column({ type: 'uuid' })
  recordId!: string;

  /** The same event never makes two tasks. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;
}
