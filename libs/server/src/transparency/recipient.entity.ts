import { RecipientKind } from '@privdesk/domain';
import { Check, Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NotPersonalData } from '../privacy/registry';

/** Who receives personal data: processors and independent controllers (no personal data of its own). */
@Entity()
@NotPersonalData('Names companies that receive data (processors and controllers), not people.', 'recipient')
@Check('recipient_kind', `kind IN ('processor', 'independent_controller')`)
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

  @Column({ type: 'boolean', default: true })
  inEu!: boolean;

  @Column({ type: 'text', nullable: true })
  transferSafeguard!: string | null;

  @Column({ type: 'text', nullable: true })
  agreementReference!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
