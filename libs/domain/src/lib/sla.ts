import { addBusinessMinutes, BusinessCalendar, businessMinutesBetween } from './business-hours';
import { TicketPriority } from './work-contracts';

/**
 * Open hours from a ticket's registration to its due time, per priority: the clock runs only while
 * the shop is open (see `BusinessCalendar`), and stops while the ticket waits for the customer.
 * With the default 08–17 weekdays: urgent half a day, high one day, normal three, low five.
 */
export const SLA_HOURS: Record<TicketPriority, number> = { urgent: 4, high: 9, normal: 27, low: 45 };

/** The assignee is told once this share of the SLA window has passed. */
export const SLA_WARNING_SHARE = 0.75;

/** A ticket's SLA clock: when it started, its priority, and the open minutes it stood still waiting for the customer. */
export interface SlaClock {
  registeredAt: Date;
  priority: TicketPriority;
  pausedMinutes: number;
}

export function slaDueAt(clock: SlaClock, calendar: BusinessCalendar): Date {
  return addBusinessMinutes(clock.registeredAt, SLA_HOURS[clock.priority] * 60 + clock.pausedMinutes, calendar);
}

/** When the assignee should be warned that the ticket nears its due time: after the same share of open time. */
export function slaWarnAt(clock: SlaClock, calendar: BusinessCalendar): Date {
  return addBusinessMinutes(clock.registeredAt, Math.round(SLA_HOURS[clock.priority] * 60 * SLA_WARNING_SHARE) + clock.pausedMinutes, calendar);
}

/** The open minutes a wait for the customer lasted: they are added to the clock when the ticket moves on. */
export function pausedMinutes(waitingSince: Date, resumedAt: Date, calendar: BusinessCalendar): number {
  return businessMinutesBetween(waitingSince, resumedAt, calendar);
}

/** Overdue: past its due time while open; a ticket waiting for the customer is not (its clock stands still). */
export function isOverdue(dueAt: Date, now: Date, status: string): boolean {
  return (status === 'new' || status === 'open') && dueAt.getTime() < now.getTime();
}
