import type { PeopleKey } from './sv-people';

/** English texts of one person per e-mail address; typed against the Swedish keys. */
export const enPeople: Record<PeopleKey, string> = {
  'personExists.title': 'Already registered: {name} ({email})',
  'personExists.titlePersonnummer': 'Already registered: {name} (personnummer {personnummer})',
  'personExists.records.none': 'Has no records yet.',
  'personExists.records.one': 'In {n} record.',
  'personExists.records.many': 'In {n} records.',
  'personExists.explain': 'A person is registered once per e-mail address. Use the registered person: blank details are filled in from what you typed; nothing else changes.',
  'personExists.use': 'Use {name}',
  'personExists.alreadyMarketing': 'This person is a marketing contact already.',

  'people.duplicates': 'Duplicates …',

  'duplicates.title': 'Duplicates',
  'duplicates.back': 'People',
  'duplicates.intro':
    'People registered more than once with the same e-mail address, before one address meant one person. Merge two into one: every record moves to the person you keep, blank details are filled in and the other is deleted. The merge is logged by ids, never by names.',
  'duplicates.search': 'Search e-mail address',
  'duplicates.total': 'Addresses with duplicates: {n}',
  'duplicates.loadError': 'Could not load the duplicates.',
  'duplicates.empty': 'No duplicates: every e-mail address belongs to one person.',
  'duplicates.emptyFilter': 'No duplicates match “{q}”.',
  'duplicates.group': 'Sharing {email}',
  'duplicates.registered': 'Registered {date}',
  'duplicates.records': 'Records',
  'duplicates.noRecords': 'No records',
  'duplicates.keep': 'Keep this one …',
  'duplicates.table.legal_hold': 'Legal hold',

  'merge.title': 'Merge two people',
  'merge.kept': 'Kept',
  'merge.merged': 'Merged and deleted',
  'merge.choose': 'Who is merged into {name}?',
  'merge.explain':
    'Every record of {merged} moves to {kept}. Where both have the same record (contact person of the same customer, marketing contact) the one {kept} has stays. Blank details of {kept} are filled in from {merged}. A merge cannot be undone.',
  'merge.confirm': 'Merge',
  'merge.merging': 'Merging …',
  'merge.done': 'Merged: {n} records moved to {name}.',
  'merge.failed': 'Could not merge.',
};
