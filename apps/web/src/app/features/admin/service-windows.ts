import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { CreateServiceWindowRequest, ServiceWindowView } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { ServiceWindowsApi } from '../../core/api/work.api';
import { formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ErrorTextPipe, ListState } from '../../shared';

/** `YYYY-MM-DDTHH:mm` from a `datetime-local` field (local time) as an ISO instant. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const endsAfterStart: ValidatorFn = (group) => {
  const starts = localToIso(group.get('startsAt')?.value ?? '');
  const ends = localToIso(group.get('endsAt')?.value ?? '');
  return starts && ends && ends <= starts ? { endBeforeStart: true } : null;
};

const KINDS = ['service_window', 'system_update'] as const;

/** Announce a service window or a system update: the worker mails every running-agreement customer's contacts once. */
@Component({
  selector: 'app-service-windows',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatTableModule, TranslatePipe, ErrorTextPipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ 'serviceWindows.title' | t }}</h1>
      <p class="intro">{{ 'serviceWindows.intro' | t }}</p>

      <section class="card" aria-labelledby="announce-heading">
        <h2 id="announce-heading">{{ 'serviceWindows.new' | t }}</h2>
        <form [formGroup]="form" (ngSubmit)="create()" novalidate>
          @if (errors().length) {
            <div class="form-error" role="alert">
              @for (message of errors(); track $index) {
                <p>{{ message() }}</p>
              }
            </div>
          }
          <div class="field-grid">
            <mat-form-field>
              <mat-label>{{ 'serviceWindows.kind' | t }}</mat-label>
              <mat-select formControlName="kind">
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ kindKeys[kind] | t }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field class="wide">
              <mat-label>{{ 'serviceWindows.titleField' | t }}</mat-label>
              <input matInput formControlName="title" required autocomplete="off" />
              <mat-error>{{ form.controls.title.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'serviceWindows.startsAt' | t }}</mat-label>
              <input matInput type="datetime-local" formControlName="startsAt" required />
              <mat-error>{{ form.controls.startsAt.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'serviceWindows.endsAt' | t }}</mat-label>
              <input matInput type="datetime-local" formControlName="endsAt" required />
              <mat-error>{{ form.controls.endsAt.errors | errorText }}</mat-error>
            </mat-form-field>
            <mat-form-field class="full">
              <mat-label>{{ 'serviceWindows.message' | t }}</mat-label>
              <textarea matInput formControlName="message" rows="4" required></textarea>
              <mat-hint>{{ 'serviceWindows.messageHint' | t }}</mat-hint>
              <mat-error>{{ form.controls.message.errors | errorText }}</mat-error>
            </mat-form-field>
          </div>
          @if (form.errors?.['endBeforeStart'] && form.controls.endsAt.touched) {
            <p class="inline-error" role="alert">{{ 'error.dateOrder' | t }}</p>
          }
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ (busy() ? 'common.saving' : 'serviceWindows.submit') | t }}</button>
          </div>
        </form>
      </section>

      <h2>{{ 'serviceWindows.announced' | t }}</h2>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="loaded() && windows().length === 0" (retry)="load()">
        <ng-container listStateError>{{ 'serviceWindows.loadError' | t }}</ng-container>
        <ng-container listStateEmpty>{{ 'serviceWindows.empty' | t }}</ng-container>
      </app-list-state>
      @if (windows().length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="windows()" data-testid="service-windows-table" [attr.aria-label]="'serviceWindows.announced' | t">
            <ng-container matColumnDef="title">
              <th mat-header-cell *matHeaderCellDef>{{ 'serviceWindows.titleField' | t }}</th>
              <td mat-cell *matCellDef="let w">
                <strong>{{ w.title }}</strong>
                <div class="sub">{{ kindKey(w) | t }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="when">
              <th mat-header-cell *matHeaderCellDef>{{ 'serviceWindows.when' | t }}</th>
              <td mat-cell *matCellDef="let w" class="nowrap">{{ formatInstant(w.startsAt) }} – {{ formatInstant(w.endsAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="announced">
              <th mat-header-cell *matHeaderCellDef>{{ 'serviceWindows.announcedBy' | t }}</th>
              <td mat-cell *matCellDef="let w">{{ w.announcedByName }}<div class="sub">{{ formatInstant(w.createdAt) }}</div></td>
            </ng-container>
            <ng-container matColumnDef="recipients">
              <th mat-header-cell *matHeaderCellDef class="num">{{ 'serviceWindows.recipients' | t }}</th>
              <td mat-cell *matCellDef="let w" class="num">{{ w.recipients ?? ('serviceWindows.queued' | t) }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let w; columns: columns" data-testid="service-window-row"></tr>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    .full {
      grid-column: 1 / -1;
    }
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .inline-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ServiceWindowsPage {
  private readonly api = inject(ServiceWindowsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly kinds = KINDS;
  protected readonly kindKeys = { service_window: 'serviceWindows.kind.service_window', system_update: 'serviceWindows.kind.system_update' } as const;
  protected readonly formatInstant = formatInstant;
  protected readonly kindKey = (window: ServiceWindowView) => this.kindKeys[window.kind];
  protected readonly columns = ['title', 'when', 'announced', 'recipients'];

  protected readonly form = new FormGroup(
    {
      kind: new FormControl<(typeof KINDS)[number]>('service_window', { nonNullable: true }),
      title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
      message: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      startsAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      endsAt: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [endsAfterStart] },
  );
  protected readonly windows = signal<ServiceWindowView[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list().subscribe({
      next: (windows) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.windows.set(windows);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected create(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const request: CreateServiceWindowRequest = {
      kind: v.kind,
      title: v.title.trim(),
      message: v.message.trim(),
      startsAt: localToIso(v.startsAt) ?? '',
      endsAt: localToIso(v.endsAt) ?? '',
    };
    this.busy.set(true);
    this.errors.set([]);
    this.api.create(request).subscribe({
      next: (created) => {
        this.busy.set(false);
        this.windows.update((windows) => [created, ...windows]);
        this.formDirective().resetForm({ kind: 'service_window', title: '', message: '', startsAt: '', endsAt: '' });
        this.snackBar.open(this.i18n.t('serviceWindows.created'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
      },
    });
  }
}
