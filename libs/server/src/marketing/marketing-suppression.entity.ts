import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The suppression list: people who objected to direct marketing (GDPR Art. 21(3)). Kept minimal —
 * a keyed hash of the e-mail address, never the address — and kept for as long as it is needed to
 * honour the objection, so the person is never re-imported into marketing.
 */
@Entity()
export class MarketingSuppression {
  @PrimaryColumn({ type: 'text' })
  emailHash!: string;

  /** How the objection reached us: opt-out link, staff, request. */
  @Column({ type: 'text' })
  source!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
