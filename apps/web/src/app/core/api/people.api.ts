import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { PersonSearchResponse } from '@privdesk/domain';
import { Observable } from 'rxjs';

/** The shortest search text the server accepts (shorter gives 400). */
export const PERSON_SEARCH_MIN_LENGTH = 2;

/** The access export of one person (JSON, sent as an attachment): link to it with `<a href download>`. */
export function personExportUrl(personId: string): string {
  return `/api/people/${encodeURIComponent(personId)}/export`;
}

/** Data-subject rights (admin only): find a person in every record type, and export what is held about him or her. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  /** At most 50 people matching name, e-mail, phone or personnummer; `q` must be at least 2 characters. */
  search(q: string): Observable<PersonSearchResponse> {
    return this.http.get<PersonSearchResponse>('/api/people', { params: { q } });
  }
}
