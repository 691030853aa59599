import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { HoldView, PersonSearchResult, PersonView } from '@privdesk/domain';
import { catchError, combineLatest, debounceTime, map, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { describeError } from '../../../core/api/api-errors';
import { PeopleApi, PERSON_SEARCH_MIN_LENGTH, personExportPdfUrl, personExportUrl } from '../../../core/api/people.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { PrivacyBadge } from '../../../shared';
import { recordTypeKey } from '../retention/retention-labels';
import { groupRecordsByPurpose, purposeLabel, recordLink } from './person-records';
import { PlaceHoldDialog, PlaceHoldDialogData } from './place-hold-dialog';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('[role="combobox"],[role="listbox"]');
}

interface SearchState {
  q: string;
  results: PersonSearchResult[] | null;
  /** The searched e-mail address is on the marketing suppression list. */
  suppressed: boolean;
  error: unknown;
}

/**
 * Data-subject requests: find a person wherever Privdesk holds data about him or her (customer,
 * contact person, ticket, check-in, quote, marketing, application, inquiry, request), see why and
 * how long each record is kept, download the access export (JSON or a PDF letter) and go to erasure.
 * The search text lives in the URL (`?q=`). A legal hold can be placed on a person from here.
 */
@Component({
  selector: 'app-people',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe, PrivacyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './people.html',
  styleUrl: './people.scss',
  host: { '(document:keydown)': 'onDocumentKey($event)' },
})
export class PeoplePage {
  private readonly api = inject(PeopleApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  /** Handed to the dialog so that it sees the route's date adapter. */
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  protected readonly minLength = PERSON_SEARCH_MIN_LENGTH;
  protected readonly recordTypeKey = recordTypeKey;
  protected readonly exportUrl = personExportUrl;
  protected readonly exportPdfUrl = personExportPdfUrl;
  protected readonly recordLink = recordLink;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly q = computed(() => (this.params().get('q') ?? '').trim());
  protected readonly tooShort = computed(() => this.q().length > 0 && this.q().length < this.minLength);

  protected readonly search = new FormControl(this.q(), { nonNullable: true });
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  /** The last answer and the text it answers (shown while the next search runs). */
  protected readonly state = signal<SearchState | null>(null);
  protected readonly results = computed(() =>
    (this.state()?.results ?? []).map((result) => ({
      ...result,
      groups: groupRecordsByPurpose(result.records).map((group) => ({ ...group, label: purposeLabel(group.purpose, this.i18n.lang()) })),
    })),
  );
  protected readonly loading = signal(false);
  protected readonly error = computed(() => this.state()?.error ?? null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly retry$ = new Subject<void>();
  /** The holds placed from this page, by person id (for the link to the holds page). */
  protected readonly placedHolds = signal<ReadonlyMap<string, HoldView>>(new Map());

  constructor() {
    combineLatest([toObservable(this.q), this.retry$.pipe(startWith(undefined))])
      .pipe(
        tap(([q]) => {
          this.loading.set(q.length >= this.minLength);
          if (q.length < this.minLength) this.state.set(null);
        }),
        switchMap(([q]) =>
          q.length < this.minLength
            ? of(null)
            : this.api.search(q).pipe(
                map((response): SearchState => ({ q, results: response.people, suppressed: response.suppressed, error: null })),
                catchError((error: unknown) => of<SearchState>({ q, results: null, suppressed: false, error })),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.loading.set(false);
        if (state) this.state.set(state);
      });

    this.search.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe((value) => {
      const q = value.trim();
      if (q !== this.q()) this.navigate({ q: q || null });
    });

    // Back/forward navigation changes the URL: show its search text.
    effect(() => {
      const q = this.q();
      untracked(() => {
        if (this.search.value.trim() !== q) this.search.setValue(q, { emitEvent: false });
      });
    });
  }

  protected retry(): void {
    this.retry$.next();
  }

  protected placeHold(person: PersonView): void {
    this.dialog
      .open<PlaceHoldDialog, PlaceHoldDialogData, HoldView>(PlaceHoldDialog, {
        data: { person },
        injector: this.injector,
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((hold) => {
        if (!hold) return;
        this.placedHolds.update((holds) => new Map(holds).set(person.id, hold));
        this.snackBar.open(this.i18n.t('holds.created', { label: hold.label }), undefined, { duration: 3000 });
      });
  }

  protected clearSearch(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null });
    this.searchInput().nativeElement.focus();
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
