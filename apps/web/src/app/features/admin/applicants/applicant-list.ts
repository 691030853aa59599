import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { ApplicantView, Page } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../../core/api/api-errors';
import { ApplicantsApi } from '../../../core/api/rights.api';
import { formatInstant } from '../../../core/format';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { applicationSourceKey, sensitivityKey } from './applicant-labels';
import { ListState, PrivacyBadge } from '../../../shared';
import { providePaginatorLabels } from '../../../core/i18n/paginator-intl';
import { ApplicantRegisterDialog } from './applicant-register-dialog';

export const APPLICANT_PAGE_SIZE = 25;

/** Job and internship applications (P1, consent): who applied for what, and until when they are kept. */
@Component({
  selector: 'app-applicant-list',
  // The paginator's labels in the current language (provided where a paginator is, not at the root).
  providers: [providePaginatorLabels()],
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatTableModule, TranslatePipe, ListState, PrivacyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'applicants.title' | t }}</h1>
        <a routerLink="/apply">{{ 'applicants.form' | t }}</a>
        <button mat-flat-button type="button" (click)="register()" data-testid="applicant-register">{{ 'applicants.register' | t }}</button>
      </header>
      <p class="intro">{{ 'applicants.intro' | t }}</p>
      <div class="filters" role="search">
        <mat-form-field class="search">
          <mat-label>{{ 'applicants.search' | t }}</mat-label>
          <input matInput type="search" [formControl]="search" autocomplete="off" spellcheck="false" />
        </mat-form-field>
        <span class="total" aria-live="polite">
          @if (result(); as page) {
            {{ 'applicants.total' | t: { n: page.total } }}
          }
        </span>
      </div>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="retry$.next()">
        <ng-container listStateError>{{ 'applicants.loadError' | t }}</ng-container>
      </app-list-state>
      @if (result()) {
        <div class="table-wrap">
          <table mat-table [dataSource]="items()" data-testid="applicants-table" [attr.aria-label]="'applicants.title' | t">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>{{ 'applicants.col.name' | t }}</th>
              <td mat-cell *matCellDef="let a">
                <a class="row-link" [routerLink]="[a.id]">{{ a.person.fullName }}</a>
                <div class="sub">{{ a.person.email }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="position">
              <th mat-header-cell *matHeaderCellDef>{{ 'applicants.col.position' | t }}</th>
              <td mat-cell *matCellDef="let a">{{ a.position }}</td>
            </ng-container>
            <ng-container matColumnDef="source">
              <th mat-header-cell *matHeaderCellDef>{{ 'applicants.col.source' | t }}</th>
              <td mat-cell *matCellDef="let a" class="nowrap">{{ applicationSourceKey(a.source) | t }}</td>
            </ng-container>
            <ng-container matColumnDef="submittedAt">
              <th mat-header-cell *matHeaderCellDef>{{ 'applicants.col.submittedAt' | t }}</th>
              <td mat-cell *matCellDef="let a" class="nowrap">{{ instant(a.submittedAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="documents">
              <th mat-header-cell *matHeaderCellDef class="num">{{ 'applicants.col.documents' | t }}</th>
              <td mat-cell *matCellDef="let a" class="num">{{ a.documents.length }}</td>
            </ng-container>
            <ng-container matColumnDef="privacy">
              <th mat-header-cell *matHeaderCellDef>{{ 'tickets.col.keptUntil' | t }}</th>
              <td mat-cell *matCellDef="let a"><app-privacy-badge [privacy]="a.privacy" /></td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let a; columns: columns" data-testid="applicant-row"></tr>
          </table>
        </div>
        @if (!loading() && !error() && items().length === 0) {
          <div class="empty-state" data-testid="applicants-empty">
            <p>{{ (query().q ? 'applicants.emptyFilter' : 'applicants.emptyAll') | t }}</p>
          </div>
        }
        <mat-paginator
          [length]="result()?.total ?? 0"
          [pageIndex]="query().page - 1"
          [pageSize]="pageSize"
          [hidePageSize]="true"
          [showFirstLastButtons]="true"
          (page)="onPage($event)"
        />
      }
    </section>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .search {
      flex: 1 1 18rem;
      max-width: 30rem;
    }
    .total {
      margin-left: auto;
      color: var(--mat-sys-on-surface-variant);
    }
    .row-link {
      font-weight: 600;
    }
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ApplicantListPage {
  protected readonly applicationSourceKey = applicationSourceKey;
  protected readonly sensitivityKey = sensitivityKey;
  private readonly api = inject(ApplicantsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  protected readonly pageSize = APPLICANT_PAGE_SIZE;
  protected readonly columns = ['name', 'position', 'source', 'submittedAt', 'documents', 'privacy'];
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly instant = formatInstant;
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => {
    const page = Number(this.params().get('page'));
    return { q: (this.params().get('q') ?? '').trim(), page: Number.isInteger(page) && page >= 1 ? page : 1 };
  });
  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  protected readonly result = signal<Page<ApplicantView> | null>(null);
  protected readonly items = computed(() => this.result()?.items ?? []);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly retry$ = new Subject<void>();

  constructor() {
    combineLatest([toObservable(this.query), this.retry$.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap(([query]) =>
          this.api.list({ q: query.q || undefined, page: query.page, pageSize: this.pageSize }).pipe(
            map((page) => ({ page, error: null })),
            catchError((error: unknown) => of({ page: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, error }) => {
        this.loading.set(false);
        this.error.set(error);
        if (page) this.result.set(page);
      });
    this.search.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe((value) => {
      const q = value.trim();
      if (q !== this.query().q) this.navigate({ q: q || null, page: null });
    });
    effect(() => {
      const q = this.query().q;
      untracked(() => {
        if (this.search.value.trim() !== q) this.search.setValue(q, { emitEvent: false });
      });
    });
  }

  protected register(): void {
    this.dialog
      .open<ApplicantRegisterDialog, void, ApplicantView>(ApplicantRegisterDialog, { width: '44rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((applicant) => {
        if (!applicant) return;
        this.snackBar.open(this.i18n.t('register.saved', { name: applicant.person.fullName }), undefined, { duration: 3000 });
        void this.router.navigate([applicant.id], { relativeTo: this.route });
      });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  private navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
