import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { NotPersonalData } from '../privacy/registry';

/**
 * The suppression list: people who objected to direct marketing (GDPR Art. 21(3)). Kept minimal —
 * a keyed hash of the e-mail address, never the address — and kept for as long as it is needed to
 * honour the objection, so the person is never re-imported into marketing.
 */
@Entity()
@NotPersonalData('Only keyed hashes of e-mail addresses, kept so an objection is honoured after the person is gone.', 'marketing_suppression')
export class MarketingSuppression {
  @PrimaryColumn({ type: 'text' })
  emailHash!: string;

  /** How the objection reached us: opt-out link, staff, request. */
  @Column({ type: 'text' })
  source!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
