/**
 * The daily work's request and response shapes: support tickets, device check-ins, quotes,
 * staff tasks and service windows. Dates are `YYYY-MM-DD`; instants are ISO 8601 strings.
 */
import { IsoDate } from './dates';
import { PersonInput } from './contracts';
import { Privacy } from './privacy';
import { Versioned, VersionedEdit } from './versions';

// --- support tickets ----------------------------------------------------------------------

export const TICKET_STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** Statuses in which the SLA clock still matters. */
export const ACTIVE_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'waiting'];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** note: internal troubleshooting; message: to the customer; time: time spent; part: a part repaired, replaced or installed. */
export const TICKET_ENTRY_KINDS = ['note', 'message', 'time', 'part'] as const;
export type TicketEntryKind = (typeof TICKET_ENTRY_KINDS)[number];

export const PART_ACTIONS = ['repaired', 'replaced', 'installed'] as const;
export type PartAction = (typeof PART_ACTIONS)[number];

export const TICKET_VIEWS = ['mine', 'unassigned', 'all'] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

export const TICKET_SORTS = ['dueAt', 'createdAt', 'priority', 'number'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface TicketQuery {
  view?: TicketView;
  status?: TicketStatus;
  /** Only tickets that are not resolved or closed. */
  active?: boolean;
  priority?: TicketPriority;
  customerId?: string;
  /** Due on or before this day (Europe/Stockholm). */
  dueBy?: IsoDate;
  /** Full text over subject, description and entries (Swedish and English stemming). */
  q?: string;
  sort?: TicketSort;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface TicketListItem {
  id: string;
  ticketNumber: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  customerId: string;
  customerNumber: number;
  customerName: string;
  requesterName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  privacy: Privacy;
}

export interface TicketEntryView {
  id: string;
  kind: TicketEntryKind;
  body: string;
  minutes: number | null;
  partAction: PartAction | null;
  partName: string | null;
  authorName: string;
  createdAt: string;
}

export interface TicketDetail extends TicketListItem, Versioned {
  description: string;
  requesterId: string | null;
  checkinId: string | null;
  checkinNumber: number | null;
  deviceLabel: string | null;
  entries: TicketEntryView[];
  /** Internal notes are left out for roles that may not read them. */
  internalNotesHidden: boolean;
  /** Since when the ticket waits for the customer (its SLA clock stands still), or null. */
  slaPausedSince: string | null;
  totalMinutes: number;
}

export interface CreateTicketRequest {
  customerId: string;
  requesterId?: string | null;
  subject: string;
  description: string;
  priority: TicketPriority;
  assigneeId?: string | null;
  checkinId?: string | null;
}

export interface UpdateTicketRequest extends VersionedEdit {
  subject?: string;
  description?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  /** null unassigns. */
  assigneeId?: string | null;
  requesterId?: string | null;
}

export interface AddTicketEntryRequest {
  kind: TicketEntryKind;
  body: string;
  minutes?: number | null;
  partAction?: PartAction | null;
  partName?: string | null;
}

// --- device check-ins ---------------------------------------------------------------------

export const CHECKIN_STATUSES = ['received', 'diagnosing', 'waiting_for_parts', 'in_repair', 'ready', 'returned'] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

export const DEVICE_TYPES = ['laptop', 'desktop', 'tablet', 'phone', 'printer', 'other'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export interface CreateCheckinRequest {
  /** On behalf of: the customer, a person or a company. */
  customerId: string;
  /** Handed in by: a person already registered… */
  handedInById?: string;
  /** …or a new one. */
  handedInBy?: PersonInput;
  /** With `handedInBy`: the person registered with its e-mail address is meant (blank fields filled in). */
  existingPersonId?: string;
  deviceType: DeviceType;
  make: string;
  model: string;
  serialNumber?: string | null;
  accessories?: string | null;
  condition?: string | null;
  reportedFault: string;
  expectedReadyOn?: IsoDate | null;
  /** The device's login password, if the customer leaves it; stored encrypted. */
  devicePassword?: string | null;
  assignedTechnicianId?: string | null;
}

export interface UpdateCheckinRequest extends VersionedEdit {
  status?: Exclude<CheckinStatus, 'returned'>;
  assignedTechnicianId?: string | null;
  expectedReadyOn?: IsoDate | null;
  workDone?: string | null;
  accessories?: string | null;
  condition?: string | null;
  serialNumber?: string | null;
}

export interface ReturnCheckinRequest {
  /** Who picked the device up, as the ID shown at the counter says. */
  pickedUpBy: string;
}

export interface CheckinQuery {
  status?: CheckinStatus;
  /** Only devices still in the shop. */
  inShop?: boolean;
  customerId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface CheckinListItem {
  id: string;
  checkinNumber: number;
  customerId: string;
  customerNumber: number;
  customerName: string;
  handedInByName: string;
  deviceLabel: string;
  deviceType: DeviceType;
  status: CheckinStatus;
  receivedAt: string;
  expectedReadyOn: IsoDate | null;
  assignedTechnicianId: string | null;
  assignedTechnicianName: string | null;
  hasPassword: boolean;
  privacy: Privacy;
}

export interface CheckinDetail extends CheckinListItem, Versioned {
  handedInById: string;
  handedInByPhone: string | null;
  handedInByEmail: string | null;
  make: string;
  model: string;
  serialNumber: string | null;
  accessories: string | null;
  condition: string | null;
  reportedFault: string;
  receivedByName: string;
  workDone: string | null;
  returnedAt: string | null;
  pickedUpBy: string | null;
  /** The password was destroyed when the device was returned. */
  passwordDestroyedAt: string | null;
  tickets: Array<{ id: string; ticketNumber: number; subject: string; status: TicketStatus }>;
  /** A company customer without a data processing agreement (personuppgiftsbiträdesavtal). */
  dpaMissing: boolean;
}

export interface DevicePasswordView {
  password: string;
}

// --- quotes -------------------------------------------------------------------------------

export const QUOTE_STATUSES = ['open', 'won', 'lost', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const QUOTE_LINE_KINDS = ['item', 'service'] as const;
export type QuoteLineKind = (typeof QUOTE_LINE_KINDS)[number];

export const DEFAULT_VAT_PERCENT = 25;

export interface QuoteLineInput {
  kind: QuoteLineKind;
  description: string;
  quantity: number;
  /** SEK excluding VAT, at most two decimals. */
  unitPrice: number;
  discountPercent?: number;
  vatPercent?: number;
}

export interface QuoteLineView {
  kind: QuoteLineKind;
  description: string;
  quantity: number;
  /** null when the reader may not see prices. */
  unitPrice: number | null;
  discountPercent: number | null;
  vatPercent: number | null;
  net: number | null;
}

export interface QuoteTotalsView {
  net: number;
  vat: number;
  total: number;
}

export interface CreateQuoteRequest {
  /** An existing customer… */
  customerId?: string | null;
  /** …and/or the person the quote is addressed to: registered already… */
  holderId?: string | null;
  /** …or new (a prospect). */
  holder?: PersonInput;
  /** With `holder`: the person registered with its e-mail address is meant (blank fields filled in). */
  existingPersonId?: string;
  title: string;
  issuedOn?: IsoDate;
  validUntil: IsoDate;
  lines: QuoteLineInput[];
}

export interface UpdateQuoteRequest extends VersionedEdit {
  title?: string;
  validUntil?: IsoDate;
  lines?: QuoteLineInput[];
}

export interface WinQuoteRequest {
  /** Also register an agreement with the (new) customer. */
  agreement?: { title: string; startDate: IsoDate; endDate?: IsoDate | null } | null;
}

/** An updated quote with the same options: a new open quote with the lines of this one. */
export interface RenewQuoteRequest {
  validUntil: IsoDate;
}

export interface LoseQuoteRequest {
  reason?: string | null;
}

export interface QuoteQuery {
  status?: QuoteStatus;
  customerId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface QuoteListItem {
  id: string;
  quoteNumber: number;
  title: string;
  status: QuoteStatus;
  customerId: string | null;
  customerName: string | null;
  holderId: string | null;
  holderName: string;
  ownerName: string;
  issuedOn: IsoDate;
  validUntil: IsoDate;
  /** null when the reader may not see prices. */
  total: number | null;
  privacy: Privacy;
}

export interface QuoteDetail extends QuoteListItem, Versioned {
  holderEmail: string | null;
  lines: QuoteLineView[];
  totals: QuoteTotalsView | null;
  pricesHidden: boolean;
  decidedAt: string | null;
  lostReason: string | null;
  /** The holder objected to marketing: no follow-up mails. */
  holderSuppressed: boolean;
}

export interface PipelineMonth {
  month: string;
  won: number;
  wonValue: number;
  lost: number;
  lostValue: number;
}

export interface SalesPipeline {
  open: { count: number; value: number };
  /** Open quotes by how soon they expire. */
  openByExpiry: Array<{ bucket: 'week' | 'month' | 'later'; count: number; value: number }>;
  wonThisMonth: { count: number; value: number };
  lostThisMonth: { count: number; value: number };
  months: PipelineMonth[];
  expiringSoon: QuoteListItem[];
}

export interface QuoteSettings {
  techniciansSeePrices: boolean;
}

// --- staff tasks and service windows --------------------------------------------------------

export const TASK_KINDS = ['quote_follow_up', 'ticket_due', 'inquiry_lead'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface StaffTaskView {
  id: string;
  kind: TaskKind;
  title: string;
  /** The web app's path to the record, e.g. `/quotes/<id>`. */
  link: string;
  dueAt: string | null;
  createdAt: string;
  doneAt: string | null;
}

export interface CreateServiceWindowRequest {
  title: string;
  message: string;
  startsAt: string;
  endsAt: string;
  kind: 'service_window' | 'system_update';
}

export interface ServiceWindowView {
  id: string;
  title: string;
  message: string;
  kind: 'service_window' | 'system_update';
  startsAt: string;
  endsAt: string;
  createdAt: string;
  announcedByName: string;
  /** Mails queued for the window so far; null until the job has run. */
  recipients: number | null;
}
