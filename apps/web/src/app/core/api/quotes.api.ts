import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateQuoteRequest,
  LoseQuoteRequest,
  RenewQuoteRequest,
  Page,
  QuoteDetail,
  QuoteListItem,
  QuoteQuery,
  QuoteSettings,
  SalesPipeline,
  UpdateQuoteRequest,
  WinQuoteRequest,
} from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

const id = (value: string) => encodeURIComponent(value);

/** The quote as a PDF: a plain link, the session cookie goes along. */
export function quotePdfUrl(quoteId: string): string {
  return `/api/quotes/${id(quoteId)}/pdf`;
}

/** Quotes (admin and sales; technicians read without prices unless an admin allows them). */
@Injectable({ providedIn: 'root' })
export class QuotesApi {
  private readonly http = inject(HttpClient);

  list(query: QuoteQuery): Observable<Page<QuoteListItem>> {
    return this.http.get<Page<QuoteListItem>>('/api/quotes', { params: toParams(query) });
  }

  pipeline(): Observable<SalesPipeline> {
    return this.http.get<SalesPipeline>('/api/quotes/pipeline');
  }

  get(quoteId: string): Observable<QuoteDetail> {
    return this.http.get<QuoteDetail>(`/api/quotes/${id(quoteId)}`);
  }

  create(request: CreateQuoteRequest): Observable<QuoteDetail> {
    return this.http.post<QuoteDetail>('/api/quotes', request);
  }

  update(quoteId: string, request: UpdateQuoteRequest): Observable<QuoteDetail> {
    return this.http.patch<QuoteDetail>(`/api/quotes/${id(quoteId)}`, request);
  }

  win(quoteId: string, request: WinQuoteRequest): Observable<QuoteDetail> {
    return this.http.post<QuoteDetail>(`/api/quotes/${id(quoteId)}/win`, request);
  }

  /** An updated quote with the same lines, issued today: the follow-up's offer. */
  renew(quoteId: string, request: RenewQuoteRequest): Observable<QuoteDetail> {
    return this.http.post<QuoteDetail>(`/api/quotes/${id(quoteId)}/renew`, request);
  }

  lose(quoteId: string, request: LoseQuoteRequest): Observable<QuoteDetail> {
    return this.http.post<QuoteDetail>(`/api/quotes/${id(quoteId)}/lose`, request);
  }

  /** The holder objects to marketing: no more follow-up mails to him or her. */
  marketingObjection(personId: string): Observable<unknown> {
    return this.http.post(`/api/people/${id(personId)}/marketing-objection`, {});
  }

  settings(): Observable<QuoteSettings> {
    return this.http.get<QuoteSettings>('/api/settings/quotes');
  }

  saveSettings(settings: QuoteSettings): Observable<QuoteSettings> {
    return this.http.put<QuoteSettings>('/api/settings/quotes', settings);
  }
}
