import { DEFAULT_BUSINESS_CALENDAR } from './business-hours';
import { isOverdue, pausedMinutes, SLA_HOURS, slaDueAt, slaWarnAt } from './sla';
import { TicketPriority } from './work-contracts';

const calendar = DEFAULT_BUSINESS_CALENDAR;

describe('slaDueAt (open hours, Stockholm)', () => {
  it.each<[string, TicketPriority, number, string]>([
    // Wednesday 10:00: urgent the same afternoon, high the next morning, normal and low days later.
    ['2026-11-25T09:00:00.000Z', 'urgent', 0, '2026-11-25T13:00:00.000Z'],
    ['2026-11-25T09:00:00.000Z', 'high', 0, '2026-11-26T09:00:00.000Z'],
    ['2026-11-25T09:00:00.000Z', 'normal', 0, '2026-11-30T09:00:00.000Z'],
    ['2026-11-25T09:00:00.000Z', 'low', 0, '2026-12-02T09:00:00.000Z'],
    // A wait for the customer of two open hours moves the due time by two open hours.
    ['2026-11-25T09:00:00.000Z', 'urgent', 120, '2026-11-25T15:00:00.000Z'],
    // Registered on Christmas Eve: the clock starts on 28 December.
    ['2026-12-24T10:00:00.000Z', 'urgent', 0, '2026-12-28T11:00:00.000Z'],
    // A leap day and the change to summer time.
    ['2028-02-28T15:00:00.000Z', 'urgent', 0, '2028-02-29T10:00:00.000Z'],
    ['2026-03-27T15:00:00.000Z', 'urgent', 0, '2026-03-30T09:00:00.000Z'],
  ])('%s, %s, paused %i min → due %s', (registered, priority, paused, due) => {
    expect(slaDueAt({ registeredAt: new Date(registered), priority, pausedMinutes: paused }, calendar).toISOString()).toBe(due);
  });

  it('orders priorities from urgent to low', () => {
    expect(SLA_HOURS.urgent).toBeLessThan(SLA_HOURS.high);
    expect(SLA_HOURS.high).toBeLessThan(SLA_HOURS.normal);
    expect(SLA_HOURS.normal).toBeLessThan(SLA_HOURS.low);
  });
});

describe('slaWarnAt', () => {
  it.each<[string, TicketPriority, number, string]>([
    // Three of four open hours, then the warning.
    ['2026-11-25T09:00:00.000Z', 'urgent', 0, '2026-11-25T12:00:00.000Z'],
    // 75 % of nine open hours is 6 h 45 min: Friday 16:00 + 1 h, then Monday 08:00 + 5 h 45 min.
    ['2026-11-27T15:00:00.000Z', 'high', 0, '2026-11-30T12:45:00.000Z'],
    ['2026-11-25T09:00:00.000Z', 'urgent', 60, '2026-11-25T13:00:00.000Z'],
  ])('%s, %s, paused %i min → warn %s', (registered, priority, paused, warn) => {
    expect(slaWarnAt({ registeredAt: new Date(registered), priority, pausedMinutes: paused }, calendar).toISOString()).toBe(warn);
  });
});

describe('pausedMinutes', () => {
  it('counts only open time spent waiting', () => {
    expect(pausedMinutes(new Date('2026-11-27T15:00:00.000Z'), new Date('2026-11-30T09:00:00.000Z'), calendar)).toBe(180);
  });
});

describe('isOverdue', () => {
  const due = new Date('2026-11-25T12:00:00.000Z');
  it.each([
    ['open', '2026-11-25T12:00:01.000Z', true],
    ['new', '2026-11-25T11:59:59.000Z', false],
    // Waiting for the customer: the clock stands still.
    ['waiting', '2026-11-26T12:00:00.000Z', false],
    ['resolved', '2026-11-26T12:00:00.000Z', false],
    ['closed', '2026-11-26T12:00:00.000Z', false],
  ])('%s at %s → %s', (status, now, overdue) => expect(isOverdue(due, new Date(now), status)).toBe(overdue));
});
