import { ChangeDetectionStrategy, Component, computed, inject, Injector, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { ReviewView } from '@privdesk/domain';
import { describeError, httpStatus } from '../../../core/api/api-errors';
import { RetentionApi } from '../../../core/api/retention.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ListState } from '../../../shared';
import { ExtendReviewDialog, ExtendReviewDialogData } from './extend-review-dialog';
import { recordTypeKey } from './retention-labels';
import { RetentionNav } from './retention-nav';

/** Disposition reviews: records past their deadline whose policy wants a person to decide. */
@Component({
  selector: 'app-reviews',
  imports: [MatButtonModule, ListState, MatTableModule, TranslatePipe, RetentionNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'reviews.title' | t }}</h1>
      </header>
      <app-retention-nav />
      <p class="intro">{{ 'reviews.intro' | t }}</p>

      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="loaded() && reviews().length === 0" (retry)="load()">
        <ng-container listStateError>{{ 'reviews.loadError' | t }}</ng-container>
        <ng-container listStateEmpty>{{ 'reviews.empty' | t }}</ng-container>
      </app-list-state>
      @if (reviews().length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="reviews()" data-testid="reviews-table" [attr.aria-label]="'reviews.title' | t">
            <ng-container matColumnDef="label">
              <th mat-header-cell *matHeaderCellDef>{{ 'reviews.col.label' | t }}</th>
              <td mat-cell *matCellDef="let review">{{ review.label }}</td>
            </ng-container>
            <ng-container matColumnDef="type">
              <th mat-header-cell *matHeaderCellDef>{{ 'reviews.col.type' | t }}</th>
              <td mat-cell *matCellDef="let review">{{ typeLabel(review.recordType) }}</td>
            </ng-container>
            <ng-container matColumnDef="policy">
              <th mat-header-cell *matHeaderCellDef>{{ 'reviews.col.policy' | t }}</th>
              <td mat-cell *matCellDef="let review" class="code">{{ review.policy }}</td>
            </ng-container>
            <ng-container matColumnDef="deadline">
              <th mat-header-cell *matHeaderCellDef>{{ 'reviews.col.deadline' | t }}</th>
              <td mat-cell *matCellDef="let review" class="nowrap">{{ review.retainUntil ?? ('common.none' | t) }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
              <td mat-cell *matCellDef="let review" class="actions">
                <button mat-flat-button type="button" [disabled]="pending().has(review.id)" (click)="approve(review)" data-testid="review-approve">
                  {{ 'reviews.approve' | t }}<span class="cdk-visually-hidden"> {{ review.label }}</span>
                </button>
                <button mat-stroked-button type="button" [disabled]="pending().has(review.id)" (click)="extend(review)" data-testid="review-extend">
                  {{ 'reviews.extend' | t }}<span class="cdk-visually-hidden"> {{ review.label }}</span>
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let review; columns: columns" data-testid="review-row"></tr>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    .code {
      font-weight: 600;
    }
    .actions {
      white-space: nowrap;
      button + button {
        margin-left: 0.5rem;
      }
    }
  `,
})
export class ReviewsPage {
  private readonly api = inject(RetentionApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  /** Handed to the dialog so that it sees the route's date adapter. */
  private readonly injector = inject(Injector);

  protected readonly columns = ['label', 'type', 'policy', 'deadline', 'actions'];
  protected readonly reviews = signal<ReviewView[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly pending = signal<ReadonlySet<string>>(new Set());

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.reviews('pending').subscribe({
      next: (reviews) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.reviews.set(reviews);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected typeLabel(type: string): string {
    const key = recordTypeKey(type);
    return key ? this.i18n.t(key) : type;
  }

  protected approve(review: ReviewView): void {
    this.setPending(review.id, true);
    this.api.approveReview(review.id).subscribe({
      next: () => {
        this.setPending(review.id, false);
        this.remove(review);
        this.snackBar.open(this.i18n.t('reviews.approved', { label: review.label }), undefined, { duration: 4000 });
      },
      error: (error: unknown) => this.failed(review, error),
    });
  }

  protected extend(review: ReviewView): void {
    this.dialog
      .open<ExtendReviewDialog, ExtendReviewDialogData, ReviewView>(ExtendReviewDialog, {
        data: { review },
        injector: this.injector,
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((extended) => {
        if (!extended) return;
        this.remove(review);
        this.snackBar.open(this.i18n.t('reviews.extended', { label: review.label, date: extended.extendedUntil ?? '' }), undefined, {
          duration: 4000,
        });
      });
  }

  private failed(review: ReviewView, error: unknown): void {
    this.setPending(review.id, false);
    this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 });
    // Decided elsewhere meanwhile (409) or gone (404): show the list as it is now.
    if (httpStatus(error) === 409 || httpStatus(error) === 404) this.load();
  }

  private remove(review: ReviewView): void {
    this.reviews.update((reviews) => reviews.filter((r) => r.id !== review.id));
  }

  private setPending(id: string, on: boolean): void {
    this.pending.update((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
