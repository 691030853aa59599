import { convertToParamMap } from '@angular/router';
import { parseTicketQuery, ticketRequest } from './ticket-query';

describe('parseTicketQuery', () => {
  it('starts a technician in "my tickets", active ones, soonest due first', () => {
    const query = parseTicketQuery(convertToParamMap({}), 'technician');
    expect(query).toEqual({
      view: 'mine',
      status: 'active',
      priority: null,
      customerId: null,
      dueBy: null,
      q: '',
      sort: 'dueAt',
      dir: 'asc',
      page: 1,
    });
    expect(ticketRequest(query)).toEqual({ view: 'mine', active: true, sort: 'dueAt', dir: 'asc', page: 1, pageSize: 25, status: undefined, priority: undefined, customerId: undefined, dueBy: undefined, q: undefined });
  });

  it('starts admin and sales in all tickets', () => {
    expect(parseTicketQuery(convertToParamMap({}), 'sales').view).toBe('all');
  });

  it('reads filters from the URL and ignores values the API would reject', () => {
    const query = parseTicketQuery(
      convertToParamMap({ view: 'unassigned', status: 'waiting', priority: 'urgent', dueBy: '2026-03-01', q: ' skrivare ', sort: 'priority', page: '2' }),
      'technician',
    );
    expect(query).toMatchObject({ view: 'unassigned', status: 'waiting', priority: 'urgent', dueBy: '2026-03-01', q: 'skrivare', sort: 'priority', dir: 'desc', page: 2 });
    expect(ticketRequest(query)).toMatchObject({ status: 'waiting', active: undefined });

    const bad = parseTicketQuery(convertToParamMap({ view: 'theirs', status: 'lost', priority: 'meh', dueBy: 'tomorrow', sort: 'subject', page: '0' }), 'admin');
    expect(bad).toMatchObject({ view: 'all', status: 'active', priority: null, dueBy: null, sort: 'dueAt', page: 1 });
  });

  it('"all" statuses sends neither status nor active', () => {
    const request = ticketRequest(parseTicketQuery(convertToParamMap({ status: 'all' }), 'admin'));
    expect(request.status).toBeUndefined();
    expect(request.active).toBeUndefined();
  });
});
