import type { CheckinStatus, DeviceType, PartAction, QuoteLineKind, QuoteStatus, TaskKind, TicketEntryKind, TicketPriority, TicketStatus } from '@privdesk/domain';

/** Translation keys of the daily work's enumerations. */
export const ticketStatusKey = (status: TicketStatus): `ticketStatus.${TicketStatus}` => `ticketStatus.${status}`;
export const ticketPriorityKey = (priority: TicketPriority): `ticketPriority.${TicketPriority}` => `ticketPriority.${priority}`;
export const entryKindKey = (kind: TicketEntryKind): `entryKind.${TicketEntryKind}` => `entryKind.${kind}`;
export const partActionKey = (action: PartAction): `partAction.${PartAction}` => `partAction.${action}`;
export const checkinStatusKey = (status: CheckinStatus): `checkinStatus.${CheckinStatus}` => `checkinStatus.${status}`;
export const deviceTypeKey = (type: DeviceType): `deviceType.${DeviceType}` => `deviceType.${type}`;
export const quoteStatusKey = (status: QuoteStatus): `quoteStatus.${QuoteStatus}` => `quoteStatus.${status}`;
export const quoteLineKindKey = (kind: QuoteLineKind): `quoteLineKind.${QuoteLineKind}` => `quoteLineKind.${kind}`;
export const staffTaskKindKey = (kind: TaskKind): `staffTaskKind.${TaskKind}` => `staffTaskKind.${kind}`;

/** Minutes as `1 h 30 min`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
