import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, ParamMap, Params, Router, RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE, Page, REQUEST_STATUSES, RequestStatus, stockholmDate, SubjectRequestView } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../../core/api/api-errors';
import { SubjectRequestsApi } from '../../../core/api/rights.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { isEditable, isPlainKey, ListState, RequestCount, isRowOpenClick } from '../../../shared';
import { countRequests, daysUntil, RequestCounts, requestKindKey, requestStatusKey, requestUrgency } from './request-labels';
import { providePaginatorLabels } from '../../../core/i18n/paginator-intl';

export const REQUEST_PAGE_SIZE = 25;

export interface RequestListQuery {
  status: RequestStatus | null;
  q: string;
  page: number;
}

export function parseRequestQuery(params: ParamMap): RequestListQuery {
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    status: (REQUEST_STATUSES as readonly string[]).includes(status ?? '') ? (status as RequestStatus) : null,
    q: (params.get('q') ?? '').trim(),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The register of data-subject requests: open ones first, the most urgent deadline first (the server's order). */
@Component({
  selector: 'app-request-list',
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
    MatTableModule,
    TranslatePipe,
    ListState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'requests.title' | t }}</h1>
        <a mat-flat-button routerLink="new" data-testid="request-new">{{ 'requests.new' | t }}</a>
      </header>
      <p class="intro">{{ 'requests.intro' | t }}</p>

      @if (counts(); as c) {
        <ul class="counts" [attr.aria-label]="'requests.counts' | t" data-testid="request-counts">
          <li class="tile" [class.alert]="c.overdue > 0">
            <span class="n" data-testid="count-overdue">{{ c.overdue }}</span> <span class="label">{{ 'requests.count.overdue' | t }}</span>
          </li>
          <li class="tile" [class.soon]="c.soon > 0">
            <span class="n" data-testid="count-soon">{{ c.soon }}</span> <span class="label">{{ 'requests.count.soon' | t }}</span>
          </li>
          <li class="tile">
            <a routerLink="." [queryParams]="{ status: 'open', page: null }" queryParamsHandling="merge">
              <span class="n" data-testid="count-open">{{ c.open }}</span> <span class="label">{{ 'requests.count.open' | t }}</span>
            </a>
          </li>
        </ul>
      }

      <div class="filters" role="search">
        <mat-form-field class="search">
          <mat-label>{{ 'requests.search' | t }}</mat-label>
          <input #searchInput matInput type="search" [formControl]="search" autocomplete="off" spellcheck="false" />
          <mat-hint>{{ 'requests.searchHint' | t }}</mat-hint>
        </mat-form-field>
        <mat-button-toggle-group
          [value]="query().status ?? 'all'"
          (change)="navigate({ status: $event.value === 'all' ? null : $event.value, page: null })"
          [attr.aria-label]="'requests.status' | t"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="all">{{ 'requests.status.all' | t }}</mat-button-toggle>
          @for (status of statuses; track status) {
            <mat-button-toggle [value]="status">{{ statusKey(status) | t }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        <span class="total" aria-live="polite">
          @if (result(); as page) {
            {{ 'requests.total' | t: { n: page.total } }}
          }
        </span>
      </div>

      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="retry()">
        <ng-container listStateError>{{ 'requests.loadError' | t }}</ng-container>
      </app-list-state>

      @if (result()) {
        <div class="table-wrap">
          <table mat-table [dataSource]="rows()" data-testid="requests-table" [attr.aria-label]="'requests.title' | t" [attr.aria-busy]="loading()">
            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef>{{ 'requests.col.number' | t }}</th>
              <td mat-cell *matCellDef="let r" class="nowrap">{{ r.request.requestNumber }}</td>
            </ng-container>
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef>{{ 'requests.col.kind' | t }}</th>
              <td mat-cell *matCellDef="let r">
                <a class="row-link" [routerLink]="[r.request.id]">{{ kindKey(r.request.kind) | t }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="requester">
              <th mat-header-cell *matHeaderCellDef>{{ 'requests.col.requester' | t }}</th>
              <td mat-cell *matCellDef="let r">
                {{ r.request.requesterName }}
                <div class="sub">
                  @if (r.request.personName) {
                    {{ 'requests.person' | t: { name: r.request.personName } }}
                  } @else {
                    {{ 'requests.noPerson' | t }}
                  }
                </div>
              </td>
            </ng-container>
            <ng-container matColumnDef="receivedOn">
              <th mat-header-cell *matHeaderCellDef>{{ 'requests.col.receivedOn' | t }}</th>
              <td mat-cell *matCellDef="let r" class="nowrap">{{ r.request.receivedOn }}</td>
            </ng-container>
            <ng-container matColumnDef="due">
              <th mat-header-cell *matHeaderCellDef>{{ 'requests.col.due' | t }}</th>
              <td mat-cell *matCellDef="let r" class="nowrap due" [attr.data-urgency]="r.urgency" data-testid="request-due">
                {{ r.request.effectiveDueOn }}
                @switch (r.urgency) {
                  @case ('overdue') {
                    <span class="overdue-flag">{{ 'requests.overdue' | t: { n: -r.days } }}</span>
                  }
                  @case ('soon') {
                    <span class="soon-flag">{{ 'requests.dueIn' | t: { n: r.days } }}</span>
                  }
                }
                @if (r.request.extendedDueOn) {
                  <div class="sub">{{ 'requests.extended' | t }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>{{ 'requests.col.status' | t }}</th>
              <td mat-cell *matCellDef="let r">
                <span class="chip" [attr.data-status]="r.request.status">{{ statusKey(r.request.status) | t }}</span>
                @if (r.request.answeredOn) {
                  <div class="sub">{{ r.request.answeredOn }}</div>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
            <tr
              mat-row
              *matRowDef="let r; columns: columns"
              class="clickable"
              [attr.data-urgency]="r.urgency"
              data-testid="request-row"
              (click)="openRow(r.request, $event)"
            ></tr>
          </table>
        </div>
        @if (!loading() && !error() && rows().length === 0) {
          <div class="empty-state" data-testid="requests-empty">
            <p>{{ (query().q || query().status ? 'requests.emptyFilter' : 'requests.emptyAll') | t }}</p>
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
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 1rem;
    }
    .tile {
      min-width: 11rem;
      padding: 0.6rem 1rem;
      border-radius: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .tile a {
      color: inherit;
      text-decoration: none;
    }
    .tile .label {
      margin-left: 0.35rem;
    }
    .tile .n {
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
    }
    .tile.alert {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-color: var(--mat-sys-error);
    }
    .tile.soon {
      background: #fff3cd;
      color: #5c3c00;
      border-color: #b26a00;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 1rem;
      margin: 0.5rem 0;
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
    .row-link {
      font-weight: 600;
      text-decoration: none;
    }
    .row-link:hover,
    .row-link:focus-visible {
      text-decoration: underline;
    }
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    td.due[data-urgency='overdue'] {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    tr[data-urgency='overdue'] {
      background: color-mix(in srgb, var(--mat-sys-error-container) 45%, transparent);
    }
    tr[data-urgency='soon'] {
      background: #fff8e1;
    }
    .soon-flag {
      display: inline-block;
      margin-left: 0.35rem;
      padding: 0 0.45em;
      border-radius: 0.4em;
      /* 6.5:1 (the earlier #b26a00 was 4.2:1, under the 4.5:1 small text needs). */
      background: #8a5000;
      color: #fff;
      font: var(--mat-sys-label-small);
      line-height: 1.6;
    }
    tr.clickable {
      cursor: pointer;
    }
    tr.clickable:hover,
    tr.clickable:focus-within {
      background: var(--mat-sys-surface-container-high);
    }
  `,
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class RequestListPage {
  private readonly api = inject(SubjectRequestsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly requestCount = inject(RequestCount);
  protected readonly i18n = inject(I18n);

  protected readonly pageSize = REQUEST_PAGE_SIZE;
  protected readonly statuses = REQUEST_STATUSES;
  protected readonly statusKey = requestStatusKey;
  protected readonly kindKey = requestKindKey;
  protected readonly columns = ['number', 'kind', 'requester', 'receivedOn', 'due', 'status'];

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseRequestQuery(this.params()));
  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly result = signal<Page<SubjectRequestView> | null>(null);
  protected readonly counts = signal<RequestCounts | null>(null);
  private readonly today = stockholmDate(new Date());
  protected readonly rows = computed(() =>
    (this.result()?.items ?? []).map((request) => ({ request, urgency: requestUrgency(request), days: daysUntil(request.effectiveDueOn, this.today) })),
  );
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly retry$ = new Subject<void>();

  constructor() {
    combineLatest([toObservable(this.query), this.retry$.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap(([query]) =>
          this.api.list({ status: query.status ?? undefined, q: query.q || undefined, page: query.page, pageSize: this.pageSize }).pipe(
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
    this.loadCounts();
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

  private loadCounts(): void {
    // Open requests come most urgent first: the first page holds every urgent one.
    this.api.list({ status: 'open', pageSize: MAX_PAGE_SIZE }).subscribe({
      next: (page) => {
        const counts = countRequests(page.items, page.total);
        this.counts.set(counts);
        this.requestCount.refresh(true);
      },
      error: () => this.counts.set(null),
    });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  protected retry(): void {
    this.retry$.next();
    this.loadCounts();
  }

  protected openRow(request: SubjectRequestView, event: MouseEvent): void {
    if (!isRowOpenClick(event)) return;
    void this.router.navigate([request.id], { relativeTo: this.route });
  }

  protected onDocumentKey(event: KeyboardEvent): void {
    if (isEditable(event.target) || !isPlainKey(event, '/')) return;
    event.preventDefault();
    this.searchInput().nativeElement.focus();
    this.searchInput().nativeElement.select();
  }

  protected navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
