import { Language, PERSON_RECORD_TYPES, PersonRecord, PURPOSE_CODES, seededPolicy } from '@privdesk/domain';

export interface PurposeGroup {
  /** The purpose code (`P1`…), or whatever code the server sent. */
  purpose: string;
  records: PersonRecord[];
}

function purposeRank(code: string): number {
  const index = (PURPOSE_CODES as readonly string[]).indexOf(code);
  return index === -1 ? PURPOSE_CODES.length : index;
}

function typeRank(type: string): number {
  const index = (PERSON_RECORD_TYPES as readonly string[]).indexOf(type);
  return index === -1 ? PERSON_RECORD_TYPES.length : index;
}

/**
 * A person's records grouped by the purpose they are kept for: known purposes in code order (P1…P7),
 * unknown ones after them alphabetically; within a group, by customer number (none last), then record type (customers before contact persons before tickets …).
 */
export function groupRecordsByPurpose(records: readonly PersonRecord[]): PurposeGroup[] {
  const groups = new Map<string, PersonRecord[]>();
  for (const record of records) {
    const code = record.privacy.purpose;
    const group = groups.get(code);
    if (group) group.push(record);
    else groups.set(code, [record]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => purposeRank(a) - purposeRank(b) || a.localeCompare(b))
    .map(([purpose, list]) => ({
      purpose,
      records: [...list].sort(
        (a, b) =>
          (a.customerNumber ?? Number.MAX_SAFE_INTEGER) - (b.customerNumber ?? Number.MAX_SAFE_INTEGER) ||
          typeRank(a.recordType) - typeRank(b.recordType) ||
          a.description.localeCompare(b.description, 'sv', { numeric: true }),
      ),
    }));
}

/** `P3 Customer relationship` in the given language; the bare code for a purpose this build does not know. */
export function purposeLabel(code: string, lang: Language): string {
  const policy = seededPolicy(code);
  return policy ? `${code} ${policy.purpose[lang]}` : code;
}

/** The page that shows a record, as router commands; null where there is none (marketing contacts). */
export function recordLink(record: Pick<PersonRecord, 'recordType' | 'id' | 'customerId'>): string[] | null {
  switch (record.recordType) {
    case 'customer':
      return ['/customers', record.id];
    case 'contact_person':
      return record.customerId ? ['/customers', record.customerId] : null;
    case 'ticket':
      return ['/tickets', record.id];
    case 'device_checkin':
      return ['/checkins', record.id];
    case 'quote':
      return ['/quotes', record.id];
    case 'applicant':
      return ['/admin/applicants', record.id];
    case 'inquiry':
      return ['/inquiries', record.id];
    case 'subject_request':
      return ['/admin/requests', record.id];
    default:
      return null;
  }
}
