import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { BusinessCalendar, BusinessHoursView } from '@privdesk/domain';
import { Observable } from 'rxjs';

/** Opening hours and the holidays they close on: every role reads them (the SLA clock), admins set them. */
@Injectable({ providedIn: 'root' })
export class BusinessHoursApi {
  private readonly http = inject(HttpClient);

  get(): Observable<BusinessHoursView> {
    return this.http.get<BusinessHoursView>('/api/settings/business-hours');
  }

  save(calendar: BusinessCalendar): Observable<BusinessHoursView> {
    return this.http.put<BusinessHoursView>('/api/settings/business-hours', calendar);
  }
}
