import type { TaskView } from '@privdesk/domain';
import { Observable, repeat, retry, switchMap, takeWhile, timer } from 'rxjs';

/** How often a task in progress is asked about. */
export const TASK_POLL_MS = 1000;

export function isActive(task: Pick<TaskView, 'status'>): boolean {
  return task.status === 'queued' || task.status === 'running';
}

/** Percent done, or null while the total is unknown. */
export function taskPercent(task: Pick<TaskView, 'done' | 'total' | 'status'>): number | null {
  if (task.status === 'completed') return 100;
  if (!task.total) return null;
  return Math.min(100, Math.round((task.done / task.total) * 100));
}

/**
 * The task as it moves on: fetched `interval` ms after the previous answer, until it is completed
 * or failed (that state is emitted last). A failed request is tried again a few times. Unsubscribe
 * to stop (leaving the page); the task runs on in the worker either way.
 */
export function pollTask(fetch: (id: string) => Observable<TaskView>, id: string, interval = TASK_POLL_MS): Observable<TaskView> {
  return timer(interval).pipe(
    switchMap(() => fetch(id)),
    repeat(),
    retry({ count: 5, delay: interval, resetOnSuccess: true }),
    takeWhile((task) => isActive(task), true),
  );
}
