import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AddTicketEntryRequest,
  CreateTicketRequest,
  Page,
  TicketDetail,
  TicketListItem,
  TicketQuery,
  UpdateTicketRequest,
} from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

const id = (value: string) => encodeURIComponent(value);

/** Support tickets. Sales may read (without internal notes) and create, not edit. */
@Injectable({ providedIn: 'root' })
export class TicketsApi {
  private readonly http = inject(HttpClient);

  list(query: TicketQuery): Observable<Page<TicketListItem>> {
    return this.http.get<Page<TicketListItem>>('/api/tickets', { params: toParams(query) });
  }

  get(ticketId: string): Observable<TicketDetail> {
    return this.http.get<TicketDetail>(`/api/tickets/${id(ticketId)}`);
  }

  create(request: CreateTicketRequest): Observable<TicketDetail> {
    return this.http.post<TicketDetail>('/api/tickets', request);
  }

  update(ticketId: string, request: UpdateTicketRequest): Observable<TicketDetail> {
    return this.http.patch<TicketDetail>(`/api/tickets/${id(ticketId)}`, request);
  }

  addEntry(ticketId: string, request: AddTicketEntryRequest): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`/api/tickets/${id(ticketId)}/entries`, request);
  }
}
