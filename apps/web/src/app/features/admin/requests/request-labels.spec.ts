import { countRequests, daysUntil, requestUrgency } from './request-labels';

describe('request labels', () => {
  it('ranks a request by its deadline', () => {
    expect(requestUrgency({ status: 'open', overdue: true, dueWithinWeek: false })).toBe('overdue');
    expect(requestUrgency({ status: 'open', overdue: false, dueWithinWeek: true })).toBe('soon');
    expect(requestUrgency({ status: 'open', overdue: false, dueWithinWeek: false })).toBe('later');
    expect(requestUrgency({ status: 'answered', overdue: true, dueWithinWeek: true })).toBe('closed');
  });

  it('counts the open, overdue and due-this-week requests', () => {
    const open = [
      { status: 'open' as const, overdue: true, dueWithinWeek: false },
      { status: 'open' as const, overdue: false, dueWithinWeek: true },
      { status: 'open' as const, overdue: false, dueWithinWeek: false },
    ];
    expect(countRequests(open)).toEqual({ open: 3, overdue: 1, soon: 1 });
    expect(countRequests(open, 140)).toEqual({ open: 140, overdue: 1, soon: 1 });
  });

  it('counts days to a deadline', () => {
    expect(daysUntil('2026-12-25', '2026-11-25')).toBe(30);
    expect(daysUntil('2026-11-20', '2026-11-25')).toBe(-5);
    expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
  });
});
