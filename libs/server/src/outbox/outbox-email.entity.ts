import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every e-mail Privdesk sends goes through here; without SMTP it stays here for admins to read. */
@Entity()
export class OutboxEmail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The same event never mails twice. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'text' })
  toAddress!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Index()
  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'sent' | 'stored' | 'failed';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
