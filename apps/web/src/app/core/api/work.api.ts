import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateServiceWindowRequest, Role, ServiceWindowView, StaffMember, StaffTaskView } from '@privdesk/domain';
import { Observable } from 'rxjs';
import { toParams } from './http-params';

/** Colleagues to pick (assignee, technician). */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  list(role?: Role): Observable<StaffMember[]> {
    return this.http.get<StaffMember[]>('/api/staff', { params: toParams({ role }) });
  }
}

/** The signed-in user's open tasks. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  list(): Observable<StaffTaskView[]> {
    return this.http.get<StaffTaskView[]>('/api/tasks');
  }

  done(taskId: string): Observable<unknown> {
    return this.http.post(`/api/tasks/${encodeURIComponent(taskId)}/done`, {});
  }
}

/** Announced service windows and system updates (admin). */
@Injectable({ providedIn: 'root' })
export class ServiceWindowsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ServiceWindowView[]> {
    return this.http.get<ServiceWindowView[]>('/api/service-windows');
  }

  create(request: CreateServiceWindowRequest): Observable<ServiceWindowView> {
    return this.http.post<ServiceWindowView>('/api/service-windows', request);
  }
}
