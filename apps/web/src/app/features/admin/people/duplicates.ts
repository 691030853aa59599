import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import type { DuplicateGroup, DuplicatePerson, MergePeopleResult, Page } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../../core/api/api-errors';
import { PeopleApi } from '../../../core/api/people.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ListState } from '../../../shared';
import { DuplicatePersonFacts, MergeDialog, MergeDialogData } from './merge-dialog';
import { recordTotal } from './person-roles';
import { providePaginatorLabels } from '../../../core/i18n/paginator-intl';

export const DUPLICATES_PAGE_SIZE = 20;

/**
 * People registered more than once with the same e-mail address (before one address meant one
 * person), grouped by the address; an admin keeps one and merges another into him or her. The
 * search text and page live in the URL.
 */
@Component({
  selector: 'app-duplicates',
  // The paginator's labels in the current language (provided where a paginator is, not at the root).
  providers: [providePaginatorLabels()],
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, TranslatePipe, ListState, DuplicatePersonFacts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <a class="back-link" routerLink="/admin/people">← {{ 'duplicates.back' | t }}</a>
      <header class="page-header">
        <h1>{{ 'duplicates.title' | t }}</h1>
      </header>
      <p class="intro">{{ 'duplicates.intro' | t }}</p>
      <div class="filters" role="search">
        <mat-form-field class="search">
          <mat-label>{{ 'duplicates.search' | t }}</mat-label>
          <input matInput type="search" [formControl]="search" autocomplete="off" spellcheck="false" data-testid="duplicates-search" />
        </mat-form-field>
        <span class="total" aria-live="polite">
          @if (result(); as page) {
            {{ 'duplicates.total' | t: { n: page.total } }}
          }
        </span>
      </div>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="retry$.next()">
        <ng-container listStateError>{{ 'duplicates.loadError' | t }}</ng-container>
      </app-list-state>
      @if (result()) {
        <ul class="groups" [attr.aria-busy]="loading()">
          @for (group of items(); track group.email) {
            <li class="card group" data-testid="duplicate-group">
              <h2>{{ 'duplicates.group' | t: { email: group.email } }}</h2>
              <ul class="people">
                @for (entry of group.people; track entry.person.id) {
                  <li class="person" data-testid="duplicate-person">
                    <app-duplicate-person [entry]="entry" />
                    <button mat-stroked-button type="button" (click)="keep(group, entry)" data-testid="duplicate-keep">
                      {{ 'duplicates.keep' | t }}<span class="cdk-visually-hidden"> {{ entry.person.fullName }}</span>
                    </button>
                  </li>
                }
              </ul>
            </li>
          }
        </ul>
        @if (!loading() && !error() && items().length === 0) {
          <div class="empty-state" data-testid="duplicates-empty">
            <p>{{ query().q ? ('duplicates.emptyFilter' | t: { q: query().q }) : ('duplicates.empty' | t) }}</p>
          </div>
        }
        @if ((result()?.total ?? 0) > pageSize) {
          <mat-paginator
            [length]="result()?.total ?? 0"
            [pageIndex]="query().page - 1"
            [pageSize]="pageSize"
            [hidePageSize]="true"
            [showFirstLastButtons]="true"
            (page)="onPage($event)"
          />
        }
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
    .groups,
    .people {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .group h2 {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .people {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
      gap: 0.75rem;
    }
    .person {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.5rem;
      padding: 0.75rem 1rem;
      border-radius: 0.75rem;
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class DuplicatesPage {
  private readonly api = inject(PeopleApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  protected readonly pageSize = DUPLICATES_PAGE_SIZE;
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed(() => {
    const page = Number(this.params().get('page'));
    return { q: (this.params().get('q') ?? '').trim(), page: Number.isInteger(page) && page >= 1 ? page : 1 };
  });
  protected readonly search = new FormControl(this.query().q, { nonNullable: true });
  protected readonly result = signal<Page<DuplicateGroup> | null>(null);
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
          this.api.duplicates({ q: query.q || undefined, page: query.page, pageSize: this.pageSize }).pipe(
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

  /** Opens the confirmation with this person kept and (one of) the others merged into him or her. */
  protected keep(group: DuplicateGroup, keep: DuplicatePerson): void {
    this.dialog
      .open<MergeDialog, MergeDialogData, MergePeopleResult>(MergeDialog, { data: { group, keep }, width: '48rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.snackBar.open(this.i18n.t('merge.done', { n: recordTotal(result.moved), name: result.person.fullName }), undefined, { duration: 5000 });
        this.retry$.next();
      });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? event.pageIndex + 1 : null });
  }

  private navigate(patch: Params): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: patch, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
