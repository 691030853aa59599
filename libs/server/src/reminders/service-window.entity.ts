import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';

/** A service window or system update announced to customers whose agreements run at that time. */
@Entity()
@Check('service_window_kind', `kind IN ('service_window', 'system_update')`)
@Check('service_window_times', 'ends_at > starts_at')
export class ServiceWindow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: 'service_window' | 'system_update';

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  announcedBy!: StaffUser | null;

  @Column({ type: 'uuid', nullable: true })
  announcedById!: string | null;

  /** Mails queued; null until the job has run. */
  @Column({ type: 'integer', nullable: true })
  recipients!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
