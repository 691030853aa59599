import { InquiryStatus } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HoldsPersonalData } from '../database/personal-data';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';

/** A question sent through the public contact form (P8). */
@Entity()
@Check('inquiry_legal_basis', LEGAL_BASIS_CHECK)
@Check('inquiry_status', `status IN ('new', 'ticket', 'lead', 'closed')`)
@Index('inquiry_message_fts', { synchronize: false })
@HoldsPersonalData({ policy: 'P8', personalFields: ['person', 'message'] })
export class Inquiry extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  inquiryNumber!: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  person!: Person;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Index()
  @Column({ type: 'text', default: 'new' })
  status!: InquiryStatus;

  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  customerId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
