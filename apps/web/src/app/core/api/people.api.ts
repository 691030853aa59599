import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { DuplicateGroup, EraseRequest, ErasureProposal, ErasureResult, MergePeopleResult, Page, PersonSearchResponse } from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

/** The shortest search text the server accepts (shorter gives 400). */
export const PERSON_SEARCH_MIN_LENGTH = 2;

/** The access export of one person (JSON, sent as an attachment): link to it with `<a href download>`. */
export function personExportUrl(personId: string): string {
  return `/api/people/${encodeURIComponent(personId)}/export`;
}

/** The same export as a letter to the person (PDF). */
export function personExportPdfUrl(personId: string): string {
  return `/api/people/${encodeURIComponent(personId)}/export.pdf`;
}

/** Data-subject rights (admin only): find a person in every record type, export what is held, erase. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  /** At most 50 people matching name, e-mail, phone or personnummer; `q` must be at least 2 characters. */
  search(q: string): Observable<PersonSearchResponse> {
    return this.http.get<PersonSearchResponse>('/api/people', { params: { q } });
  }

  /** What erasure would do with each record, and why; nothing changes. */
  erasureProposal(personId: string): Observable<ErasureProposal> {
    return this.http.get<ErasureProposal>(`/api/people/${encodeURIComponent(personId)}/erasure-proposal`);
  }

  erase(personId: string, request: EraseRequest): Observable<ErasureResult> {
    return this.http.post<ErasureResult>(`/api/people/${encodeURIComponent(personId)}/erase`, request);
  }

  /** People sharing an e-mail address (registered before one address meant one person); `q` matches the address. */
  duplicates(query: { q?: string; page?: number; pageSize?: number }): Observable<Page<DuplicateGroup>> {
    return this.http.get<Page<DuplicateGroup>>('/api/people/duplicates', { params: toParams(query) });
  }

  /** Moves every record of `mergeId` to `keepId` and deletes `mergeId`. */
  merge(keepId: string, mergeId: string): Observable<MergePeopleResult> {
    return this.http.post<MergePeopleResult>(`/api/people/${encodeURIComponent(keepId)}/merge`, { mergeId });
  }
}
