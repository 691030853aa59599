import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AuditEntry,
  AuditQuery,
  CreateUserRequest,
  Page,
  RetentionPolicy,
  StaffUser,
  UpdateUserRequest,
} from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<StaffUser[]> {
    return this.http.get<StaffUser[]>('/api/users');
  }

  create(request: CreateUserRequest): Observable<StaffUser> {
    return this.http.post<StaffUser>('/api/users', request);
  }

  update(id: string, request: UpdateUserRequest): Observable<StaffUser> {
    return this.http.patch<StaffUser>(`/api/users/${encodeURIComponent(id)}`, request);
  }
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: toParams(query) });
  }
}

@Injectable({ providedIn: 'root' })
export class PoliciesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<RetentionPolicy[]> {
    return this.http.get<RetentionPolicy[]>('/api/policies');
  }
}
