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
import { Page, QUOTE_STATUSES, QuoteListItem, QuoteStatus } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../core/api/api-errors';
import { QuotesApi } from '../../core/api/quotes.api';
import { Session } from '../../core/auth';
import { I18n, TranslatePipe } from '../../core/i18n';
import { isEditable, isPlainKey, ListMemory, ListState, PrivacyBadge, quoteStatusKey, sek, isRowOpenClick } from '../../shared';
import { PipelinePanel } from './pipeline-panel';
import { providePaginatorLabels } from '../../core/i18n/paginator-intl';

export const QUOTE_PAGE_SIZE = 25;

export interface QuoteListQuery {
  status: QuoteStatus | null;
  q: string;
  page: number;
}

export function parseQuoteQuery(params: ParamMap): QuoteListQuery {
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    status: (QUOTE_STATUSES as readonly string[]).includes(status ?? '') ? (status as QuoteStatus) : null,
    q: (params.get('q') ?? '').trim(),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Quotes, with the pipeline above them for admin and sales (technicians see the list without prices). */
@Component({
  selector: 'app-quote-list',
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
    PrivacyBadge,
    PipelinePanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'quotes.title' | t }}</h1>
        @if (maySell()) {
          <a mat-flat-button routerLink="new">{{ 'quotes.new' | t }}</a>
        }
      </header>

      @if (maySell()) {
        <app-pipeline-panel />
      }

      <div class="filters" role="search">
        <mat-form-field class="search">
          <mat-label>{{ 'quotes.search' | t }}</mat-label>
          <input #searchInput matInput type="search" [formControl]="search" autocomplete="off" spellcheck="false" />
          <mat-hint>{{ 'quotes.searchHint' | t }}</mat-hint>
        </mat-form-field>
        <mat-button-toggle-group [value]="query().status ?? 'all'" (change)="navigate({ status: $event.value === 'all' ? null : $event.value, page: null })" [attr.aria-label]="'quotes.status' | t" hideSingleSelectionIndicator>
          <mat-button-toggle value="all">{{ 'quotes.status.all' | t }}</mat-button-toggle>
          @for (status of statuses; track status) {
            <mat-button-toggle [value]="status">{{ statusKey(status) | t }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        <span class="total" aria-live="polite">
          @if (result(); as page) {
            {{ 'quotes.total' | t: { n: page.total } }}
          }
        </span>
      </div>

      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="retry()">
        <ng-container listStateError>{{ 'quotes.loadError' | t }}</ng-container>
      </app-list-state>

      @if (result()) {
        <div class="table-wrap">
          <table mat-table [dataSource]="items()" data-testid="quotes-table" [attr.aria-label]="'quotes.tableLabel' | t" [attr.aria-busy]="loading()">
            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef>{{ 'quotes.col.number' | t }}</th>
              <td mat-cell *matCellDef="let q" class="nowrap">{{ q.quoteNumber }}</td>
            </ng-container>
            <ng-container matColumnDef="title">
              <th mat-header-cell *matHeaderCellDef>{{ 'quotes.col.title' | t }}</th>
              <td mat-cell *matCellDef="let q">
                <a class="row-link" [routerLink]="[q.id]">{{ q.title }}</a>
                <div class="sub">{{ q.holderName }}{{ q.customerName && q.customerName !== q.holderName ? ' · ' + q.customerName : '' }}{{ q.customerId ? '' : ' · ' + ('quote.prospect' | t) }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>{{ 'quotes.col.status' | t }}</th>
              <td mat-cell *matCellDef="let q"><span class="chip" [attr.data-status]="q.status">{{ statusKey(q.status) | t }}</span></td>
            </ng-container>
            <ng-container matColumnDef="owner">
              <th mat-header-cell *matHeaderCellDef>{{ 'quotes.col.owner' | t }}</th>
              <td mat-cell *matCellDef="let q">{{ q.ownerName }}</td>
            </ng-container>
            <ng-container matColumnDef="issuedOn">
              <th mat-header-cell *matHeaderCellDef>{{ 'quotes.col.issuedOn' | t }}</th>
              <td mat-cell *matCellDef="let q" class="nowrap">{{ q.issuedOn }}</td>
            </ng-container>
            <ng-container matColumnDef="validUntil">
              <th mat-header-cell *matHeaderCellDef>{{ 'quotes.col.validUntil' | t }}</th>
              <td mat-cell *matCellDef="let q" class="nowrap">{{ q.validUntil }}</td>
            </ng-container>
            <ng-container matColumnDef="total">
              <th mat-header-cell *matHeaderCellDef class="num">{{ 'quotes.col.total' | t }}</th>
              <td mat-cell *matCellDef="let q" class="num nowrap">{{ q.total === null ? ('quotes.hidden' | t) : sek(q.total) }}</td>
            </ng-container>
            <ng-container matColumnDef="privacy">
              <th mat-header-cell *matHeaderCellDef>{{ 'tickets.col.keptUntil' | t }}</th>
              <td mat-cell *matCellDef="let q"><app-privacy-badge [privacy]="q.privacy" /></td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
            <tr mat-row *matRowDef="let q; columns: columns" class="clickable" data-testid="quote-row" (click)="openRow(q, $event)"></tr>
          </table>
        </div>
        @if (!loading() && !error() && items().length === 0) {
          <div class="empty-state" data-testid="quotes-empty">
            <p>{{ (query().q || query().status ? 'quotes.emptyFilter' : 'quotes.emptyAll') | t }}</p>
            @if (maySell()) {
              <p><a mat-flat-button routerLink="new">{{ 'quotes.new' | t }}</a></p>
            }
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
      margin: 1rem 0 0.5rem;
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
    tr.clickable {
      cursor: pointer;
    }
    tr.clickable:hover,
    tr.clickable:focus-within {
      background: var(--mat-sys-surface-container-high);
    }
    @media (max-width: 60rem) {
      .mat-column-owner,
      .mat-column-issuedOn {
        display: none;
      }
    }
  `,
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class QuoteListPage {
  private readonly api = inject(QuotesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly memory = inject(ListMemory);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  protected readonly pageSize = QUOTE_PAGE_SIZE;
  protected readonly statuses = QUOTE_STATUSES;
  protected readonly statusKey = quoteStatusKey;
  protected readonly sek = sek;
  protected readonly columns = ['number', 'title', 'status', 'owner', 'issuedOn', 'validUntil', 'total', 'privacy'];
  protected readonly maySell = computed(() => {
    const role = this.session.user()?.role;
    return role === 'admin' || role === 'sales';
  });

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseQuoteQuery(this.params()));
  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly result = signal<Page<QuoteListItem> | null>(null);
  protected readonly items = computed(() => this.result()?.items ?? []);
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
          this.memory.remember('/quotes', this.router.url);
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

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  protected retry(): void {
    this.retry$.next();
  }

  protected openRow(quote: QuoteListItem, event: MouseEvent): void {
    if (!isRowOpenClick(event)) return;
    void this.router.navigate([quote.id], { relativeTo: this.route });
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
