import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
// The standalone pieces, not the module: it would re-provide MatDatepickerIntl and hide the translated one.
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { CullPreview, isIsoDate, stockholmDate } from '@privdesk/domain';
import { catchError, map, of, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../../core/api/api-errors';
import { RetentionApi } from '../../../core/api/retention.api';
import { dateToIso, isoToDate } from '../../../core/iso-date-adapter';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ErrorTextPipe } from '../../../shared';
import { expiryActionKey, OUTCOMES, outcomeKey, recordTypeKey } from './retention-labels';

/**
 * "What would a cull as of this day take?" — per policy and record type, the counts and (some of)
 * the records. The day lives in the URL (`?asOf=`), so the dashboard's tiles can link here.
 */
@Component({
  selector: 'app-cull-preview',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" id="preview" aria-labelledby="preview-heading" data-testid="cull-preview">
      <h2 id="preview-heading">{{ 'preview.title' | t }}</h2>
      <p class="intro">{{ 'preview.intro' | t }}</p>
      <form class="preview-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field>
          <mat-label>{{ 'preview.asOf' | t }}</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="asOf" required autocomplete="off" data-testid="preview-date" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint>{{ 'field.dateHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.asOf.errors | errorText }}</mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="loading()">{{ 'preview.submit' | t }}</button>
      </form>

      <div class="progress-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
        }
      </div>
      @if (error()) {
        <div class="error-state" role="alert">
          <p>{{ 'preview.loadError' | t }} {{ errorText() }}</p>
          <button mat-stroked-button type="button" (click)="retry()">{{ 'common.retry' | t }}</button>
        </div>
      }

      @if (result(); as preview) {
        <div aria-live="polite">
          @if (preview.policies.length === 0) {
            <div class="empty-state">
              <p>{{ 'preview.empty' | t: { date: preview.asOf } }}</p>
            </div>
          } @else {
            <p class="summary">{{ 'preview.summary' | t: { date: preview.asOf, n: total() } }}</p>
          }
        </div>
        <mat-accordion multi>
          @for (group of preview.policies; track group.policy + group.recordType) {
            <mat-expansion-panel data-testid="preview-group">
              <mat-expansion-panel-header>
                <mat-panel-title>
                  <span class="code">{{ group.policy }}</span>&nbsp;{{ purposeNames()[group.policy] || '' }} ·
                  {{ typeLabel(group.recordType) }}
                </mat-panel-title>
                <mat-panel-description>
                  <span class="counts">
                    @for (outcome of outcomes; track outcome) {
                      @if (group.counts[outcome]) {
                        <span class="count {{ outcome }}">{{ outcomeKey(outcome) | t }}: {{ group.counts[outcome] }}</span>
                      }
                    }
                  </span>
                </mat-panel-description>
              </mat-expansion-panel-header>
              <p class="action">{{ 'preview.action' | t }}: {{ actionKey(group.action) | t }}</p>
              <div class="table-wrap">
                <table class="records">
                  <caption class="cdk-visually-hidden">{{ group.policy }} · {{ typeLabel(group.recordType) }}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ 'preview.col.label' | t }}</th>
                      <th scope="col">{{ 'preview.col.type' | t }}</th>
                      <th scope="col">{{ 'preview.col.deadline' | t }}</th>
                      <th scope="col">{{ 'preview.col.outcome' | t }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (record of group.records; track record.id) {
                      <tr data-testid="preview-record">
                        <td>{{ record.label || record.id }}</td>
                        <td>{{ typeLabel(record.recordType) }}</td>
                        <td class="nowrap">{{ record.retainUntil }}</td>
                        <td>{{ outcomeKey(record.outcome) | t }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              @if (group.records.length < countOf(group.counts)) {
                <p class="more">{{ 'preview.truncated' | t: { shown: group.records.length, n: countOf(group.counts) } }}</p>
              }
            </mat-expansion-panel>
          }
        </mat-accordion>
      }
    </section>
  `,
  styles: `
    .preview-form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 1rem;
      button {
        margin-top: 0.5rem;
      }
    }
    .summary {
      font-weight: 600;
    }
    .code {
      font-weight: 700;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
    }
    .count.held,
    .count.reviewed {
      color: var(--mat-sys-tertiary);
    }
    .records {
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 0.35rem 0.75rem 0.35rem 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .action,
    .more {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CullPreviewSection {
  private readonly api = inject(RetentionApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Purpose names by policy code, for the group headings. */
  readonly purposeNames = input<Record<string, string>>({});

  protected readonly outcomes = OUTCOMES;
  protected readonly outcomeKey = outcomeKey;
  protected readonly actionKey = expiryActionKey;
  protected readonly form = new FormGroup({
    asOf: new FormControl<Date | null>(isoToDate(stockholmDate(new Date())), { validators: [Validators.required] }),
  });

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  /** The day asked about, from the URL; today unless the user (or a tile) chose another. */
  private readonly asOf = computed(() => {
    const value = this.params().get('asOf') ?? '';
    return isIsoDate(value) ? value : stockholmDate(new Date());
  });

  protected readonly result = signal<CullPreview | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly total = computed(() => (this.result()?.policies ?? []).reduce((sum, group) => sum + this.countOf(group.counts), 0));
  private readonly load$ = new Subject<string>();

  constructor() {
    this.load$
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((asOf) =>
          this.api.preview(asOf).pipe(
            map((preview) => ({ preview, error: null })),
            catchError((error: unknown) => of({ preview: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ preview, error }) => {
        this.loading.set(false);
        this.error.set(error);
        this.result.set(preview);
      });

    effect(() => {
      const asOf = this.asOf();
      untracked(() => {
        this.form.controls.asOf.setValue(isoToDate(asOf));
        this.load$.next(asOf);
      });
    });
  }

  protected submit(): void {
    const asOf = dateToIso(this.form.controls.asOf.value);
    if (this.form.invalid || !asOf) {
      this.form.markAllAsTouched();
      return;
    }
    if (asOf === this.asOf()) {
      this.reload();
      return;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: { asOf }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  /** Asks again (after a cull the answer has changed). */
  reload(): void {
    this.load$.next(this.asOf());
  }

  protected retry(): void {
    this.reload();
  }

  protected typeLabel(type: string): string {
    const key = recordTypeKey(type);
    return key ? this.i18n.t(key) : type;
  }

  protected countOf(counts: Record<string, number>): number {
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }
}
