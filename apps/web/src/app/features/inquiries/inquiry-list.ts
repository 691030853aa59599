import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, ParamMap, Params, Router, RouterLink } from '@angular/router';
import { INQUIRY_STATUSES, InquiryStatus, InquiryView, Page } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../core/api/api-errors';
import { InquiriesApi } from '../../core/api/rights.api';
import { formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { InquiryCount, ListState, PrivacyBadge, TaskCount } from '../../shared';
import { InquiryTicketDialog, inquiryStatusKey } from './inquiry-actions';
import { providePaginatorLabels } from '../../core/i18n/paginator-intl';

export const INQUIRY_PAGE_SIZE = 20;

/** `?status=` is the filter; no parameter shows the new ones (what needs doing), `all` shows every one. */
export function parseInquiryQuery(params: ParamMap): { status: InquiryStatus | 'all'; q: string; page: number } {
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    status: status === 'all' || (INQUIRY_STATUSES as readonly string[]).includes(status ?? '') ? (status as InquiryStatus | 'all') : 'new',
    q: (params.get('q') ?? '').trim(),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Questions sent through the public contact form: read, then make a ticket or a sales lead of each. */
@Component({
  selector: 'app-inquiry-list',
  // The paginator's labels in the current language (provided where a paginator is, not at the root).
  providers: [providePaginatorLabels()],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    TranslatePipe,
    ListState,
    PrivacyBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'inquiries.title' | t }}</h1>
        <a routerLink="/contact">{{ 'inquiries.form' | t }}</a>
      </header>
      <p class="intro">{{ 'inquiries.intro' | t }}</p>
      <div class="filters" role="search">
        <mat-form-field class="search">
          <mat-label>{{ 'inquiries.search' | t }}</mat-label>
          <input matInput type="search" [formControl]="search" autocomplete="off" spellcheck="false" />
        </mat-form-field>
        <mat-button-toggle-group
          [value]="query().status"
          (change)="navigate({ status: $event.value === 'new' ? null : $event.value, page: null })"
          [attr.aria-label]="'inquiries.status' | t"
          hideSingleSelectionIndicator
        >
          @for (status of statuses; track status) {
            <mat-button-toggle [value]="status">{{ statusKey(status) | t }}</mat-button-toggle>
          }
          <mat-button-toggle value="all">{{ 'inquiries.all' | t }}</mat-button-toggle>
        </mat-button-toggle-group>
        <span class="total" aria-live="polite">
          @if (result(); as page) {
            {{ 'inquiries.total' | t: { n: page.total } }}
          }
        </span>
      </div>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="retry$.next()">
        <ng-container listStateError>{{ 'inquiries.loadError' | t }}</ng-container>
      </app-list-state>
      @if (result()) {
        <ul class="inquiries" [attr.aria-busy]="loading()">
          @for (inquiry of items(); track inquiry.id) {
            <li class="card inquiry" data-testid="inquiry-row">
              <div class="card-header">
                <div>
                  <a class="title" [routerLink]="[inquiry.id]">{{ 'inquiry.heading' | t: { n: inquiry.inquiryNumber, name: inquiry.name } }}</a>
                  <div class="sub">
                    {{ instant(inquiry.receivedAt) }} · {{ inquiry.email ?? '' }}{{ inquiry.phone ? ' · ' + inquiry.phone : '' }}
                  </div>
                </div>
                <span class="chip" [attr.data-status]="inquiry.status">{{ statusKey(inquiry.status) | t }}</span>
              </div>
              <p class="message">{{ excerpt(inquiry.message) }}</p>
              <div class="row-actions">
                @if (inquiry.status === 'new') {
                  <button mat-flat-button type="button" (click)="makeTicket(inquiry)" [disabled]="busy()" data-testid="inquiry-make-ticket">
                    {{ 'inquiry.makeTicket' | t }}<span class="cdk-visually-hidden"> #{{ inquiry.inquiryNumber }}</span>
                  </button>
                  <button mat-stroked-button type="button" (click)="makeLead(inquiry)" [disabled]="busy()" data-testid="inquiry-make-lead">
                    {{ 'inquiry.makeLead' | t }}<span class="cdk-visually-hidden"> #{{ inquiry.inquiryNumber }}</span>
                  </button>
                }
                @if (inquiry.ticketId) {
                  <a mat-stroked-button [routerLink]="['/tickets', inquiry.ticketId]">{{ 'inquiry.openTicket' | t }}</a>
                }
                <span class="spacer"></span>
                <app-privacy-badge [privacy]="inquiry.privacy" />
              </div>
            </li>
          }
        </ul>
        @if (!loading() && !error() && items().length === 0) {
          <div class="empty-state" data-testid="inquiries-empty">
            <p>{{ (query().status === 'new' && !query().q ? 'inquiries.emptyNew' : 'inquiries.emptyFilter') | t }}</p>
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
      align-items: flex-start;
      gap: 0.5rem 1rem;
    }
    .search {
      flex: 1 1 18rem;
      max-width: 30rem;
    }
    .total {
      align-self: center;
      margin-left: auto;
      color: var(--mat-sys-on-surface-variant);
    }
    .inquiries {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .inquiry {
      margin-block: 0.75rem;
    }
    .title {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .message {
      white-space: pre-line;
      margin: 0 0 0.75rem;
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .spacer {
      flex: 1 1 auto;
    }
  `,
})
export class InquiryListPage {
  private readonly api = inject(InquiriesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly inquiryCount = inject(InquiryCount);
  private readonly taskCount = inject(TaskCount);
  private readonly i18n = inject(I18n);

  protected readonly pageSize = INQUIRY_PAGE_SIZE;
  protected readonly statuses = INQUIRY_STATUSES;
  protected readonly statusKey = inquiryStatusKey;
  protected readonly instant = formatInstant;
  protected readonly excerpt = (text: string) => (text.length > 400 ? `${text.slice(0, 400)} …` : text);

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseInquiryQuery(this.params()));
  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  protected readonly result = signal<Page<InquiryView> | null>(null);
  protected readonly items = computed(() => this.result()?.items ?? []);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
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
          this.api.list({ status: query.status === 'all' ? undefined : query.status, q: query.q || undefined, page: query.page, pageSize: this.pageSize }).pipe(
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

  protected makeTicket(inquiry: InquiryView): void {
    this.dialog
      .open<InquiryTicketDialog, InquiryView, InquiryView>(InquiryTicketDialog, { data: inquiry, width: '34rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.inquiryCount.refresh(true);
        if (updated.ticketId) void this.router.navigate(['/tickets', updated.ticketId]);
      });
  }

  protected makeLead(inquiry: InquiryView): void {
    this.busy.set(true);
    this.api.convert(inquiry.id, { to: 'lead' }).subscribe({
      next: () => {
        this.busy.set(false);
        this.inquiryCount.refresh(true);
        this.taskCount.refresh(true);
        this.snackBar.open(this.i18n.t('inquiry.leadDone', { n: inquiry.inquiryNumber }), undefined, { duration: 4000 });
        this.retry$.next();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 });
        this.retry$.next();
      },
    });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  protected navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
