import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DEFAULT_BUSINESS_CALENDAR, TicketDetail } from '@privdesk/domain';
import { I18n } from '../core/i18n';
import { SlaClock, slaState } from './sla-clock';

type Clock = Pick<TicketDetail, 'status' | 'priority' | 'dueAt' | 'overdue' | 'slaPausedSince'>;

// Wednesday 2026-12-02, 10:00 in Stockholm.
const now = new Date('2026-12-02T09:00:00Z');
const ticket = (patch: Partial<Clock> = {}): Clock => ({
  status: 'open',
  priority: 'normal',
  dueAt: '2026-12-04T15:00:00Z',
  overdue: false,
  slaPausedSince: null,
  ...patch,
});

describe('slaState', () => {
  const calendar = DEFAULT_BUSINESS_CALENDAR;

  it('is paused while the ticket waits for the customer, even past the due time', () => {
    expect(slaState(ticket({ status: 'waiting', slaPausedSince: '2026-12-01T12:00:00Z', dueAt: '2026-12-01T13:00:00Z' }), now, calendar)).toBe('paused');
  });

  it('is overdue past the due time, whether or not the server has said so yet', () => {
    expect(slaState(ticket({ overdue: true }), now, calendar)).toBe('overdue');
    expect(slaState(ticket({ dueAt: '2026-12-02T08:59:00Z' }), now, calendar)).toBe('overdue');
  });

  it('is soon with less than a quarter of the open time left, counted in opening hours', () => {
    // Normal: 27 open hours, a quarter is 6 h 45 min. Due Thursday 09:00 is 7 + 1 open hours away; Wednesday 16:00 six.
    expect(slaState(ticket({ dueAt: '2026-12-03T08:00:00Z' }), now, calendar)).toBe('onTime');
    expect(slaState(ticket({ dueAt: '2026-12-02T15:00:00Z' }), now, calendar)).toBe('soon');
    // High: 9 open hours, a quarter is 2 h 15 min. At 16:00, due tomorrow 09:00 is two open hours away (the night does not count).
    expect(slaState(ticket({ priority: 'high', dueAt: '2026-12-03T08:00:00Z' }), new Date('2026-12-02T15:00:00Z'), calendar)).toBe('soon');
    // Urgent: 4 open hours, a quarter is one hour.
    expect(slaState(ticket({ priority: 'urgent', dueAt: '2026-12-02T10:30:00Z' }), now, calendar)).toBe('onTime');
    expect(slaState(ticket({ priority: 'urgent', dueAt: '2026-12-02T09:45:00Z' }), now, calendar)).toBe('soon');
  });

  it('falls back to two hours on the wall clock without the calendar', () => {
    expect(slaState(ticket({ dueAt: '2026-12-02T10:30:00Z' }), now, null)).toBe('soon');
    expect(slaState(ticket({ dueAt: '2026-12-02T11:30:00Z' }), now, null)).toBe('onTime');
  });

  it('shows nothing for resolved and closed tickets', () => {
    expect(slaState(ticket({ status: 'resolved', dueAt: '2026-12-01T08:00:00Z' }), now, calendar)).toBe('none');
    expect(slaState(ticket({ status: 'closed' }), now, calendar)).toBe('none');
  });
});

describe('SlaClock', () => {
  let fixture: ComponentFixture<SlaClock>;

  beforeEach(() => {
    fixture = TestBed.createComponent(SlaClock);
    TestBed.inject(I18n).setLanguage('en');
  });

  afterEach(() => fixture.destroy());

  async function text(clock: Clock): Promise<string> {
    fixture.componentRef.setInput('ticket', clock);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent?.trim() ?? '';
  }

  it('says the state in words, not only in colour', async () => {
    expect(await text(ticket({ overdue: true }))).toBe('Overdue');
    expect(await text(ticket({ status: 'waiting', slaPausedSince: '2026-12-01T12:30:00Z' }))).toBe('Paused — waiting for the customer since 2026-12-01 13:30');
    TestBed.inject(I18n).setLanguage('sv');
    expect(await text(ticket({ overdue: true }))).toBe('Försenat');
    expect(await text(ticket({ status: 'closed' }))).toBe('');
  });
});
