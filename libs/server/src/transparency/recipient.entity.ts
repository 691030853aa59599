import { RecipientKind, TransferMechanism } from '@privdesk/domain';
import { Check, Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NotPersonalData } from '../privacy/registry';

/** Who receives personal data: processors and independent controllers (no personal data of its own). */
@Entity()
@NotPersonalData('Names companies that receive data (processors and controllers), not people.', 'recipient')
@Check('recipient_kind', `kind IN ('processor', 'independent_controller')`)
@Check('recipient_transfer_mechanism', `transfer_mechanism IN ('adequacy', 'dpf', 'scc')`)
export class Recipient {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: RecipientKind;

  @Column({ type: 'text' })
  receivesSv!: string;

  @Column({ type: 'text' })
  receivesEn!: string;

  /** Policy codes under which data goes to this recipient. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  purposes!: string[];

  /** Countries where the data is processed (ISO 3166-1 alpha-2). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countries!: string[];

  @Column({ type: 'boolean', default: true })
  inEu!: boolean;

  /** Outside the EU/EEA: adequacy decision, EU–US Data Privacy Framework or standard contractual clauses. */
  @Column({ type: 'text', nullable: true })
  transferMechanism!: TransferMechanism | null;

  @Column({ type: 'text', nullable: true })
  transferSafeguard!: string | null;

  @Column({ type: 'text', nullable: true })
  agreementReference!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
