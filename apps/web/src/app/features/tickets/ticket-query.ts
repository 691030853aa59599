import { ParamMap } from '@angular/router';
import {
  Role,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_VIEWS,
  TicketPriority,
  TicketQuery,
  TicketSort,
  TicketStatus,
  TicketView,
} from '@privdesk/domain';

export const TICKET_PAGE_SIZE = 25;

/** `status` in the URL: one status, every status, or (absent) the active ones. */
export type TicketStatusFilter = TicketStatus | 'all' | 'active';

export interface TicketListQuery {
  view: TicketView;
  status: TicketStatusFilter;
  priority: TicketPriority | null;
  customerId: string | null;
  dueBy: string | null;
  q: string;
  sort: TicketSort;
  dir: 'asc' | 'desc';
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : null;

/** A technician starts in his or her own tickets; admin and sales see all of them. */
export function defaultTicketView(role: Role | undefined): TicketView {
  return role === 'technician' ? 'mine' : 'all';
}

/** The list's state lives in the URL; anything unknown is ignored. Sorted by due time unless told. */
export function parseTicketQuery(params: ParamMap, role?: Role): TicketListQuery {
  const status = params.get('status');
  const dueBy = params.get('dueBy');
  const page = Number(params.get('page'));
  const sort = oneOf(TICKET_SORTS, params.get('sort')) ?? 'dueAt';
  const dir = params.get('dir');
  return {
    view: oneOf(TICKET_VIEWS, params.get('view')) ?? defaultTicketView(role),
    status: status === 'all' ? 'all' : (oneOf(TICKET_STATUSES, status) ?? 'active'),
    priority: oneOf(TICKET_PRIORITIES, params.get('priority')),
    customerId: params.get('customerId') || null,
    dueBy: dueBy && /^\d{4}-\d{2}-\d{2}$/.test(dueBy) ? dueBy : null,
    q: (params.get('q') ?? '').trim(),
    sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : sort === 'dueAt' || sort === 'number' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The API request for a list state. */
export function ticketRequest(query: TicketListQuery, pageSize = TICKET_PAGE_SIZE): TicketQuery {
  return {
    view: query.view,
    status: query.status === 'all' || query.status === 'active' ? undefined : query.status,
    active: query.status === 'active' ? true : undefined,
    priority: query.priority ?? undefined,
    customerId: query.customerId ?? undefined,
    dueBy: query.dueBy ?? undefined,
    q: query.q || undefined,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
    pageSize,
  };
}
