import { inject, Injectable, signal } from '@angular/core';
import { TasksApi } from '../core/api/work.api';

const FRESH_MS = 30_000;

/** How many open tasks the signed-in user has, for the badge in the menu. */
@Injectable({ providedIn: 'root' })
export class TaskCount {
  private readonly api = inject(TasksApi);
  private fetchedAt = 0;

  readonly count = signal<number | null>(null);

  /** Asks the server again unless the number is fresh (`force` after a change). */
  refresh(force = false): void {
    const now = Date.now();
    if (!force && now - this.fetchedAt < FRESH_MS) return;
    this.fetchedAt = now;
    this.api.list().subscribe({
      next: (tasks) => this.count.set(tasks.filter((task) => !task.doneAt).length),
      error: () => this.count.set(null),
    });
  }

  set(count: number): void {
    this.fetchedAt = Date.now();
    this.count.set(count);
  }

  clear(): void {
    this.fetchedAt = 0;
    this.count.set(null);
  }
}
