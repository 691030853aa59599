import { DEFAULT_POLICIES, Language, PersonRecord, PURPOSE_CODES, PurposeCode } from '@privdesk/domain';

export interface PurposeGroup {
  /** The purpose code (`P1`…), or whatever code the server sent. */
  purpose: string;
  records: PersonRecord[];
}

function purposeRank(code: string): number {
  const index = (PURPOSE_CODES as readonly string[]).indexOf(code);
  return index === -1 ? PURPOSE_CODES.length : index;
}

/**
 * A person's records grouped by the purpose they are kept for: known purposes in code order (P1…P7),
 * unknown ones after them alphabetically; within a group, by customer number, customers before contact persons.
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
        (a, b) => (a.customerNumber ?? 0) - (b.customerNumber ?? 0) || (a.recordType === b.recordType ? 0 : a.recordType === 'customer' ? -1 : 1),
      ),
    }));
}

/** `P3 Customer relationship` in the given language; the bare code for a purpose this build does not know. */
export function purposeLabel(code: string, lang: Language): string {
  const policy = (PURPOSE_CODES as readonly string[]).includes(code) ? DEFAULT_POLICIES[code as PurposeCode] : undefined;
  return policy ? `${code} ${policy.purpose[lang]}` : code;
}
