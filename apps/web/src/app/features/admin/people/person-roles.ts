import type { DuplicateGroup, DuplicatePerson, PersonRoleCount } from '@privdesk/domain';
import type { TranslationKey } from '../../../core/i18n';
import { recordTypeKey } from '../retention/retention-labels';

/** The translation key of the records in one table (a record type, or a legal hold); null for a table this build does not know. */
export function roleTableKey(table: string): TranslationKey | null {
  if (table === 'legal_hold') return 'duplicates.table.legal_hold';
  return recordTypeKey(table);
}

/** How many records refer to the person, over every table. */
export function recordTotal(roles: readonly PersonRoleCount[]): number {
  return roles.reduce((sum, role) => sum + role.count, 0);
}

/** The people of a group that could be merged into `keep`: everyone else, oldest first. */
export function mergeCandidates(group: DuplicateGroup, keep: DuplicatePerson): DuplicatePerson[] {
  return group.people.filter((entry) => entry.person.id !== keep.person.id);
}
