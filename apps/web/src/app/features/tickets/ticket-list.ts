import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { Page, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_VIEWS, TicketListItem, TicketView } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, filter, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { TicketsApi } from '../../core/api/tickets.api';
import { Session } from '../../core/auth';
import { formatDate, formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { dateToIso, isoToDate } from '../../core/iso-date-adapter';
import {
  CustomerPick,
  customerPick,
  CustomerPicker,
  isEditable,
  isPlainKey,
  ListMemory,
  ListState,
  PrivacyBadge,
  ticketPriorityKey,
  ticketStatusKey,
  isRowOpenClick,
} from '../../shared';
import { parseTicketQuery, TICKET_PAGE_SIZE, ticketRequest } from './ticket-query';
import { providePaginatorLabels } from '../../core/i18n/paginator-intl';

const VIEW_KEYS = { mine: 'tickets.view.mine', unassigned: 'tickets.view.unassigned', all: 'tickets.view.all' } as const;

/** The technician's day: my / unassigned / all tickets, filtered, searched and paged on the server. */
@Component({
  selector: 'app-ticket-list',
  // The paginator's labels in the current language (provided where a paginator is, not at the root).
  providers: [providePaginatorLabels()],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MatTabsModule,
    TranslatePipe,
    ListState,
    PrivacyBadge,
    CustomerPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ticket-list.html',
  styleUrl: './ticket-list.scss',
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class TicketListPage {
  private readonly api = inject(TicketsApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly memory = inject(ListMemory);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  protected readonly pageSize = TICKET_PAGE_SIZE;
  /** Placeholder rows shown until the first page arrives (the first screenful is enough). */
  protected readonly skeletonRows = Array.from({ length: Math.min(TICKET_PAGE_SIZE, 10) });
  protected readonly views = TICKET_VIEWS;
  protected readonly viewKeys = VIEW_KEYS;
  protected readonly statuses = TICKET_STATUSES;
  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly statusKey = ticketStatusKey;
  protected readonly priorityKey = ticketPriorityKey;
  protected readonly formatDate = formatDate;
  protected readonly formatInstant = formatInstant;
  protected readonly columns = ['number', 'subject', 'customer', 'status', 'priority', 'assignee', 'dueAt', 'updatedAt', 'privacy'];

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseTicketQuery(this.params(), this.session.user()?.role));
  protected readonly filtered = computed(() => {
    const q = this.query();
    return !!(q.q || q.priority || q.customerId || q.dueBy || q.status !== 'active');
  });

  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  protected readonly customer = new FormControl<CustomerPick | null>(null);
  protected readonly dueBy = new FormControl<Date | null>(isoToDate(this.query().dueBy));
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly result = signal<Page<TicketListItem> | null>(null);
  protected readonly items = computed(() => this.result()?.items ?? []);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly retry$ = new Subject<void>();
  /** Enter was pressed in the search for this text before its result arrived: open the ticket if it is the only hit. */
  private openWhenSingle: string | null = null;

  constructor() {
    combineLatest([toObservable(this.query), this.retry$.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
          this.memory.remember('/tickets', this.router.url);
        }),
        switchMap(([query]) =>
          this.api.list(ticketRequest(query, this.pageSize)).pipe(
            map((page) => ({ page, error: null })),
            catchError((error: unknown) => of({ page: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, error }) => {
        this.loading.set(false);
        this.error.set(error);
        if (!page) return;
        this.result.set(page);
        if (this.openWhenSingle !== null && this.openWhenSingle === this.query().q) {
          this.openWhenSingle = null;
          if (this.openIfSingle(page)) return;
        }
        const last = Math.max(1, Math.ceil(page.total / this.pageSize));
        if (page.items.length === 0 && page.total > 0 && this.query().page > last) this.navigate({ page: last });
      });

    this.search.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe((value) => {
      const q = value.trim();
      if (q !== this.query().q) this.navigate({ q: q || null, page: null });
    });
    this.customer.valueChanges.pipe(takeUntilDestroyed()).subscribe((picked) => {
      if ((picked?.id ?? null) !== this.query().customerId) this.navigate({ customerId: picked?.id ?? null, page: null });
    });
    this.dueBy.valueChanges
      .pipe(
        filter(() => this.dueBy.valid),
        takeUntilDestroyed(),
      )
      .subscribe((date) => {
        const iso = dateToIso(date);
        if (iso !== this.query().dueBy) this.navigate({ dueBy: iso, page: null });
      });

    // Back/forward navigation changes the URL: show its search text, customer and date.
    effect(() => {
      const { q, customerId, dueBy } = this.query();
      untracked(() => {
        if (this.search.value.trim() !== q) this.search.setValue(q, { emitEvent: false });
        if (dateToIso(this.dueBy.value) !== dueBy) this.dueBy.setValue(isoToDate(dueBy), { emitEvent: false });
        if ((this.customer.value?.id ?? null) !== customerId) {
          if (!customerId) this.customer.setValue(null, { emitEvent: false });
          else
            this.customersApi.get(customerId).subscribe({
              next: (customer) => this.customer.setValue(customerPick(customer), { emitEvent: false }),
              error: () => this.customer.setValue(null, { emitEvent: false }),
            });
        }
      });
    });
  }

  protected setView(view: TicketView): void {
    this.navigate({ view, page: null });
  }

  protected setStatus(status: string): void {
    this.navigate({ status: status === 'active' ? null : status, page: null });
  }

  protected setPriority(priority: string | null): void {
    this.navigate({ priority: priority || null, page: null });
  }

  protected onSort(sort: Sort): void {
    this.navigate({ sort: sort.direction ? sort.active : null, dir: sort.direction || null, page: null });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  protected retry(): void {
    this.retry$.next();
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, status: null, priority: null, customerId: null, dueBy: null, page: null });
  }

  protected openRow(ticket: TicketListItem, event: MouseEvent): void {
    if (!isRowOpenClick(event)) return;
    void this.router.navigate([ticket.id], { relativeTo: this.route });
  }

  /** Enter in the search opens the ticket when the search has exactly one hit (now, or once the typed text's result arrives). */
  protected openSingleHit(event: Event): void {
    event.preventDefault();
    const q = this.search.value.trim();
    if (!q) return;
    const page = this.result();
    if (q === this.query().q && !this.loading() && page) {
      this.openIfSingle(page);
      return;
    }
    this.openWhenSingle = q;
    if (q !== this.query().q) this.navigate({ q, page: null });
  }

  private openIfSingle(page: Page<TicketListItem>): boolean {
    if (page.total !== 1 || page.items.length !== 1) return false;
    void this.router.navigate([page.items[0].id], { relativeTo: this.route });
    return true;
  }

  /** `/` focuses the search; `j`/`k` move down and up the rows (Enter opens the focused one). */
  protected onDocumentKey(event: KeyboardEvent): void {
    if (isEditable(event.target)) return;
    if (isPlainKey(event, '/')) {
      event.preventDefault();
      const input = this.searchInput().nativeElement;
      input.focus();
      input.select();
      return;
    }
    if (!isPlainKey(event, 'j') && !isPlainKey(event, 'k')) return;
    const links = Array.from(this.host.nativeElement.querySelectorAll<HTMLAnchorElement>('a.row-link'));
    if (!links.length) return;
    event.preventDefault();
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = current < 0 ? 0 : Math.min(links.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)));
    links[next].focus();
  }

  private navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
