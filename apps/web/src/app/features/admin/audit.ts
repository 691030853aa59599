import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
// The standalone pieces, not MatDatepicker, MatDatepickerInput, MatDatepickerToggle: the module re-provides MatDatepickerIntl and
// would hide the translated one provided by the route.
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, ParamMap, Params, Router, RouterLink } from '@angular/router';
import { AuditChainVerification, AuditEntry, isIsoDate, Page, StaffUser } from '@privdesk/domain';
import { catchError, combineLatest, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { AuditApi, UsersApi } from '../../core/api/admin.api';
import { describeError } from '../../core/api/api-errors';
import { formatInstant } from '../../core/format';
import { dateToIso, isoToDate } from '../../core/iso-date-adapter';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ErrorTextPipe } from '../../shared';
import { providePaginatorLabels } from '../../core/i18n/paginator-intl';

export const AUDIT_PAGE_SIZE = 25;

interface AuditFilters {
  actorId: string;
  action: string;
  entityType: string;
  from: string;
  to: string;
  page: number;
}

function parseFilters(params: ParamMap): AuditFilters {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return isIsoDate(value) ? value : '';
  };
  const page = Number(params.get('page'));
  return {
    actorId: params.get('actorId') ?? '',
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    from: date('from'),
    to: date('to'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The audit log, filtered and paged on the server; the filters live in the URL. */
@Component({
  selector: 'app-audit',
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
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    ErrorTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit.html',
  styleUrl: './audit.scss',
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly usersApi = inject(UsersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  protected readonly pageSize = AUDIT_PAGE_SIZE;
  protected readonly columns = ['at', 'actor', 'action', 'entityType', 'entityId', 'fields'];
  protected readonly formatInstant = formatInstant;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed(() => parseFilters(this.params()));

  protected readonly form = new FormGroup({
    actorId: new FormControl('', { nonNullable: true }),
    action: new FormControl('', { nonNullable: true }),
    entityType: new FormControl('', { nonNullable: true }),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });

  protected readonly users = signal<StaffUser[]>([]);
  private readonly usersById = computed(() => new Map(this.users().map((u) => [u.id, u])));
  protected readonly result = signal<Page<AuditEntry> | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly retry$ = new Subject<void>();
  /** The hash chain's check: null while it runs, 'error' when it could not be done. */
  protected readonly chain = signal<AuditChainVerification | 'error' | null>(null);
  protected readonly chainBroken = computed(() => {
    const chain = this.chain();
    return chain === 'error' || !!chain?.broken;
  });
  protected readonly chainText = computed(() => {
    const chain = this.chain();
    if (chain === null) return this.i18n.t('audit.chain.checking');
    if (chain === 'error') return this.i18n.t('audit.chain.error');
    if (!chain.broken) return this.i18n.t('audit.chain.intact', { n: chain.entries });
    return this.i18n.t('audit.chain.broken', { at: formatInstant(chain.broken.at), action: chain.broken.action, seq: chain.broken.seq });
  });

  constructor() {
    this.api.verify().subscribe({
      next: (chain) => this.chain.set(chain),
      error: () => this.chain.set('error'),
    });
    this.usersApi.list().subscribe({
      next: (users) => this.users.set([...users].sort((a, b) => a.name.localeCompare(b.name, 'sv'))),
      error: () => this.users.set([]),
    });

    effect(() => {
      const { actorId, action, entityType, from, to } = this.filters();
      untracked(() =>
        this.form.setValue({ actorId, action, entityType, from: isoToDate(from), to: isoToDate(to) }, { emitEvent: false }),
      );
    });

    combineLatest([toObservable(this.filters), this.retry$.pipe(startWith(undefined))])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap(([f]) =>
          this.api
            .list({
              actorId: f.actorId || undefined,
              action: f.action || undefined,
              entityType: f.entityType || undefined,
              from: f.from || undefined,
              to: f.to || undefined,
              page: f.page,
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
        if (page) this.result.set(page);
      });
  }

  protected actorName(entry: AuditEntry): string {
    if (!entry.actorId) return this.i18n.t('audit.system');
    const user = this.usersById().get(entry.actorId);
    return user ? `${user.name} (${user.email})` : (entry.actorEmail ?? entry.actorId);
  }

  protected apply(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.navigate({
      actorId: v.actorId || null,
      action: v.action.trim() || null,
      entityType: v.entityType.trim() || null,
      from: dateToIso(v.from),
      to: dateToIso(v.to),
      page: null,
    });
  }

  protected clear(): void {
    this.navigate({ actorId: null, action: null, entityType: null, from: null, to: null, page: null });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  protected retry(): void {
    this.retry$.next();
  }

  private navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
