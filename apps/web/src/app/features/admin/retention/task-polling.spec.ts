import type { TaskView } from '@privdesk/domain';
import { firstValueFrom, of, throwError, toArray } from 'rxjs';
import { isActive, pollTask, taskPercent } from './task-polling';

const task = (status: TaskView['status'], done = 0, total: number | null = null): TaskView => ({
  id: 't1',
  kind: 'cull',
  status,
  subject: '2026-11-25',
  done,
  total,
  requestedBy: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  error: null,
  certificateId: null,
});

describe('task polling', () => {
  it('knows active tasks and their progress', () => {
    expect(['queued', 'running', 'completed', 'failed'].map((s) => isActive({ status: s as TaskView['status'] }))).toEqual([true, true, false, false]);
    expect(taskPercent(task('running', 3, 4))).toBe(75);
    expect(taskPercent(task('running', 3, null))).toBeNull();
    expect(taskPercent(task('completed', 0, 0))).toBe(100);
  });

  it('asks until the task has finished and emits the final state last', async () => {
    const states = [task('queued'), task('running', 1, 2), task('completed', 2, 2), task('completed', 2, 2)];
    const fetch = vi.fn(() => of(states.shift() as TaskView));
    const seen = await firstValueFrom(pollTask(fetch, 't1', 1).pipe(toArray()));
    expect(seen.map((t) => t.status)).toEqual(['queued', 'running', 'completed']);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch).toHaveBeenCalledWith('t1');
  });

  it('tries again after a failed request', async () => {
    let calls = 0;
    const fetch = () => (++calls === 1 ? throwError(() => new Error('offline')) : of(task('failed')));
    const seen = await firstValueFrom(pollTask(fetch, 't1', 1).pipe(toArray()));
    expect(seen.map((t) => t.status)).toEqual(['failed']);
    expect(calls).toBe(2);
  });
});
