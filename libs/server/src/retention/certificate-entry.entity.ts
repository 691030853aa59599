import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One culled record of a run: its type, policy, outcome and id as an HMAC — never the id itself. */
@Entity()
@Index(['runId'])
export class CertificateEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  runId!: string;

  @Column({ type: 'text' })
  recordType!: string;

  @Column({ type: 'text' })
  policy!: string;

  @Column({ type: 'text' })
  outcome!: 'deleted' | 'anonymised';

  @Index()
  @Column({ type: 'text' })
  idHash!: string;
}
