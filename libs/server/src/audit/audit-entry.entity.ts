import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what to which record, and which fields — never the values. The entries form a hash
 * chain (`audit-chain.ts`): each stores its place in the chain, the previous entry's hash and a
 * hash over its own content and that previous hash, so an edited, deleted or reordered entry shows.
 */
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

  /** Position in the chain: 1, 2, 3 … in the order the entries were written. */
  @Index({ unique: true })
  @Column({ type: 'bigint' })
  seq!: string;

  /** The hash of the entry before this one ('' for the first). */
  @Column({ type: 'text' })
  prevHash!: string;

  /** SHA-256 (hex) over `prevHash`, `seq` and the content: at, actor, action, entity, fields, details. */
  @Column({ type: 'text' })
  hash!: string;
}
