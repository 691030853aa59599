import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Server-side sessions, so that signing out, deactivating a user or an admin can revoke them. */
@Entity()
export class StaffSession {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
