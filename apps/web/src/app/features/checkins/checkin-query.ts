import { ParamMap } from '@angular/router';
import { CHECKIN_STATUSES, CheckinQuery, CheckinStatus } from '@privdesk/domain';

export const CHECKIN_PAGE_SIZE = 25;

/** `show` in the URL: devices in the shop (default) or every check-in, returned ones too. */
export interface CheckinListQuery {
  show: 'inShop' | 'all';
  status: CheckinStatus | null;
  q: string;
  page: number;
}

export function parseCheckinQuery(params: ParamMap): CheckinListQuery {
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    show: params.get('show') === 'all' ? 'all' : 'inShop',
    status: (CHECKIN_STATUSES as readonly string[]).includes(status ?? '') ? (status as CheckinStatus) : null,
    q: (params.get('q') ?? '').trim(),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function checkinRequest(query: CheckinListQuery, pageSize = CHECKIN_PAGE_SIZE): CheckinQuery {
  return {
    inShop: query.show === 'inShop' && query.status !== 'returned' ? true : undefined,
    status: query.status ?? undefined,
    q: query.q || undefined,
    page: query.page,
    pageSize,
  };
}
