import { PersonRecord, Privacy } from '@privdesk/domain';
import { groupRecordsByPurpose, purposeLabel, recordLink } from './person-records';

const privacy = (purpose: string): Privacy => ({ purpose, legalBasis: 'contract', retainUntil: null, rule: 'r', ruleSv: 'r' });

const record = (id: string, purpose: string, customerNumber: number, recordType: PersonRecord['recordType'] = 'contact_person'): PersonRecord => ({
  recordType,
  id,
  customerId: `c${customerNumber}`,
  customerNumber,
  customerName: `Customer ${customerNumber}`,
  description: `Record ${id}`,
  descriptionSv: `Post ${id}`,
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

  it('puts records without a customer last, ordered by record type', () => {
    const loose = (id: string, recordType: PersonRecord['recordType']): PersonRecord => ({ ...record(id, 'P4', 0, recordType), customerId: null, customerNumber: null, customerName: null });
    const groups = groupRecordsByPurpose([loose('i', 'inquiry'), loose('t', 'ticket'), record('c', 'P4', 3, 'ticket')]);
    expect(groups[0].records.map((r) => r.id)).toEqual(['c', 't', 'i']);
  });

  it('gives no groups for no records', () => {
    expect(groupRecordsByPurpose([])).toEqual([]);
  });
});

describe('purposeLabel', () => {
  it('names known purposes in the language and leaves unknown codes bare', () => {
    expect(purposeLabel('P3', 'en')).toBe('P3 Administer the customer relationship');
    expect(purposeLabel('P3', 'sv')).toBe('P3 Administrera kundrelationen');
    expect(purposeLabel('A2', 'en')).toBe("A2 Handle data subjects' requests");
    expect(purposeLabel('P8', 'sv')).toBe('P8 Besvara frågor från kontaktformuläret');
    expect(purposeLabel('X9', 'sv')).toBe('X9');
  });
});

describe('recordLink', () => {
  it('links each record to its page', () => {
    expect(recordLink({ recordType: 'customer', id: 'x', customerId: 'x' })).toEqual(['/customers', 'x']);
    expect(recordLink({ recordType: 'contact_person', id: 'cp', customerId: 'c1' })).toEqual(['/customers', 'c1']);
    expect(recordLink({ recordType: 'ticket', id: 't', customerId: 'c1' })).toEqual(['/tickets', 't']);
    expect(recordLink({ recordType: 'device_checkin', id: 'd', customerId: null })).toEqual(['/checkins', 'd']);
    expect(recordLink({ recordType: 'quote', id: 'q', customerId: null })).toEqual(['/quotes', 'q']);
    expect(recordLink({ recordType: 'applicant', id: 'a', customerId: null })).toEqual(['/admin/applicants', 'a']);
    expect(recordLink({ recordType: 'inquiry', id: 'i', customerId: null })).toEqual(['/inquiries', 'i']);
    expect(recordLink({ recordType: 'subject_request', id: 's', customerId: null })).toEqual(['/admin/requests', 's']);
    expect(recordLink({ recordType: 'marketing_contact', id: 'm', customerId: null })).toBeNull();
  });
});
