import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, SessionInfo, StaffUser } from '@privdesk/domain';
import { firstValueFrom, map, Observable, switchMap, tap } from 'rxjs';

/** Who is signed in. The session cookie is httpOnly, so the server is asked once per page load. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private pending: Promise<StaffUser | null> | null = null;

  readonly user = signal<StaffUser | null>(null);
  readonly loaded = signal(false);
  readonly isAdmin = computed(() => this.user()?.role === 'admin');
  /** Admin and sales may see a full personnummer (each view is audited). */
  readonly mayViewPersonnummer = computed(() => {
    const role = this.user()?.role;
    return role === 'admin' || role === 'sales';
  });

  /** Resolves the current user (null when signed out); also gets the XSRF cookie set. */
  ensureLoaded(): Promise<StaffUser | null> {
    if (this.loaded()) return Promise.resolve(this.user());
    this.pending ??= firstValueFrom(this.http.get<SessionInfo>('/api/auth/session'))
      .then(
        (info) => this.setUser(info.user ?? null),
        () => {
          // Server unreachable: behave as signed out; the login form reports the failure.
          this.pending = null;
          return null;
        },
      );
    return this.pending;
  }

  /**
   * Signs in, then reads the session once more: a server that regenerates the session on login
   * (against session fixation) also renews the XSRF cookie, and the next POST must carry the new one.
   */
  login(request: LoginRequest): Observable<StaffUser | null> {
    return this.http.post<SessionInfo>('/api/auth/login', request).pipe(
      switchMap(() => this.http.get<SessionInfo>('/api/auth/session')),
      map((info) => this.setUser(info.user ?? null)),
    );
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}).pipe(tap(() => this.clear()));
  }

  /** Forget the user locally (after a 401 or a sign-out). */
  clear(): void {
    this.pending = null;
    this.user.set(null);
    this.loaded.set(true);
  }

  private setUser(user: StaffUser | null): StaffUser | null {
    this.user.set(user);
    this.loaded.set(true);
    return user;
  }
}
