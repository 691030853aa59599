import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record, and which fields — never the values. */
@Entity()
@Index(['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'uuid', nullable: true })
  entityId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields!: string[];

  /** Before/after values of records that hold no personal data (policies), for accountability. */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
