import { TicketPriority } from './work-contracts';

/** Hours from a ticket's registration to its due time, per priority (calendar hours). */
export const SLA_HOURS: Record<TicketPriority, number> = { urgent: 4, high: 24, normal: 72, low: 120 };

/** The assignee is told once this share of the SLA window has passed. */
export const SLA_WARNING_SHARE = 0.75;

const HOUR = 3_600_000;

export function slaDueAt(registeredAt: Date, priority: TicketPriority): Date {
  return new Date(registeredAt.getTime() + SLA_HOURS[priority] * HOUR);
}

/** When the assignee should be warned that the ticket nears its due time. */
export function slaWarnAt(registeredAt: Date, dueAt: Date): Date {
  const window = dueAt.getTime() - registeredAt.getTime();
  return new Date(registeredAt.getTime() + Math.max(0, window) * SLA_WARNING_SHARE);
}

export function isOverdue(dueAt: Date, now: Date, status: string): boolean {
  return (status === 'new' || status === 'open' || status === 'waiting') && dueAt.getTime() < now.getTime();
}
