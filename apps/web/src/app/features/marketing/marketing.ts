import { ChangeDetectionStrategy, Component, computed, effect, inject, Injector, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { MarketingContactView, MarketingSendResult, Page } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../core/api/api-errors';
import { MarketingApi } from '../../core/api/rights.api';
import { formatDate } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ConfirmDialog, ConfirmDialogData, ListState, PrivacyBadge } from '../../shared';
import { MailingDialog, MarketingContactDialog } from './marketing-dialogs';
import { audienceKey, sourceKey } from './marketing-labels';
import { providePaginatorLabels } from '../../core/i18n/paginator-intl';

export const MARKETING_PAGE_SIZE = 25;

/** Marketing contacts (P5) and lawful mailings: who may get marketing, on what ground, and who must not. */
@Component({
  selector: 'app-marketing',
  // The paginator's labels in the current language (provided where a paginator is, not at the root).
  providers: [providePaginatorLabels()],
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatTableModule, TranslatePipe, ListState, PrivacyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'marketing.title' | t }}</h1>
        <div class="header-actions">
          <button mat-stroked-button type="button" (click)="add()" data-testid="marketing-add">{{ 'marketing.add' | t }}</button>
          <button mat-flat-button type="button" (click)="mailing()" data-testid="marketing-mailing">{{ 'mailing.new' | t }}</button>
        </div>
      </header>
      <p class="intro">{{ 'marketing.intro' | t }}</p>
      <div class="filters" role="search">
        <mat-form-field class="search">
          <mat-label>{{ 'marketing.search' | t }}</mat-label>
          <input matInput type="search" [formControl]="search" autocomplete="off" spellcheck="false" />
        </mat-form-field>
        <span class="total" aria-live="polite">
          @if (result(); as page) {
            {{ 'marketing.total' | t: { n: page.total } }}
          }
        </span>
      </div>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="retry$.next()">
        <ng-container listStateError>{{ 'marketing.loadError' | t }}</ng-container>
      </app-list-state>
      @if (result()) {
        <div class="table-wrap">
          <table mat-table [dataSource]="items()" data-testid="marketing-table" [attr.aria-label]="'marketing.title' | t">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>{{ 'marketing.col.name' | t }}</th>
              <td mat-cell *matCellDef="let c">
                <strong>{{ c.name }}</strong>
                @if (c.suppressed) {
                  <span class="overdue-flag">{{ 'marketing.suppressed' | t }}</span>
                }
                <div class="sub">{{ c.email ?? ('marketing.noEmail' | t) }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="audience">
              <th mat-header-cell *matHeaderCellDef>{{ 'marketing.audience' | t }}</th>
              <td mat-cell *matCellDef="let c">
                {{ audienceKey(c.audience) | t }}
                @if (c.companyName) {
                  <div class="sub">{{ c.companyName }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="source">
              <th mat-header-cell *matHeaderCellDef>{{ 'marketing.source' | t }}</th>
              <td mat-cell *matCellDef="let c">
                {{ sourceKey(c.source) | t }}
                <div class="sub">{{ c.receivedOn }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="consent">
              <th mat-header-cell *matHeaderCellDef>{{ 'marketing.col.consent' | t }}</th>
              <td mat-cell *matCellDef="let c">
                @if (c.consentAt) {
                  <span [title]="c.consentText ?? ''">{{ 'marketing.consentGiven' | t: { date: date(c.consentAt) } }}</span>
                } @else {
                  {{ 'marketing.noConsent' | t }}
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="privacy">
              <th mat-header-cell *matHeaderCellDef>{{ 'tickets.col.keptUntil' | t }}</th>
              <td mat-cell *matCellDef="let c"><app-privacy-badge [privacy]="c.privacy" /></td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
              <td mat-cell *matCellDef="let c">
                <button mat-button type="button" class="compact" (click)="remove(c)" data-testid="marketing-remove">
                  {{ 'marketing.remove' | t }}<span class="cdk-visually-hidden"> {{ c.name }}</span>
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let c; columns: columns" data-testid="marketing-row"></tr>
          </table>
        </div>
        @if (!loading() && !error() && items().length === 0) {
          <div class="empty-state" data-testid="marketing-empty">
            <p>{{ (query().q ? 'marketing.emptyFilter' : 'marketing.emptyAll') | t }}</p>
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
    .header-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
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
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MarketingPage {
  private readonly api = inject(MarketingApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);

  protected readonly pageSize = MARKETING_PAGE_SIZE;
  protected readonly columns = ['name', 'audience', 'source', 'consent', 'privacy', 'actions'];
  protected readonly audienceKey = audienceKey;
  protected readonly sourceKey = sourceKey;
  protected readonly date = formatDate;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => {
    const page = Number(this.params().get('page'));
    return { q: (this.params().get('q') ?? '').trim(), page: Number.isInteger(page) && page >= 1 ? page : 1 };
  });
  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  protected readonly result = signal<Page<MarketingContactView> | null>(null);
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

  protected add(): void {
    this.dialog
      .open<MarketingContactDialog, void, MarketingContactView>(MarketingContactDialog, { injector: this.injector, width: '44rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((contact) => {
        if (!contact) return;
        this.snackBar.open(this.i18n.t('marketing.added', { name: contact.name }), undefined, { duration: 3000 });
        this.retry$.next();
      });
  }

  protected mailing(): void {
    this.dialog
      .open<MailingDialog, void, MarketingSendResult>(MailingDialog, { width: '48rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((result) => {
        if (result) this.snackBar.open(this.i18n.t('mailing.sent', { n: result.sent }), undefined, { duration: 4000 });
      });
  }

  protected remove(contact: MarketingContactView): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.i18n.t('marketing.removeTitle', { name: contact.name }),
          text: this.i18n.t('marketing.removeText'),
          confirm: this.i18n.t('marketing.remove'),
        },
        width: '30rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        this.api.remove(contact.id).subscribe({
          next: () => {
            this.snackBar.open(this.i18n.t('marketing.removed', { name: contact.name }), undefined, { duration: 3000 });
            this.retry$.next();
          },
          error: (error: unknown) => this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 }),
        });
      });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  private navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
