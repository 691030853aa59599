import type { CullOutcome, ExpiryAction, JobStatus, ReviewStatus, TaskView } from '@privdesk/domain';

/** The record types the cull visits (the server's order: links before what they link, people last). */
export const RECORD_TYPES = [
  'outbox_email',
  'ticket',
  'device_checkin',
  'quote',
  'marketing_contact',
  'applicant',
  'inquiry',
  'subject_request',
  'contact_person',
  'agreement',
  'customer',
  'person',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export function isRecordType(value: string | null | undefined): value is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(value ?? '');
}

/** The translation key of a record type's name; null for a type this build does not know. */
export function recordTypeKey(type: string | null | undefined): `recordType.${RecordType}` | null {
  return isRecordType(type) ? `recordType.${type}` : null;
}

export const taskStatusKey = (status: JobStatus): `taskStatus.${JobStatus}` => `taskStatus.${status}`;
export const taskKindKey = (kind: TaskView['kind']): `taskKind.${TaskView['kind']}` => `taskKind.${kind}`;
export const outcomeKey = (outcome: CullOutcome): `outcome.${CullOutcome}` => `outcome.${outcome}`;
export const expiryActionKey = (action: ExpiryAction): `expiryAction.${ExpiryAction}` => `expiryAction.${action}`;
export const reviewStatusKey = (status: ReviewStatus): `reviewStatus.${ReviewStatus}` => `reviewStatus.${status}`;

/** The order outcomes are counted in, everywhere. */
export const OUTCOMES: readonly CullOutcome[] = ['deleted', 'anonymised', 'held', 'reviewed'];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The id in what the user pasted: a bare id, or the address of a record's page
 * (`…/customers/<id>`). Lower case, as the API prints ids; null when there is none.
 */
export function extractId(text: string | null | undefined): string | null {
  const match = UUID.exec(text ?? '');
  return match ? match[0].toLowerCase() : null;
}

/** Validator-friendly check that a field holds (or contains) an id. */
export function hasId(text: string | null | undefined): boolean {
  return extractId(text) !== null;
}
