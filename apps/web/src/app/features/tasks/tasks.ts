import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { StaffTaskView } from '@privdesk/domain';
import { describeError } from '../../core/api/api-errors';
import { TasksApi } from '../../core/api/work.api';
import { formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ListState, staffTaskKindKey, TaskCount } from '../../shared';

/** The signed-in user's open tasks: quotes to follow up, tickets close to their due time. */
@Component({
  selector: 'app-tasks',
  imports: [RouterLink, MatButtonModule, TranslatePipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
      <header class="page-header">
        <h1>{{ 'tasks.title' | t }}</h1>
        <button mat-button type="button" (click)="load()" [disabled]="loading()">{{ 'tasks.refresh' | t }}</button>
      </header>
      <p class="intro">{{ 'tasks.intro' | t }}</p>

      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="loaded() && open().length === 0" (retry)="load()">
        <ng-container listStateError>{{ 'tasks.loadError' | t }}</ng-container>
        <ng-container listStateEmpty>{{ 'tasks.empty' | t }}</ng-container>
      </app-list-state>

      @if (open().length) {
        <ul class="tasks" data-testid="tasks">
          @for (task of open(); track task.id) {
            <li class="task" [class.overdue]="isOverdue(task)" data-testid="task">
              <div class="what">
                <span class="kind">{{ kindKey(task.kind) | t }}</span>
                <a [routerLink]="task.link">{{ task.title }}</a>
                <span class="when">
                  @if (task.dueAt) {
                    {{ 'tasks.due' | t: { at: formatInstant(task.dueAt) } }}
                    @if (isOverdue(task)) {
                      <span class="overdue-flag">{{ 'tickets.overdue' | t }}</span>
                    }
                  } @else {
                    {{ 'tasks.created' | t: { at: formatInstant(task.createdAt) } }}
                  }
                </span>
              </div>
              <button mat-stroked-button type="button" (click)="done(task)" [disabled]="pending().has(task.id)">
                {{ 'tasks.done' | t }}<span class="cdk-visually-hidden">: {{ task.title }}</span>
              </button>
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .tasks {
      list-style: none;
      margin: 0.5rem 0;
      padding: 0;
    }
    .task {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.75rem 1rem;
      margin-bottom: 0.5rem;
      border-radius: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
    }
    .task.overdue {
      border-left: 4px solid var(--mat-sys-error);
    }
    .what {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      min-width: 0;
    }
    .kind {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .what a {
      font-weight: 600;
    }
    .when {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TasksPage {
  private readonly api = inject(TasksApi);
  private readonly count = inject(TaskCount);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);
  protected readonly kindKey = staffTaskKindKey;
  protected readonly formatInstant = formatInstant;

  protected readonly tasks = signal<StaffTaskView[]>([]);
  protected readonly open = computed(() =>
    this.tasks()
      .filter((task) => !task.doneAt)
      .sort((a, b) => (a.dueAt ?? a.createdAt).localeCompare(b.dueAt ?? b.createdAt)),
  );
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly pending = signal<ReadonlySet<string>>(new Set());

  constructor() {
    this.load();
  }

  protected isOverdue(task: StaffTaskView): boolean {
    return !!task.dueAt && new Date(task.dueAt).getTime() < Date.now();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list().subscribe({
      next: (tasks) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.tasks.set(tasks);
        this.count.set(this.open().length);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected done(task: StaffTaskView): void {
    this.pending.update((ids) => new Set([...ids, task.id]));
    const settle = () => this.pending.update((ids) => new Set([...ids].filter((id) => id !== task.id)));
    this.api.done(task.id).subscribe({
      next: () => {
        settle();
        this.tasks.update((tasks) => tasks.filter((t) => t.id !== task.id));
        this.count.set(this.open().length);
        this.snackBar.open(this.i18n.t('tasks.doneMessage', { title: task.title }), undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        settle();
        this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 });
      },
    });
  }
}
