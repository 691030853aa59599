import { inject, Injectable, signal } from '@angular/core';
import { MAX_PAGE_SIZE } from '@privdesk/domain';
import { InquiriesApi, SubjectRequestsApi } from '../core/api/rights.api';

const FRESH_MS = 30_000;

/** The open data-subject requests that need attention (overdue or due within a week), for the admin menu. */
@Injectable({ providedIn: 'root' })
export class RequestCount {
  private readonly api = inject(SubjectRequestsApi);
  private fetchedAt = 0;

  readonly count = signal<number | null>(null);

  refresh(force = false): void {
    const now = Date.now();
    if (!force && now - this.fetchedAt < FRESH_MS) return;
    this.fetchedAt = now;
    // Open requests come most urgent first, so the first page holds every urgent one there is.
    this.api.list({ status: 'open', pageSize: MAX_PAGE_SIZE }).subscribe({
      next: (page) => this.count.set(page.items.filter((request) => request.overdue || request.dueWithinWeek).length),
      error: () => this.count.set(null),
    });
  }

  clear(): void {
    this.fetchedAt = 0;
    this.count.set(null);
  }
}

/** How many contact-form questions nobody has taken yet, for the menu. */
@Injectable({ providedIn: 'root' })
export class InquiryCount {
  private readonly api = inject(InquiriesApi);
  private fetchedAt = 0;

  readonly count = signal<number | null>(null);

  refresh(force = false): void {
    const now = Date.now();
    if (!force && now - this.fetchedAt < FRESH_MS) return;
    this.fetchedAt = now;
    this.api.list({ status: 'new', pageSize: 1 }).subscribe({
      next: (page) => this.count.set(page.total),
      error: () => this.count.set(null),
    });
  }

  clear(): void {
    this.fetchedAt = 0;
    this.count.set(null);
  }
}
