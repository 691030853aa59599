import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
// The standalone pieces, not the module: it would re-provide MatDatepickerIntl and hide the translated one.
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { stockholmDate, type TaskView } from '@privdesk/domain';
import { filter, Subscription } from 'rxjs';
import { applyServerErrors, describeError } from '../../../core/api/api-errors';
import { RetentionApi } from '../../../core/api/retention.api';
import { formatInstant } from '../../../core/format';
import { dateToIso, isoToDate } from '../../../core/iso-date-adapter';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ErrorTextPipe, ListState } from '../../../shared';
import { taskKindKey } from './retention-labels';
import { RunCullDialog, RunCullDialogData } from './run-cull-dialog';
import { isActive, pollTask } from './task-polling';
import { TaskProgress } from './task-progress';
import { notAfterTodayValidator } from './validators';

/** How many of the latest tasks the list shows. */
export const RECENT_TASKS = 10;

/**
 * "Run cull now" and the latest tasks (culls and recomputations). Tasks in progress are followed
 * every second until they finish; leaving the page stops that, coming back reloads the list.
 */
@Component({
  selector: 'app-runs-section',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    ListState,
    MatTableModule,
    TranslatePipe,
    ErrorTextPipe,
    TaskProgress,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" id="runs" aria-labelledby="runs-heading">
      <div class="card-header">
        <h2 id="runs-heading">{{ 'runs.title' | t }}</h2>
        <button mat-button type="button" (click)="load()" [disabled]="loading()">{{ 'runs.refresh' | t }}</button>
      </div>
      <p class="intro">{{ 'runs.intro' | t }}</p>
      <form class="run-form" [formGroup]="form" (ngSubmit)="run()" novalidate>
        <mat-form-field>
          <mat-label>{{ 'runs.asOf' | t }}</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="asOf" [max]="today" autocomplete="off" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint>{{ 'field.dateHint' | t }} · {{ 'runs.asOfHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.asOf.errors | errorText }}</mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" data-testid="run-cull" [disabled]="starting()">
          {{ (starting() ? 'runs.starting' : 'runs.run') | t }}
        </button>
      </form>
      @if (runError()) {
        <div class="form-error" role="alert"><p>{{ runError() }}</p></div>
      }

      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="loaded() && recent().length === 0" (retry)="load()">
        <ng-container listStateError>{{ 'runs.loadError' | t }}</ng-container>
        <ng-container listStateEmpty>{{ 'runs.empty' | t }}</ng-container>
      </app-list-state>
      @if (recent().length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="recent()" [trackBy]="trackById" data-testid="task-list" [attr.aria-label]="'runs.tableLabel' | t">
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef>{{ 'runs.col.kind' | t }}</th>
              <td mat-cell *matCellDef="let task">{{ kindKey(task.kind) | t }}</td>
            </ng-container>
            <ng-container matColumnDef="subject">
              <th mat-header-cell *matHeaderCellDef>{{ 'runs.col.subject' | t }}</th>
              <td mat-cell *matCellDef="let task" class="nowrap">{{ task.subject }}</td>
            </ng-container>
            <ng-container matColumnDef="progress">
              <th mat-header-cell *matHeaderCellDef>{{ 'runs.col.progress' | t }}</th>
              <td mat-cell *matCellDef="let task"><app-task-progress [task]="task" /></td>
            </ng-container>
            <ng-container matColumnDef="created">
              <th mat-header-cell *matHeaderCellDef>{{ 'runs.col.created' | t }}</th>
              <td mat-cell *matCellDef="let task" class="nowrap">{{ formatInstant(task.createdAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="finished">
              <th mat-header-cell *matHeaderCellDef>{{ 'runs.col.finished' | t }}</th>
              <td mat-cell *matCellDef="let task" class="nowrap">{{ task.finishedAt ? formatInstant(task.finishedAt) : ('common.none' | t) }}</td>
            </ng-container>
            <ng-container matColumnDef="result">
              <th mat-header-cell *matHeaderCellDef>{{ 'runs.col.result' | t }}</th>
              <td mat-cell *matCellDef="let task">
                @if (task.certificateId) {
                  <a [routerLink]="['/admin/retention/certificates']" [queryParams]="{ open: task.certificateId }" data-testid="task-certificate">{{
                    'runs.certificate' | t
                  }}</a>
                } @else if (task.error) {
                  <span class="task-error">{{ task.error }}</span>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let task; columns: columns" data-testid="task-row" [attr.data-status]="task.status" [attr.data-task-id]="task.id"></tr>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    .run-form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 1rem;
      margin-bottom: 0.5rem;
      button {
        margin-top: 0.5rem;
      }
    }
    .task-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class RunsSection {
  private readonly api = inject(RetentionApi);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);

  /** A cull or recomputation finished while the page watched: the numbers around have changed. */
  readonly finished = output<TaskView>();

  protected readonly columns = ['kind', 'subject', 'progress', 'created', 'finished', 'result'];
  protected readonly formatInstant = formatInstant;
  protected readonly kindKey = taskKindKey;
  protected readonly trackById = (_: number, task: TaskView) => task.id;

  protected readonly today = isoToDate(stockholmDate(new Date()));
  protected readonly form = new FormGroup({ asOf: new FormControl<Date | null>(null, { validators: [notAfterTodayValidator] }) });
  protected readonly tasks = signal<TaskView[]>([]);
  protected readonly recent = computed(() => this.tasks().slice(0, RECENT_TASKS));
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly starting = signal(false);
  protected readonly runError = signal('');

  private readonly polls = new Map<string, Subscription>();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      for (const poll of this.polls.values()) poll.unsubscribe();
      this.polls.clear();
    });
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.tasks().subscribe({
      next: (tasks) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.tasks.set(tasks);
        tasks.filter(isActive).forEach((task) => this.follow(task));
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected run(): void {
    if (this.starting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    // The same day for the preview in the question and for the cull itself.
    const asOf = dateToIso(this.form.controls.asOf.value) ?? stockholmDate(new Date());
    this.runError.set('');
    this.dialog
      .open<RunCullDialog, RunCullDialogData, boolean>(RunCullDialog, { data: { asOf }, width: '32rem' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => this.start(asOf));
  }

  private start(asOf: string): void {
    this.starting.set(true);
    this.api.runCull(asOf).subscribe({
      next: (task) => {
        this.starting.set(false);
        this.upsert(task);
        this.follow(task);
        this.snackBar.open(this.i18n.t('runs.started', { date: task.subject }), undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        this.starting.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.runError.set([describeError(error, this.i18n), ...unmatched].join(' '));
      },
    });
  }

  /** Follows one task until it has finished (or the page is left). */
  private follow(task: TaskView): void {
    if (!isActive(task) || this.polls.has(task.id)) return;
    const poll = pollTask((id) => this.api.task(id), task.id).subscribe({
      next: (current) => {
        this.upsert(current);
        if (!isActive(current)) this.finished.emit(current);
      },
      complete: () => this.polls.delete(task.id),
      error: () => this.polls.delete(task.id),
    });
    if (!poll.closed) this.polls.set(task.id, poll);
  }

  private upsert(task: TaskView): void {
    this.tasks.update((tasks) =>
      tasks.some((t) => t.id === task.id) ? tasks.map((t) => (t.id === task.id ? task : t)) : [task, ...tasks],
    );
  }
}
