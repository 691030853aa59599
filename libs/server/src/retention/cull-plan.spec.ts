import '../database/entities';
import { referencedSql } from '../privacy/registry-sql';
import { cullOrder, dueSql, isCullRecordType, pendingSql } from './cull-plan';

/** What the cull visits and when a record is due — the SQL fragments the cull and its preview share. */
describe('the cull plan', () => {
  it('visits every declared record type once, records before what they refer to, people last', () => {
    const order = cullOrder();
    expect(new Set(order).size).toBe(order.length);
    expect(order.at(-1)).toBe('person');
    expect(order.indexOf('ticket')).toBeLessThan(order.indexOf('customer'));
    expect(order.indexOf('agreement')).toBeLessThan(order.indexOf('customer'));
    expect(order.indexOf('contact_person')).toBeLessThan(order.indexOf('customer'));
    expect(order).toEqual(expect.arrayContaining(['applicant', 'quote', 'marketing_contact', 'device_checkin', 'inquiry', 'subject_request', 'outbox_email']));
  });

  it.each([
    ['ticket', true],
    ['person', true],
    ['customer', true],
    ['staff_user', false],
    ['retention_policy', false],
    ['', false],
  ])('%s is culled: %s', (recordType, culled) => {
    expect(isCullRecordType(recordType)).toBe(culled);
  });

  it.each(['ticket', 'quote', 'customer', 'applicant'])('a %s is due once its deadline has passed (strictly before the day)', (recordType) => {
    expect(dueSql(recordType)).toBe('t.retain_until < $1');
  });

  it('a person is due once his or her deadline has passed or nothing refers to him or her any more', () => {
    const referenced = referencedSql('person');
    expect(referenced).toContain('EXISTS (SELECT 1 FROM ticket r WHERE r.');
    expect(dueSql('person')).toBe(`(t.retain_until < $1 OR NOT (${referenced}))`);
  });

  it.each(['ticket', 'quote', 'applicant'])('a %s is pending until it has been anonymised', (recordType) => {
    expect(pendingSql(recordType)).toBe('t.anonymised_at IS NULL');
  });

  it.each(['person', 'customer'])('an anonymised %s is pending again once nothing refers to it', (recordType) => {
    const referenced = referencedSql(recordType);
    expect(referenced).toMatch(/^EXISTS \(SELECT 1 FROM /);
    expect(pendingSql(recordType)).toBe(`(t.anonymised_at IS NULL OR NOT (${referenced}))`);
  });
});
