import { ChangeDetectionStrategy, Component, computed, effect, inject, Injector, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { LEGAL_BASIS_LABELS, Page, PARTNER_KINDS, PartnerContactPolicyView, PartnerContactView, PartnerKind } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../core/api/api-errors';
import { I18n, TranslatePipe } from '../../core/i18n';
import { providePaginatorLabels } from '../../core/i18n/paginator-intl';
import { ConfirmDialog, ConfirmDialogData, ListState, PrivacyBadge } from '../../shared';
import { PartnerContactDialog, PartnerContactDialogData } from './partner-dialog';
import { kindKey, PartnersApi } from './partners.api';

export const PARTNERS_PAGE_SIZE = 25;

/**
 * Contact persons at suppliers and partners (their own purpose in the policy table): who they are,
 * where, and why and until when each is kept — the purpose, basis and period in words come from the
 * stored policy, never from this page.
 */
@Component({
  selector: 'app-partners',
  providers: [providePaginatorLabels()],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatTableModule,
    TranslatePipe,
    ListState,
    PrivacyBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'partners.title' | t }}</h1>
        <div class="header-actions">
          <button mat-flat-button type="button" (click)="add()" data-testid="partners-add">{{ 'partners.add' | t }}</button>
        </div>
      </header>
      @if (policy(); as p) {
        <p class="intro" data-testid="partners-policy">
          <strong>{{ p.code }} {{ p.purpose[lang()] }}</strong>.
          {{ 'partners.policyBasis' | t }}: {{ basis(p) }}.
          {{ 'partners.policyRetention' | t }}: {{ p.retention[lang()] }}.
        </p>
      }
      <div class="filters" role="search">
        <mat-form-field class="search">
          <mat-label>{{ 'partners.search' | t }}</mat-label>
          <input matInput type="search" [formControl]="search" autocomplete="off" spellcheck="false" data-testid="partners-search" />
        </mat-form-field>
        <mat-button-toggle-group [value]="query().kind ?? ''" (change)="onKind($event.value)" [attr.aria-label]="'partners.kind' | t" hideSingleSelectionIndicator>
          <mat-button-toggle value="">{{ 'partners.kind.all' | t }}</mat-button-toggle>
          @for (k of kinds; track k) {
            <mat-button-toggle [value]="k">{{ kindKey(k) | t }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        <span class="total" aria-live="polite">
          @if (result(); as page) {
            {{ 'partners.total' | t: { n: page.total } }}
          }
        </span>
      </div>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="retry$.next()">
        <ng-container listStateError>{{ 'partners.loadError' | t }}</ng-container>
      </app-list-state>
      @if (result()) {
        <div class="table-wrap">
          <table mat-table [dataSource]="items()" data-testid="partners-table" [attr.aria-label]="'partners.title' | t">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>{{ 'partners.col.name' | t }}</th>
              <td mat-cell *matCellDef="let c">
                <strong>{{ c.name }}</strong>
                @if (c.title) {
                  <div class="sub">{{ c.title }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="organisation">
              <th mat-header-cell *matHeaderCellDef>{{ 'partners.col.organisation' | t }}</th>
              <td mat-cell *matCellDef="let c">
                {{ c.organisationName }}
                <div class="sub">{{ kindKey(c.kind) | t }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="contact">
              <th mat-header-cell *matHeaderCellDef>{{ 'partners.col.contact' | t }}</th>
              <td mat-cell *matCellDef="let c">
                {{ c.email ?? '' }}
                @if (c.phone) {
                  <div class="sub">{{ c.phone }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="relationship">
              <th mat-header-cell *matHeaderCellDef>{{ 'partners.col.relationship' | t }}</th>
              <td mat-cell *matCellDef="let c">
                @if (c.relationshipEndedOn) {
                  {{ 'partners.endedOn' | t: { date: c.relationshipEndedOn } }}
                } @else {
                  {{ 'partners.ongoing' | t }}
                }
                <div class="sub">{{ 'partners.lastContact' | t: { date: c.lastContactOn } }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="privacy">
              <th mat-header-cell *matHeaderCellDef>{{ 'partners.col.privacy' | t }}</th>
              <td mat-cell *matCellDef="let c">
                <span class="purpose" data-testid="partner-purpose">{{ purposeOf(c) }}</span>
                <app-privacy-badge [privacy]="c.privacy" />
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
              <td mat-cell *matCellDef="let c">
                <div class="row-actions">
                  <button mat-button type="button" class="compact" (click)="edit(c)" data-testid="partner-edit">
                    {{ 'common.edit' | t }}<span class="cdk-visually-hidden"> {{ c.name }}</span>
                  </button>
                  <button mat-button type="button" class="compact" (click)="remove(c)" data-testid="partner-remove">
                    {{ 'partners.remove' | t }}<span class="cdk-visually-hidden"> {{ c.name }}</span>
                  </button>
                </div>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let c; columns: columns" data-testid="partner-row"></tr>
          </table>
        </div>
        @if (!loading() && !error() && items().length === 0) {
          <div class="empty-state" data-testid="partners-empty">
            <p>{{ (query().q || query().kind ? 'partners.emptyFilter' : 'partners.emptyAll') | t }}</p>
            @if (!query().q && !query().kind) {
              <button mat-stroked-button type="button" (click)="add()">{{ 'partners.add' | t }}</button>
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
    .purpose {
      display: block;
      font: var(--mat-sys-body-small);
      margin-bottom: 0.2rem;
    }
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
  `,
})
export class PartnersPage {
  private readonly api = inject(PartnersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);

  protected readonly pageSize = PARTNERS_PAGE_SIZE;
  protected readonly columns = ['name', 'organisation', 'contact', 'relationship', 'privacy', 'actions'];
  protected readonly kinds = PARTNER_KINDS;
  protected readonly kindKey = kindKey;
  protected readonly lang = this.i18n.lang;

  /** The stored policy: purpose, basis and period in words (the policy table is the single source). */
  protected readonly policy = toSignal(this.api.policy().pipe(catchError(() => of(null))), { initialValue: null });

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => {
    const page = Number(this.params().get('page'));
    const kind = this.params().get('kind');
    return {
      q: (this.params().get('q') ?? '').trim(),
      kind: (PARTNER_KINDS as readonly string[]).includes(kind ?? '') ? (kind as PartnerKind) : null,
      page: Number.isInteger(page) && page >= 1 ? page : 1,
    };
  });
  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  protected readonly result = signal<Page<PartnerContactView> | null>(null);
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
          this.api.list({ q: query.q || undefined, kind: query.kind ?? undefined, page: query.page, pageSize: this.pageSize }).pipe(
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

  protected basis(policy: PartnerContactPolicyView): string {
    return LEGAL_BASIS_LABELS[policy.legalBasis]?.[this.lang()] ?? policy.legalBasis;
  }

  /** `P9 Contact persons at …` — the record's own purpose, named by the stored policy when it is that one. */
  protected purposeOf(contact: PartnerContactView): string {
    const policy = this.policy();
    const code = contact.privacy.purpose;
    return policy && policy.code === code ? `${code} ${policy.purpose[this.lang()]}` : code;
  }

  protected add(): void {
    this.open({ contact: null }, 'partners.added');
  }

  protected edit(contact: PartnerContactView): void {
    this.open({ contact }, 'partners.saved');
  }

  private open(data: PartnerContactDialogData, done: 'partners.added' | 'partners.saved'): void {
    this.dialog
      .open<PartnerContactDialog, PartnerContactDialogData, PartnerContactView>(PartnerContactDialog, { data, injector: this.injector, width: '44rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((contact) => {
        if (!contact) return;
        this.snackBar.open(this.i18n.t(done, { name: contact.name }), undefined, { duration: 3000 });
        this.retry$.next();
      });
  }

  protected remove(contact: PartnerContactView): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.i18n.t('partners.removeTitle', { name: contact.name }),
          text: this.i18n.t('partners.removeText'),
          confirm: this.i18n.t('partners.remove'),
        },
        width: '30rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        this.api.remove(contact.id).subscribe({
          next: () => {
            this.snackBar.open(this.i18n.t('partners.removed', { name: contact.name }), undefined, { duration: 3000 });
            this.retry$.next();
          },
          error: (error: unknown) => this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 }),
        });
      });
  }

  protected onKind(kind: string): void {
    this.navigate({ kind: kind || null, page: null });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  private navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
