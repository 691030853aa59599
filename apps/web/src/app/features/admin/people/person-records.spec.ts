import { PersonRecord, Privacy } from '@privdesk/domain';
import { groupRecordsByPurpose, purposeLabel } from './person-records';

const privacy = (purpose: string): Privacy => ({ purpose, legalBasis: 'contract', retainUntil: null, rule: 'r', ruleSv: 'r' });

const record = (id: string, purpose: string, customerNumber: number, recordType: PersonRecord['recordType'] = 'contact_person'): PersonRecord => ({
  recordType,
  id,
  customerId: `c${customerNumber}`,
  customerNumber,
  customerName: `Customer ${customerNumber}`,
  description: `Record ${id}`,
  title: null,
  leftOn: null,
  privacy: privacy(purpose),
});

describe('groupRecordsByPurpose', () => {
  it('groups by purpose in code order, unknown codes last, records by customer number and customers first', () => {
    const groups = groupRecordsByPurpose([
      record('a', 'P5', 12),
      record('b', 'X9', 1),
      record('c', 'P3', 20),
      record('d', 'P3', 7, 'contact_person'),
      record('e', 'P3', 7, 'customer'),
    ]);
    expect(groups.map((g) => g.purpose)).toEqual(['P3', 'P5', 'X9']);
    expect(groups[0].records.map((r) => r.id)).toEqual(['e', 'd', 'c']);
  });

  it('gives no groups for no records', () => {
    expect(groupRecordsByPurpose([])).toEqual([]);
  });
});

describe('purposeLabel', () => {
  it('names known purposes in the language and leaves unknown codes bare', () => {
    expect(purposeLabel('P3', 'en')).toBe('P3 Administer the customer relationship');
    expect(purposeLabel('P3', 'sv')).toBe('P3 Administrera kundrelationen');
    expect(purposeLabel('X9', 'sv')).toBe('X9');
  });
});
