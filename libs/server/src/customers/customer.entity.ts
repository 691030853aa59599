import { CustomerType } from '@privdesk/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { HoldsPersonalData } from '../database/personal-data';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';
import { Agreement } from './agreement.entity';
import { ContactPerson } from './contact-person.entity';
import { Organisation } from './organisation.entity';

/** The customer relationship (P3): a person or an organisation, with a customer number. */
@Entity()
@Check('customer_legal_basis', LEGAL_BASIS_CHECK)
@Check('customer_party', `(type = 'person' AND person_id IS NOT NULL AND organisation_id IS NULL) OR (type = 'organisation' AND organisation_id IS NOT NULL AND person_id IS NULL)`)
@HoldsPersonalData({ policy: 'P3', personalFields: ['person'] })
export class Customer extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  customerNumber!: number;

  @Column({ type: 'text' })
  type!: CustomerType;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  organisation!: Organisation | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @OneToMany(() => ContactPerson, (contact) => contact.customer)
  contacts!: ContactPerson[];

  @OneToMany(() => Agreement, (agreement) => agreement.customer)
  agreements!: Agreement[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
