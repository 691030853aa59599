import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HoldsPersonalData } from '../database/personal-data';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { Customer } from './customer.entity';

/** A person acting for an organisation customer (P6): kept while the customer's agreement runs. */
@Entity()
// Index of the words in the free text, so anonymisation finds mentions of a person fast (see cull-plan.ts).
@Index('contact_person_title_fts', { synchronize: false })
@Check('contact_person_legal_basis', LEGAL_BASIS_CHECK)
@Index(['customerId', 'personId'], { unique: true })
@HoldsPersonalData({ policy: 'P6', personalFields: ['person', 'title'] })
export class ContactPerson extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Customer, (customer) => customer.contacts, { onDelete: 'CASCADE' })
  @JoinColumn()
  customer!: Customer;

  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  /** The day the person stopped acting for the customer; starts his or her retention clock. */
  @Column({ type: 'date', nullable: true })
  leftOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
