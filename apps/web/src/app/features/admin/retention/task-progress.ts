import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { TaskView } from '@privdesk/domain';
import { TranslatePipe } from '../../../core/i18n';
import { taskKindKey, taskStatusKey } from './retention-labels';
import { isActive, taskPercent } from './task-polling';

/** A task's status in words, its progress bar and done/total. */
@Component({
  selector: 'app-task-progress',
  imports: [MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="status {{ task().status }}" data-testid="task-status" [attr.aria-live]="live() ? 'polite' : null">{{
      statusKey() | t
    }}</span>
    <mat-progress-bar
      [mode]="mode()"
      [value]="percent() ?? 0"
      [attr.aria-label]="'tasks.progressOf' | t: { kind: (kindKey() | t), subject: task().subject }"
    />
    <span class="count">{{ task().done }} / {{ task().total ?? '?' }}</span>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: 7.5rem minmax(6rem, 1fr) auto;
      align-items: center;
      gap: 0.75rem;
      min-width: 18rem;
    }
    .status {
      font-weight: 600;
      &.completed {
        color: var(--mat-sys-primary);
      }
      &.failed {
        color: var(--mat-sys-error);
      }
      &.queued {
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .count {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
  `,
})
export class TaskProgress {
  readonly task = input.required<TaskView>();
  /** Announce status changes to screen readers (for a single task followed on screen). */
  readonly live = input(false);

  protected readonly statusKey = computed(() => taskStatusKey(this.task().status));
  protected readonly kindKey = computed(() => taskKindKey(this.task().kind));
  protected readonly percent = computed(() => taskPercent(this.task()));
  protected readonly mode = computed(() => {
    const task = this.task();
    if (task.status === 'queued') return 'query';
    return isActive(task) && this.percent() === null ? 'indeterminate' : 'determinate';
  });
}
