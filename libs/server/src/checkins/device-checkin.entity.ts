import { CheckinStatus, DeviceType } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { Customer } from '../customers/customer.entity';
import { HoldsPersonalData } from '../database/personal-data';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';

/** A device handed in at the service counter by a person on behalf of a customer (P6). */
@Entity()
@Check('device_checkin_legal_basis', LEGAL_BASIS_CHECK)
@Check('device_checkin_status', `status IN ('received', 'diagnosing', 'waiting_for_parts', 'in_repair', 'ready', 'returned')`)
@Check('device_checkin_returned', `(status = 'returned') = (returned_at IS NOT NULL)`)
@Index('device_checkin_fault_fts', { synchronize: false })
@Index('device_checkin_work_fts', { synchronize: false })
@HoldsPersonalData({ policy: 'P6', personalFields: ['handedInBy', 'pickedUpBy', 'serialNumber', 'passwordCiphertext'] })
export class DeviceCheckin extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  checkinNumber!: number;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn()
  customer!: Customer;

  @Index()
  @Column({ type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  handedInBy!: Person;

  @Index()
  @Column({ type: 'uuid' })
  handedInById!: string;

  @Column({ type: 'text' })
  deviceType!: DeviceType;

  @Column({ type: 'text' })
  make!: string;

  @Column({ type: 'text' })
  model!: string;

  @Column({ type: 'text', nullable: true })
  serialNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  accessories!: string | null;

  @Column({ type: 'text', nullable: true })
  condition!: string | null;

  @Column({ type: 'text' })
  reportedFault!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  receivedBy!: StaffUser | null;

  @Column({ type: 'uuid', nullable: true })
  receivedById!: string | null;

  @Column({ type: 'date', nullable: true })
  expectedReadyOn!: string | null;

  @Index()
  @Column({ type: 'text', default: 'received' })
  status!: CheckinStatus;

  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  assignedTechnician!: StaffUser | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  assignedTechnicianId!: string | null;

  /** AES-256-GCM of the device's login password (iv.tag.ciphertext, base64); destroyed on return. */
  @Column({ type: 'text', nullable: true })
  passwordCiphertext!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordDestroyedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  workDone!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  pickedUpBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
