import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HoldsPersonalData } from '../database/personal-data';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';

/**
 * A data subject, stored once and referenced from every role he or she plays (customer,
 * contact person, …), so that one person can be found, exported and erased everywhere.
 * Kept while any of those roles is kept: its privacy is that of the longest-kept role.
 */
@Entity()
@Check('person_legal_basis', LEGAL_BASIS_CHECK)
@HoldsPersonalData({
  policy: 'P3',
  personalFields: ['firstName', 'lastName', 'email', 'phone', 'street', 'postalCode', 'city', 'personnummer'],
})
export class Person extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  firstName!: string;

  @Column({ type: 'text' })
  lastName!: string;

  @Index()
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Index()
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  street!: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  /** Normalised `YYYYMMDD-NNNN`; unique among people. */
  @Column({ type: 'text', nullable: true, unique: true })
  personnummer!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
