import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AdditionalBasis,
  AuditChainVerification,
  AuditEntry,
  AuditQuery,
  CreateUserRequest,
  OutboxMail,
  Page,
  PolicyChange,
  PolicyChangePreview,
  PolicyView,
  StaffUser,
  TaskView,
  UpdatePolicyRequest,
  UpdateUserRequest,
  VersionedEdit,
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

  verify(): Observable<AuditChainVerification> {
    return this.http.get<AuditChainVerification>('/api/audit/verify');
  }
}

/** The body of PUT /api/policies/:code/additional-bases: every further basis, and the version they replace. */
export interface AdditionalBasesRequest extends VersionedEdit {
  bases: AdditionalBasis[];
}

@Injectable({ providedIn: 'root' })
export class PoliciesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<PolicyView[]> {
    return this.http.get<PolicyView[]>('/api/policies');
  }

  /** What the change would do; nothing is saved. */
  preview(code: string, request: PolicyChange): Observable<PolicyChangePreview> {
    return this.http.post<PolicyChangePreview>(`/api/policies/${encodeURIComponent(code)}/preview`, request);
  }

  /** Saves (audited) and starts a task that recomputes the deadlines of the policy's records. */
  update(code: string, request: UpdatePolicyRequest): Observable<{ policy: PolicyView; task: TaskView }> {
    return this.http.patch<{ policy: PolicyView; task: TaskView }>(`/api/policies/${encodeURIComponent(code)}`, request);
  }

  /** Replaces the further legal bases the purpose rests on (audited; no deadline changes). */
  setAdditionalBases(code: string, request: AdditionalBasesRequest): Observable<PolicyView> {
    return this.http.put<PolicyView>(`/api/policies/${encodeURIComponent(code)}/additional-bases`, request);
  }
}

@Injectable({ providedIn: 'root' })
export class OutboxApi {
  private readonly http = inject(HttpClient);

  list(): Observable<OutboxMail[]> {
    return this.http.get<OutboxMail[]>('/api/outbox/emails');
  }
}
