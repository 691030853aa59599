import type { DuplicateGroup, DuplicatePerson } from '@privdesk/domain';
import { mergeCandidates, recordTotal, roleTableKey } from './person-roles';

const person = (id: string): DuplicatePerson => ({
  person: {
    id,
    firstName: 'Dora',
    lastName: 'Dubblett',
    fullName: 'Dora Dubblett',
    email: 'dora@exempel.se',
    phone: null,
    street: null,
    postalCode: null,
    city: null,
    personnummerMasked: null,
    privacy: { purpose: 'P3', legalBasis: 'contract', retainUntil: null, rule: 'r', ruleSv: 'r' },
  },
  createdAt: '2026-11-01T10:00:00Z',
  roles: [],
});

describe('duplicate people', () => {
  it('names the records of each table, legal holds included', () => {
    expect(roleTableKey('contact_person')).toBe('recordType.contact_person');
    expect(roleTableKey('legal_hold')).toBe('duplicates.table.legal_hold');
    expect(roleTableKey('no_such_table')).toBeNull();
  });

  it('counts the records over every table', () => {
    expect(recordTotal([{ table: 'customer', count: 1 }, { table: 'ticket', count: 3 }])).toBe(4);
    expect(recordTotal([])).toBe(0);
  });

  it('offers everyone else in the group for merging into the kept person', () => {
    const group: DuplicateGroup = { email: 'dora@exempel.se', people: [person('a'), person('b'), person('c')] };
    expect(mergeCandidates(group, group.people[1]).map((entry) => entry.person.id)).toEqual(['a', 'c']);
  });
});
