import { RequestChannel, RequestStatus, SubjectRequestKind } from '@privdesk/domain';
import { Check, Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { HoldsPersonalData } from '../privacy/registry';
import { LEGAL_BASIS_CHECK, PersonalDataRecord } from '../database/privacy.columns';
import { Person } from '../people/person.entity';

/** A data-subject request and how it was answered (A2: proof of answering, kept three years). */
@Entity()
@Check('subject_request_legal_basis', LEGAL_BASIS_CHECK)
@Check('subject_request_status', `status IN ('open', 'answered', 'rejected')`)
@HoldsPersonalData({
  recordType: 'subject_request',
  table: 'subject_request',
  name: { sv: 'Begäran om rättigheter', en: 'Data-subject request' },
  policies: ['A2'],
  personColumns: ['person_id'],
  personalColumns: ['requester_name', 'requester_contact', 'notes', 'answer'],
  freeText: [],
  clock: { event: 't.received_on' },
  // The requests register is proof of answering (A2); after its period it goes whole.
  cull: 'delete',
  role: { name: { en: 'data-subject request', sv: 'begäran om rättigheter' } },
  erasure: [{ when: 'true', outcome: 'anonymise', reason: 'requestProof', untilDeadline: true }],
  anonymise: 'requester_contact = NULL',
  dependants: [{ table: 'staff_task', column: 'record_id' }, { table: 'outbox_email', column: 'record_id', typeColumn: 'record_type', freeText: ['subject', 'body'] }],
  label: "'#' || t.request_number || ' ' || t.kind || ' — ' || t.requester_name",
  describe: {
    en: "'Request #' || t.request_number || ' (' || t.kind || ', received ' || t.received_on || ')'",
    sv: "'Begäran #' || t.request_number || ' (' || t.kind || ', mottagen ' || t.received_on || ')'",
  },
  source: { sv: 'Din begäran om dina rättigheter', en: 'Your request concerning your rights' },
  order: 70,
})
export class SubjectRequest extends PersonalDataRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Raised by one at every saved edit; an edit based on an older version is refused (409). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  requestNumber!: number;

  @Column({ type: 'text' })
  kind!: SubjectRequestKind;

  @Column({ type: 'text' })
  channel!: RequestChannel;

  @Column({ type: 'date' })
  receivedOn!: string;

  /** Cleared when the person is erased; the request itself stays as proof. */
  @ManyToOne(() => Person, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  person!: Person | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ type: 'text' })
  requesterName!: string;

  @Column({ type: 'text', nullable: true })
  requesterContact!: string | null;

  @Column({ type: 'boolean', default: false })
  identityChecked!: boolean;

  @Column({ type: 'text', nullable: true })
  identityMethod!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Index()
  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'date', nullable: true })
  extendedDueOn!: string | null;

  @Column({ type: 'text', nullable: true })
  extensionReason!: string | null;

  @Index()
  @Column({ type: 'text', default: 'open' })
  status!: RequestStatus;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'date', nullable: true })
  answeredOn!: string | null;

  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  createdBy!: StaffUser | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
