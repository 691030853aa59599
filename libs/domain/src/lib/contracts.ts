/**
 * The HTTP API's request and response shapes, shared by the server's DTOs and the web app.
 * Dates are calendar dates `YYYY-MM-DD`; instants are ISO 8601 strings.
 */
import { IsoDate } from './dates';
import { Privacy } from './privacy';
import { Role } from './roles';
import { Versioned, VersionedEdit } from './versions';

export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** Per-field messages for a request that failed validation; keys are dotted paths. */
  fields?: Record<string, string[]>;
  /** What went wrong, for the web app to say in the user's language (e.g. `person_exists`). */
  code?: string;
  /** The facts that go with the code (e.g. the person already registered). */
  params?: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** A search with very many matches lists only the most recent ones: refine it to see the rest. */
  capped?: boolean;
}

export const MAX_PAGE_SIZE = 100;

// --- staff and sessions -------------------------------------------------------------------

export interface StaffUser extends Versioned {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  /** An admin who recruits: the only one who may open applicants' sensitive documents. */
  recruiter: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** A colleague to pick, e.g. as a ticket's assignee. */
export interface StaffMember {
  id: string;
  name: string;
  role: Role;
}

export interface SessionInfo {
  user: StaffUser | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface UpdateUserRequest extends VersionedEdit {
  name?: string;
  role?: Role;
  active?: boolean;
  recruiter?: boolean;
  password?: string;
}

export const MIN_PASSWORD_LENGTH = 12;

// --- people, customers, contacts, agreements ---------------------------------------------

export interface PersonInput {
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** Any usual form; stored normalised as `YYYYMMDD-NNNN`. */
  personnummer?: string | null;
}

export interface PersonView {
  id: string;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  /** `YYYYMMDD-****`; the full number only through its own audited endpoint. */
  personnummerMasked: string | null;
  /** The person is kept while any record about him or her is kept. */
  privacy: Privacy;
}

export interface OrganisationInput {
  name: string;
  orgNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** The day the data processing agreement (personuppgiftsbiträdesavtal) was signed; needed before technicians handle the company's data. */
  dpaSignedOn?: IsoDate | null;
}

export interface OrganisationView {
  id: string;
  name: string;
  orgNumber: string | null;
  /** A sole trader's org number is the owner's personnummer. */
  soleTrader: boolean;
  email: string | null;
  phone: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  dpaSignedOn: IsoDate | null;
}

export const CUSTOMER_TYPES = ['person', 'organisation'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export interface CreateCustomerRequest {
  type: CustomerType;
  person?: PersonInput;
  /**
   * The person already registered with the e-mail address typed in `person` (from a
   * `person_exists` answer): he or she becomes the customer, blank fields filled in from `person`.
   */
  existingPersonId?: string;
  organisation?: OrganisationInput;
}

export interface UpdateCustomerRequest extends VersionedEdit {
  person?: Partial<PersonInput>;
  organisation?: Partial<OrganisationInput>;
}

export const CUSTOMER_SORTS = ['customerNumber', 'name', 'createdAt', 'retainUntil'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export interface CustomerQuery {
  /** Matches name, customer number, e-mail and phone. */
  q?: string;
  type?: CustomerType;
  sort?: CustomerSort;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface CustomerListItem {
  id: string;
  customerNumber: number;
  type: CustomerType;
  name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  orgNumber: string | null;
  personnummerMasked: string | null;
  agreementCount: number;
  contactCount: number;
  createdAt: string;
  privacy: Privacy;
}

export interface CustomerDetail extends CustomerListItem, Versioned {
  person: PersonView | null;
  organisation: OrganisationView | null;
  contacts: ContactView[];
  agreements: AgreementView[];
}

export interface CreateContactRequest {
  /** A new person… */
  person?: PersonInput;
  /** …or one already registered (a person is stored once, whatever roles he or she plays). */
  personId?: string;
  /** With `person`: the person registered with its e-mail address is meant (blank fields filled in). */
  existingPersonId?: string;
  title?: string | null;
}

export interface UpdateContactRequest extends VersionedEdit {
  title?: string | null;
  /** The contact left the customer: the clock of his or her retention starts. */
  leftOn?: IsoDate | null;
  person?: Partial<PersonInput>;
}

export interface ContactView extends Versioned {
  id: string;
  customerId: string;
  title: string | null;
  leftOn: IsoDate | null;
  person: PersonView;
  privacy: Privacy;
}

export interface AgreementInput {
  title: string;
  startDate: IsoDate;
  endDate?: IsoDate | null;
}

export interface UpdateAgreementRequest extends Partial<AgreementInput>, VersionedEdit {}

export interface AgreementView extends Versioned {
  id: string;
  customerId: string;
  title: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  privacy: Privacy;
}

export interface PersonnummerView {
  personnummer: string;
}

// --- audit, policies, health ---------------------------------------------------------------

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Names of the fields touched or viewed — never their values. */
  fields: string[];
  /** Before/after values, only for records without personal data (the policy table). */
  details: Record<string, unknown> | null;
}

/** Why an audit entry breaks the chain: the entry before it is gone, or its link or content changed. */
export type AuditChainBreak = 'entry-missing' | 'link-broken' | 'hash-mismatch';

/** The audit trail's hash chain checked from the first entry to the newest. */
export interface AuditChainVerification {
  intact: boolean;
  entries: number;
  /** The newest entry: note its hash to see later that no entries were cut off the end. */
  head: { seq: number; hash: string } | null;
  /** The first entry that does not verify. */
  broken: { id: string; seq: number; at: string; action: string; reason: AuditChainBreak } | null;
}

export interface AuditQuery {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: IsoDate;
  to?: IsoDate;
  page?: number;
  pageSize?: number;
}

export interface HealthStatus {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  queue: { backend: 'redis' | 'postgres'; status: 'up' | 'down' };
  /** Recurring jobs missing from the queue (`queue/job`), e.g. after Redis lost its data; the worker re-registers them. */
  missingSchedules: string[];
}
