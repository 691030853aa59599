import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { CullOutcome, CullPreview, IsoDate } from '@privdesk/domain';
import { describeError } from '../../../core/api/api-errors';
import { RetentionApi } from '../../../core/api/retention.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { OUTCOMES, outcomeKey } from './retention-labels';

export interface RunCullDialogData {
  asOf: IsoDate;
}

/**
 * "Run cull now" asks first, with the preview's counts for the same day: what will be deleted,
 * anonymised, held and sent to review. Closes with `true` when the admin confirms.
 */
@Component({
  selector: 'app-run-cull-dialog',
  imports: [MatDialogModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'runs.confirm.title' | t: { date: data.asOf } }}</h2>
    <mat-dialog-content data-testid="run-cull-confirm">
      @if (loading()) {
        <p role="status">{{ 'runs.confirm.counting' | t }}</p>
      } @else if (error()) {
        <div class="form-error" role="alert">
          <p>{{ 'runs.confirm.loadError' | t }} {{ errorText() }}</p>
        </div>
      } @else if (total() === 0) {
        <p>{{ 'runs.confirm.nothing' | t: { date: data.asOf } }}</p>
      } @else {
        <p>{{ 'runs.confirm.summary' | t: { date: data.asOf, n: total() } }}</p>
        <ul class="counts">
          @for (outcome of outcomes; track outcome) {
            <li [attr.data-outcome]="outcome">{{ outcomeKey(outcome) | t }}: {{ counts()[outcome] }}</li>
          }
        </ul>
        <p>{{ 'runs.confirm.final' | t }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" [disabled]="loading() || !!error()" data-testid="confirm-run-cull">
        {{ 'runs.confirm.run' | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .counts {
      margin: 0 0 1rem;
      padding-left: 1.25rem;
    }
  `,
})
export class RunCullDialog {
  private readonly i18n = inject(I18n);
  protected readonly data = inject<RunCullDialogData>(MAT_DIALOG_DATA);
  protected readonly outcomes = OUTCOMES;
  protected readonly outcomeKey = outcomeKey;

  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly preview = signal<CullPreview | null>(null);
  protected readonly counts = computed(() => {
    const totals: Record<CullOutcome, number> = { deleted: 0, anonymised: 0, held: 0, reviewed: 0 };
    for (const group of this.preview()?.policies ?? []) for (const outcome of OUTCOMES) totals[outcome] += group.counts[outcome] ?? 0;
    return totals;
  });
  protected readonly total = computed(() => OUTCOMES.reduce((sum, outcome) => sum + this.counts()[outcome], 0));

  constructor() {
    inject(RetentionApi)
      .preview(this.data.asOf)
      .subscribe({
        next: (preview) => {
          this.preview.set(preview);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.error.set(error);
          this.loading.set(false);
        },
      });
  }
}
