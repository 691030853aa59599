/** The retention engine's API shapes: policies, runs, certificates, holds, reviews, report. */
import { IsoDate } from './dates';
import { LegalBasis, Localised } from './privacy';
import { RetentionPolicy, RetentionRule } from './retention';
import { Versioned, VersionedEdit } from './versions';

/** What happens to a record when its deadline has passed. */
export const EXPIRY_ACTIONS = ['delete', 'anonymise', 'review'] as const;
export type ExpiryAction = (typeof EXPIRY_ACTIONS)[number];

/**
 * A further legal basis a purpose rests on besides its main one (P4 support: contract and
 * legitimate interest), with what it covers. Shown in the notice; retention follows the main basis.
 */
export interface AdditionalBasis {
  legalBasis: LegalBasis;
  statement: Localised;
}

export interface PolicyView extends RetentionPolicy, Versioned {
  expiryAction: ExpiryAction;
  additionalBases: AdditionalBasis[];
  updatedAt: string;
}

/** A change to a policy, as previewed. */
export interface PolicyChange {
  purpose?: Localised;
  dataCategories?: Localised;
  clockStarts?: Localised;
  legalBasis?: LegalBasis;
  rule?: RetentionRule;
  expiryAction?: ExpiryAction;
}

export interface UpdatePolicyRequest extends PolicyChange, VersionedEdit {}

/** What saving a policy change would do, before it is saved. */
export interface PolicyChangePreview {
  code: string;
  /** Records governed by the policy. */
  records: number;
  /** Records whose `retainUntil` would change. */
  changed: number;
  /** Records that would be past their deadline today under the new rule. */
  expiredAfter: number;
}

export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A background task a person can leave and come back to: a cull or a recomputation. */
export interface TaskView {
  id: string;
  kind: 'cull' | 'recompute';
  status: JobStatus;
  /** Cull: the as-of date; recompute: the policy code. */
  subject: string;
  done: number;
  total: number | null;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  certificateId: string | null;
}

export type CullOutcome = 'deleted' | 'anonymised' | 'held' | 'reviewed';

export interface CertificateCount {
  recordType: string;
  policy: string;
  deleted: number;
  anonymised: number;
  held: number;
  reviewed: number;
}

export interface CertificateView {
  id: string;
  runId: string;
  asOf: IsoDate;
  startedAt: string;
  finishedAt: string;
  counts: CertificateCount[];
  totals: Record<CullOutcome, number>;
  /** The certificate itself is culled after this day. */
  retainUntil: IsoDate;
}

export interface CertificateDocument extends CertificateView {
  hashAlgorithm: 'HMAC-SHA256';
  entries: Array<{ recordType: string; policy: string; outcome: 'deleted' | 'anonymised'; idHash: string }>;
}

export interface CertificateCheck {
  recordType: string;
  id: string;
  culled: boolean;
  matches: Array<{ certificateId: string; asOf: IsoDate; finishedAt: string; outcome: 'deleted' | 'anonymised'; policy: string }>;
}

export interface CreateHoldRequest {
  /** A hold on a person covers every record about him or her. */
  personId?: string;
  recordType?: string;
  recordId?: string;
  reason: string;
  until?: IsoDate | null;
}

export interface HoldView {
  id: string;
  personId: string | null;
  recordType: string | null;
  recordId: string | null;
  /** Who or what is held, for people reading the list. */
  label: string;
  reason: string;
  until: IsoDate | null;
  createdAt: string;
  createdBy: string | null;
  releasedAt: string | null;
}

export const REVIEW_STATUSES = ['pending', 'approved', 'extended', 'done'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewView {
  id: string;
  recordType: string;
  recordId: string;
  label: string;
  policy: string;
  retainUntil: IsoDate | null;
  status: ReviewStatus;
  reason: string | null;
  extendedUntil: IsoDate | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface ExtendReviewRequest {
  reason: string;
  until: IsoDate;
}

export interface PreviewRecord {
  recordType: string;
  id: string;
  label: string;
  retainUntil: IsoDate;
  outcome: CullOutcome;
}

export interface CullPreview {
  asOf: IsoDate;
  policies: Array<{ policy: string; recordType: string; action: ExpiryAction; counts: Record<CullOutcome, number>; records: PreviewRecord[] }>;
}

export interface RetentionReport {
  generatedAt: string;
  byPurpose: Array<{ purpose: string; legalBasis: LegalBasis; recordType: string; records: number }>;
  /** Records past their deadline today: what the next cull takes (or holds, or puts up for review). */
  dueNow: number;
  /** Records expiring within 30/90/365 days. */
  expiring: { days30: number; days90: number; days365: number };
  /** Per month (YYYY-MM) of the next 12, by purpose. */
  expiringByMonth: Array<{ month: string; purpose: string; records: number }>;
  /** Per month (YYYY-MM) from the certificates. */
  culledByMonth: Array<{ month: string; deleted: number; anonymised: number }>;
  holdsActive: number;
  reviewsPending: number;
  /** Records with no policy or no legal basis: the database forbids them, so this stays 0. */
  missingBasis: number;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'stored' | 'failed';
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

/**
 * What the cull does at expiry, by default. Bookkeeping records (P7) are reviewed by a person
 * before they go; the customer relationship (P3) is anonymised, so purchase records can stay.
 */
export const DEFAULT_EXPIRY_ACTIONS: Record<string, ExpiryAction> = {
  P1: 'delete',
  P2: 'delete',
  P3: 'anonymise',
  P4: 'delete',
  P5: 'delete',
  P6: 'delete',
  P7: 'review',
  A1: 'delete',
};
