import type { RequestChannel, RequestStatus, SubjectRequestKind, SubjectRequestView } from '@privdesk/domain';

export const requestKindKey = (kind: SubjectRequestKind): `request.kind.${SubjectRequestKind}` => `request.kind.${kind}`;
export const requestChannelKey = (channel: RequestChannel): `request.channel.${RequestChannel}` => `request.channel.${channel}`;
export const requestStatusKey = (status: RequestStatus): `request.status.${RequestStatus}` => `request.status.${status}`;

export type RequestUrgency = 'overdue' | 'soon' | 'later' | 'closed';

/** How the deadline of a request should look: red when overdue, highlighted within a week. */
export function requestUrgency(request: Pick<SubjectRequestView, 'status' | 'overdue' | 'dueWithinWeek'>): RequestUrgency {
  if (request.status !== 'open') return 'closed';
  if (request.overdue) return 'overdue';
  return request.dueWithinWeek ? 'soon' : 'later';
}

export interface RequestCounts {
  open: number;
  overdue: number;
  soon: number;
}

/** The numbers above the register, from the open requests. */
export function countRequests(open: readonly Pick<SubjectRequestView, 'status' | 'overdue' | 'dueWithinWeek'>[], total = open.length): RequestCounts {
  let overdue = 0;
  let soon = 0;
  for (const request of open) {
    const urgency = requestUrgency(request);
    if (urgency === 'overdue') overdue++;
    else if (urgency === 'soon') soon++;
  }
  return { open: total, overdue, soon };
}

/** Whole days from `today` to `due` (negative when past), both `YYYY-MM-DD`. */
export function daysUntil(due: string, today: string): number {
  const ms = Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
