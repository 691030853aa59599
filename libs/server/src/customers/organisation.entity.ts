import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PartOfPersonalData } from '../privacy/registry';

/** A company or other legal entity. Not a data subject — its people are linked as contact persons. */
@Entity()
// Any part of the name, for the searches (trigram index, migration 1764090000019).
@Index('organisation_name_trgm', { synchronize: false })
@PartOfPersonalData({ table: 'organisation', partOf: 'customer', why: 'A company customer’s own details (for a sole trader, personal data): kept, culled and exported with the customer.' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Index({ unique: true, where: 'org_number IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  orgNumber!: string | null;

  /** A sole trader's org number is the owner's personnummer, and then personal data. */
  @Column({ type: 'boolean', default: false })
  soleTrader!: boolean;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  street!: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  /** The data processing agreement (personuppgiftsbiträdesavtal): technicians handle the company's data only under one. */
  @Column({ type: 'date', nullable: true })
  dpaSignedOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
