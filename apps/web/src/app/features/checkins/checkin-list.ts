import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { CHECKIN_STATUSES, CheckinListItem, Page } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../core/api/api-errors';
import { CheckinsApi } from '../../core/api/checkins.api';
import { formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { checkinStatusKey, deviceTypeKey, isEditable, isPlainKey, ListMemory, ListState, PrivacyBadge, isRowOpenClick } from '../../shared';
import { CHECKIN_PAGE_SIZE, checkinRequest, parseCheckinQuery } from './checkin-query';
import { providePaginatorLabels } from '../../core/i18n/paginator-intl';

/** The devices in the shop (or every check-in), found by receipt number, name or device. */
@Component({
  selector: 'app-checkin-list',
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
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    ListState,
    PrivacyBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'checkins.title' | t }}</h1>
        <a mat-flat-button routerLink="new">{{ 'checkins.new' | t }}</a>
      </header>

      <div class="filters" role="search">
        <mat-form-field class="search">
          <mat-label>{{ 'checkins.search' | t }}</mat-label>
          <input #searchInput matInput type="search" [formControl]="search" autocomplete="off" spellcheck="false" />
          <mat-hint>{{ 'checkins.searchHint' | t }}</mat-hint>
        </mat-form-field>
        <mat-button-toggle-group [value]="query().show" (change)="navigate({ show: $event.value === 'all' ? 'all' : null, page: null })" [attr.aria-label]="'checkins.show' | t" hideSingleSelectionIndicator>
          <mat-button-toggle value="inShop">{{ 'checkins.show.inShop' | t }}</mat-button-toggle>
          <mat-button-toggle value="all">{{ 'checkins.show.all' | t }}</mat-button-toggle>
        </mat-button-toggle-group>
        <mat-form-field class="small">
          <mat-label>{{ 'checkins.filter.status' | t }}</mat-label>
          <mat-select [value]="query().status ?? ''" (selectionChange)="navigate({ status: $event.value || null, page: null })">
            <mat-option value="">{{ 'checkins.filter.anyStatus' | t }}</mat-option>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusKey(status) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <span class="total" aria-live="polite">
          @if (result(); as page) {
            {{ 'checkins.total' | t: { n: page.total } }}
          }
        </span>
      </div>

      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="retry()">
        <ng-container listStateError>{{ 'checkins.loadError' | t }}</ng-container>
      </app-list-state>

      @if (result()) {
        <div class="table-wrap">
          <table mat-table [dataSource]="items()" data-testid="checkins-table" [attr.aria-label]="'checkins.tableLabel' | t" [attr.aria-busy]="loading()">
            <ng-container matColumnDef="number">
              <th mat-header-cell *matHeaderCellDef>{{ 'checkins.col.number' | t }}</th>
              <td mat-cell *matCellDef="let c" class="nowrap">{{ c.checkinNumber }}</td>
            </ng-container>
            <ng-container matColumnDef="device">
              <th mat-header-cell *matHeaderCellDef>{{ 'checkins.col.device' | t }}</th>
              <td mat-cell *matCellDef="let c">
                <a class="row-link" [routerLink]="[c.id]">{{ c.deviceLabel }}</a>
                <div class="sub">{{ typeKey(c.deviceType) | t }}{{ c.hasPassword ? ' · ' + ('checkins.hasPassword' | t) : '' }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="customer">
              <th mat-header-cell *matHeaderCellDef>{{ 'checkins.col.customer' | t }}</th>
              <td mat-cell *matCellDef="let c">
                {{ c.customerName }}
                @if (c.handedInByName !== c.customerName) {
                  <div class="sub">{{ 'checkins.handedInBy' | t: { name: c.handedInByName } }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>{{ 'checkins.col.status' | t }}</th>
              <td mat-cell *matCellDef="let c"><span class="chip" [attr.data-status]="c.status">{{ statusKey(c.status) | t }}</span></td>
            </ng-container>
            <ng-container matColumnDef="received">
              <th mat-header-cell *matHeaderCellDef>{{ 'checkins.col.received' | t }}</th>
              <td mat-cell *matCellDef="let c" class="nowrap">{{ formatInstant(c.receivedAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="ready">
              <th mat-header-cell *matHeaderCellDef>{{ 'checkins.col.ready' | t }}</th>
              <td mat-cell *matCellDef="let c" class="nowrap">{{ c.expectedReadyOn ?? ('common.none' | t) }}</td>
            </ng-container>
            <ng-container matColumnDef="technician">
              <th mat-header-cell *matHeaderCellDef>{{ 'checkins.col.technician' | t }}</th>
              <td mat-cell *matCellDef="let c">{{ c.assignedTechnicianName ?? ('tickets.unassigned' | t) }}</td>
            </ng-container>
            <ng-container matColumnDef="privacy">
              <th mat-header-cell *matHeaderCellDef>{{ 'tickets.col.keptUntil' | t }}</th>
              <td mat-cell *matCellDef="let c"><app-privacy-badge [privacy]="c.privacy" /></td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
            <tr mat-row *matRowDef="let c; columns: columns" class="clickable" data-testid="checkin-row" (click)="openRow(c, $event)"></tr>
          </table>
        </div>
        @if (!loading() && !error() && items().length === 0) {
          <div class="empty-state" data-testid="checkins-empty">
            <p>{{ (query().q || query().status ? 'checkins.emptyFilter' : query().show === 'inShop' ? 'checkins.emptyShop' : 'checkins.emptyAll') | t }}</p>
            <p><a mat-flat-button routerLink="new">{{ 'checkins.new' | t }}</a></p>
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
      margin-bottom: 0.5rem;
    }
    .search {
      flex: 1 1 18rem;
      max-width: 30rem;
    }
    .small {
      flex: 0 1 12rem;
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
      .mat-column-received,
      .mat-column-technician {
        display: none;
      }
    }
  `,
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class CheckinListPage {
  private readonly api = inject(CheckinsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly memory = inject(ListMemory);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18n);

  protected readonly pageSize = CHECKIN_PAGE_SIZE;
  protected readonly statuses = CHECKIN_STATUSES;
  protected readonly statusKey = checkinStatusKey;
  protected readonly typeKey = deviceTypeKey;
  protected readonly formatInstant = formatInstant;
  protected readonly columns = ['number', 'device', 'customer', 'status', 'received', 'ready', 'technician', 'privacy'];

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => parseCheckinQuery(this.params()));
  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly result = signal<Page<CheckinListItem> | null>(null);
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
          this.memory.remember('/checkins', this.router.url);
        }),
        switchMap(([query]) =>
          this.api.list(checkinRequest(query, this.pageSize)).pipe(
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

  protected openRow(checkin: CheckinListItem, event: MouseEvent): void {
    if (!isRowOpenClick(event)) return;
    void this.router.navigate([checkin.id], { relativeTo: this.route });
  }

  protected onDocumentKey(event: KeyboardEvent): void {
    if (isEditable(event.target)) return;
    if (isPlainKey(event, '/')) {
      event.preventDefault();
      this.searchInput().nativeElement.focus();
      this.searchInput().nativeElement.select();
      return;
    }
    if (!isPlainKey(event, 'j') && !isPlainKey(event, 'k')) return;
    const links = Array.from(this.host.nativeElement.querySelectorAll<HTMLAnchorElement>('a.row-link'));
    if (!links.length) return;
    event.preventDefault();
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    links[current < 0 ? 0 : Math.min(links.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)))].focus();
  }

  protected navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
