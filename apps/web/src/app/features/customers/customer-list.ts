import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, ParamMap, Params, Router, RouterLink } from '@angular/router';
import {
  CUSTOMER_SORTS,
  CUSTOMER_TYPES,
  CustomerListItem,
  CustomerSort,
  CustomerType,
  Page,
} from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { PrivacyBadge, isRowOpenClick } from '../../shared';
import { customerTypeKey } from './customer-keys';
import { providePaginatorLabels } from '../../core/i18n/paginator-intl';

export const CUSTOMER_PAGE_SIZE = 25;

export interface CustomerListQuery {
  q: string;
  type: CustomerType | null;
  sort: CustomerSort | null;
  dir: 'asc' | 'desc' | null;
  page: number;
}

/** The list's state lives in the URL (`?q=&type=&sort=&dir=&page=`); anything unknown is ignored. */
export function parseCustomerQuery(params: ParamMap): CustomerListQuery {
  const type = params.get('type');
  const sort = params.get('sort');
  const dir = params.get('dir');
  const page = Number(params.get('page'));
  const validSort = (CUSTOMER_SORTS as readonly string[]).includes(sort ?? '') ? (sort as CustomerSort) : null;
  return {
    q: (params.get('q') ?? '').trim(),
    type: (CUSTOMER_TYPES as readonly string[]).includes(type ?? '') ? (type as CustomerType) : null,
    sort: validSort,
    dir: validSort && (dir === 'asc' || dir === 'desc') ? dir : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('[role="combobox"],[role="listbox"]');
}

@Component({
  selector: 'app-customer-list',
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
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    TranslatePipe,
    PrivacyBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-list.html',
  styleUrl: './customer-list.scss',
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class CustomerListPage {
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);

  protected readonly pageSize = CUSTOMER_PAGE_SIZE;
  protected readonly columns = ['customerNumber', 'name', 'type', 'email', 'phone', 'city', 'retainUntil'];
  protected readonly typeKey = customerTypeKey;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseCustomerQuery(this.params()));

  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly result = signal<Page<CustomerListItem> | null>(null);
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
        }),
        switchMap(([query]) =>
          this.api
            .list({
              q: query.q || undefined,
              type: query.type ?? undefined,
              sort: query.sort ?? undefined,
              dir: query.dir ?? undefined,
              page: query.page,
              pageSize: this.pageSize,
            })
            .pipe(
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
        // Past the last page (e.g. after customers were erased): go to the last one that exists.
        const last = Math.max(1, Math.ceil(page.total / this.pageSize));
        if (page.items.length === 0 && page.total > 0 && this.query().page > last) this.navigate({ page: last });
      });

    this.search.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe((value) => {
      const q = value.trim();
      if (q !== this.query().q) this.navigate({ q: q || null, page: null });
    });

    // Back/forward navigation changes the URL: show its search text.
    effect(() => {
      const q = this.query().q;
      untracked(() => {
        if (this.search.value.trim() !== q) this.search.setValue(q, { emitEvent: false });
      });
    });
  }

  protected setType(type: CustomerType | 'all'): void {
    this.navigate({ type: type === 'all' ? null : type, page: null });
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

  protected clearSearch(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, type: null, page: null });
    this.searchInput().nativeElement.focus();
  }

  /** Opens a customer on a click anywhere in the row (the name is also a real link for keyboards). */
  protected openRow(customer: CustomerListItem, event: MouseEvent): void {
    if (!isRowOpenClick(event)) return;
    void this.router.navigate([customer.id], { relativeTo: this.route });
  }

  protected onDocumentKey(event: KeyboardEvent): void {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    event.preventDefault();
    const input = this.searchInput().nativeElement;
    input.focus();
    input.select();
  }

  private navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
