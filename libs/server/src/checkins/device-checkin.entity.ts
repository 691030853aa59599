import { CheckinStatus, DeviceType } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { Customer } from '../customers/customer.entity';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';

/** A device handed in at the service counter by a person on behalf of a customer (P6). */
@Entity()
@Check('device_checkin_legal_basis', LEGAL_BASIS_CHECK)
@Check('device_checkin_status', `status IN ('received', 'diagnosing', 'waiting_for_parts', 'in_repair', 'ready', 'returned')`)
@Check('device_checkin_returned', `(status = 'returned') = (returned_at IS NOT NULL)`)
@Index('device_checkin_fault_fts', { synchronize: false })
@Index('device_checkin_work_fts', { synchronize: false })
@HoldsPersonalData({
  recordType: 'device_checkin',
  table: 'device_checkin',
  name: { sv: 'Inlämnad enhet', en: 'Device check-in' },
  policies: ['P6'],
  personColumns: ['handed_in_by_id'],
  requiredPersonColumns: ['handed_in_by_id'],
  customerColumn: 'customer_id',
  personalColumns: ['serial_number', 'password_ciphertext', 'picked_up_by', 'reported_fault', 'work_done', 'accessories', 'condition'],
  freeText: ['reported_fault', 'work_done'],
  clock: { event: "(t.created_at AT TIME ZONE 'Europe/Stockholm')::date", agreementsOf: 't.customer_id', agreementsFromEvent: true },
  cull: 'delete',
  role: { name: { en: 'device submitter', sv: 'inlämnare av enhet' } },
  erasure: [{ when: 't.returned_at IS NULL', outcome: 'keep', reason: 'device' }],
  dependants: [{ table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  label: "'#' || t.checkin_number || ' ' || t.make || ' ' || t.model || ' — ' || (SELECT c.customer_number || ' ' || coalesce(o.name, cp.first_name || ' ' || cp.last_name) FROM customer c LEFT JOIN organisation o ON o.id = c.organisation_id LEFT JOIN person cp ON cp.id = c.person_id WHERE c.id = t.customer_id)",
  describe: {
    en: "'Device handed in #' || t.checkin_number || ': ' || t.make || ' ' || t.model",
    sv: "'Inlämnad enhet #' || t.checkin_number || ': ' || t.make || ' ' || t.model",
  },
  source: { sv: 'Uppgifter du lämnade när du lämnade in en enhet', en: 'Details you gave when you handed in a device' },
  order: 20,
})
export class DeviceCheckin extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

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
