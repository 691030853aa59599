import { isOverdue, SLA_HOURS, slaDueAt, slaWarnAt } from './sla';
import { TicketPriority } from './work-contracts';

describe('slaDueAt', () => {
  it.each<[string, TicketPriority, string]>([
    ['2026-11-25T08:00:00.000Z', 'urgent', '2026-11-25T12:00:00.000Z'],
    ['2026-11-25T08:00:00.000Z', 'high', '2026-11-26T08:00:00.000Z'],
    ['2026-11-25T08:00:00.000Z', 'normal', '2026-11-28T08:00:00.000Z'],
    ['2026-11-25T08:00:00.000Z', 'low', '2026-11-30T08:00:00.000Z'],
    // Calendar hours across the month end, the leap day and the DST change (instants are UTC).
    ['2028-02-28T22:00:00.000Z', 'high', '2028-02-29T22:00:00.000Z'],
    ['2026-03-28T23:30:00.000Z', 'urgent', '2026-03-29T03:30:00.000Z'],
    ['2026-12-31T22:00:00.000Z', 'normal', '2027-01-03T22:00:00.000Z'],
  ])('%s at %s priority is due %s', (registered, priority, due) => {
    expect(slaDueAt(new Date(registered), priority).toISOString()).toBe(due);
  });

  it('orders priorities from urgent to low', () => {
    expect(SLA_HOURS.urgent).toBeLessThan(SLA_HOURS.high);
    expect(SLA_HOURS.high).toBeLessThan(SLA_HOURS.normal);
    expect(SLA_HOURS.normal).toBeLessThan(SLA_HOURS.low);
  });
});

describe('slaWarnAt', () => {
  it.each([
    ['2026-11-25T08:00:00.000Z', '2026-11-25T12:00:00.000Z', '2026-11-25T11:00:00.000Z'],
    ['2026-11-25T08:00:00.000Z', '2026-11-28T08:00:00.000Z', '2026-11-27T14:00:00.000Z'],
    // A due time moved before registration warns at once.
    ['2026-11-25T08:00:00.000Z', '2026-11-25T07:00:00.000Z', '2026-11-25T08:00:00.000Z'],
  ])('registered %s, due %s: warn at %s', (registered, due, warn) => {
    expect(slaWarnAt(new Date(registered), new Date(due)).toISOString()).toBe(warn);
  });
});

describe('isOverdue', () => {
  const due = new Date('2026-11-25T12:00:00.000Z');
  it.each([
    ['new', '2026-11-25T12:00:00.001Z', true],
    ['open', '2026-11-25T12:00:00.001Z', true],
    ['open', '2026-11-25T12:00:00.000Z', false],
    ['waiting', '2026-11-26T00:00:00.000Z', true],
    ['resolved', '2026-11-26T00:00:00.000Z', false],
    ['closed', '2026-11-26T00:00:00.000Z', false],
  ])('%s at %s: %s', (status, now, expected) => {
    expect(isOverdue(due, new Date(now), status)).toBe(expected);
  });
});
