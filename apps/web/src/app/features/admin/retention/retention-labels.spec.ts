import { extractId, recordTypeKey } from './retention-labels';

describe('retention labels', () => {
  it('finds the id in a bare id or a pasted address', () => {
    const id = '3F2B8C1E-0A4B-4C5D-8E9F-0123456789AB';
    expect(extractId(` ${id} `)).toBe(id.toLowerCase());
    expect(extractId(`http://localhost:3000/customers/${id}?tab=1`)).toBe(id.toLowerCase());
    expect(extractId('12345')).toBeNull();
    expect(extractId(null)).toBeNull();
  });

  it('names known record types only', () => {
    expect(recordTypeKey('contact_person')).toBe('recordType.contact_person');
    expect(recordTypeKey('invoice')).toBeNull();
  });
});
