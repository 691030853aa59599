import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CheckinDetail,
  CheckinListItem,
  CheckinQuery,
  CreateCheckinRequest,
  DevicePasswordView,
  Page,
  ReturnCheckinRequest,
  UpdateCheckinRequest,
} from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

const id = (value: string) => encodeURIComponent(value);

/** The printable receipt (PDF): a plain link, the session cookie goes along. */
export function checkinReceiptUrl(checkinId: string): string {
  return `/api/checkins/${id(checkinId)}/receipt.pdf`;
}

/** Devices handed in at the counter (admin and technicians). */
@Injectable({ providedIn: 'root' })
export class CheckinsApi {
  private readonly http = inject(HttpClient);

  list(query: CheckinQuery): Observable<Page<CheckinListItem>> {
    return this.http.get<Page<CheckinListItem>>('/api/checkins', { params: toParams(query) });
  }

  get(checkinId: string): Observable<CheckinDetail> {
    return this.http.get<CheckinDetail>(`/api/checkins/${id(checkinId)}`);
  }

  create(request: CreateCheckinRequest): Observable<CheckinDetail> {
    return this.http.post<CheckinDetail>('/api/checkins', request);
  }

  update(checkinId: string, request: UpdateCheckinRequest): Observable<CheckinDetail> {
    return this.http.patch<CheckinDetail>(`/api/checkins/${id(checkinId)}`, request);
  }

  returnDevice(checkinId: string, request: ReturnCheckinRequest): Observable<CheckinDetail> {
    return this.http.post<CheckinDetail>(`/api/checkins/${id(checkinId)}/return`, request);
  }

  /** The device's password: only the assigned technician; every call is audited. */
  password(checkinId: string): Observable<DevicePasswordView> {
    return this.http.get<DevicePasswordView>(`/api/checkins/${id(checkinId)}/password`);
  }
}
