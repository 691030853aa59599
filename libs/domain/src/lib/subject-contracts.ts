/** Data-subject rights: finding a person everywhere and exporting what Privdesk holds about him or her. */
import { Localised, Privacy } from './privacy';
import { PersonView } from './contracts';

export const PERSON_RECORD_TYPES = [
  'customer',
  'contact_person',
  'ticket',
  'device_checkin',
  'quote',
  'marketing_contact',
  'applicant',
  'inquiry',
  'subject_request',
  'agreement',
  'outbox_email',
  'partner_contact',
] as const;
export type PersonRecordType = (typeof PERSON_RECORD_TYPES)[number];

/** One record about a person: the role he or she plays, and why and how long it is kept. */
export interface PersonRecord {
  recordType: PersonRecordType;
  id: string;
  /** The customer the record belongs to, if any. */
  customerId: string | null;
  customerNumber: number | null;
  customerName: string | null;
  /** What the record is, e.g. "Ticket #12: Printer offline" or "Application: Technician". */
  description: string;
  /** The same in Swedish. */
  descriptionSv: string;
  /** Contact persons: the title at the customer. */
  title: string | null;
  /** Contact persons: the day the person left the customer. */
  leftOn: string | null;
  privacy: Privacy;
}

export interface PersonSearchResult {
  person: PersonView;
  records: PersonRecord[];
}

export interface PersonSearchResponse {
  people: PersonSearchResult[];
  /** The searched e-mail address is on the marketing suppression list (kept after erasure). */
  suppressed: boolean;
}

/** The access export (GDPR Art. 15 and 20): everything about one person, machine-readable. */
export interface PersonExport {
  generatedAt: string;
  person: Omit<PersonView, 'personnummerMasked'> & { personnummer: string | null };
  records: Array<
    PersonRecord & {
      purposeName: Localised;
      legalBasisName: Localised;
      /** Where the data came from. */
      source: Localised;
      /** Who receives data of this purpose (the recipients register). */
      recipients: Array<{ name: string; kind: string; inEu: boolean }>;
    }
  >;
}
