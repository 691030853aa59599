import { ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { addCalendarDays, QuoteDetail, stockholmDate } from '@privdesk/domain';

const RENEWED_VALID_DAYS = 30;
import { catchError, map, merge, of, Subject, switchMap, tap } from 'rxjs';
import { describeError, httpStatus } from '../../core/api/api-errors';
import { quotePdfUrl, QuotesApi } from '../../core/api/quotes.api';
import { Session } from '../../core/auth';
import { formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ConfirmDialog, ConfirmDialogData, ListMemory, ListState, PrivacyBadge, quoteLineKindKey, quoteStatusKey, sek } from '../../shared';
import { LoseDialog, WinDialog } from './decide-dialogs';

@Component({
  selector: 'app-quote-detail',
  imports: [RouterLink, MatButtonModule, TranslatePipe, ListState, PrivacyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quote-detail.html',
  styleUrl: './quote-detail.scss',
})
export class QuoteDetailPage {
  private readonly api = inject(QuotesApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly memory = inject(ListMemory);
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  readonly id = input.required<string>();

  protected readonly statusKey = quoteStatusKey;
  protected readonly kindKey = quoteLineKindKey;
  protected readonly sek = sek;
  protected readonly formatInstant = formatInstant;
  protected readonly pdfUrl = quotePdfUrl;
  protected readonly backUrl = computed(() => this.router.parseUrl(this.memory.url('/quotes')));

  protected readonly quote = signal<QuoteDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly notFound = computed(() => httpStatus(this.error()) === 404);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly reload$ = new Subject<void>();

  /** Admin and sales write quotes; technicians only read them. */
  protected readonly maySell = computed(() => {
    const role = this.session.user()?.role;
    return role === 'admin' || role === 'sales';
  });
  protected readonly objecting = signal(false);

  constructor() {
    merge(toObservable(this.id).pipe(tap(() => this.quote.set(null))), this.reload$.pipe(map(() => this.id())))
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((id) =>
          this.api.get(id).pipe(
            map((quote) => ({ quote, error: null })),
            catchError((error: unknown) => of({ quote: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ quote, error }) => {
        this.loading.set(false);
        this.error.set(error);
        if (quote) this.quote.set(quote);
      });
  }

  reload(): void {
    this.reload$.next();
  }

  protected win(quote: QuoteDetail): void {
    this.dialog
      .open<WinDialog, QuoteDetail, QuoteDetail>(WinDialog, { data: quote, injector: this.injector, width: '36rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((won) => {
        if (!won) return;
        this.quote.set(won);
        this.snackBar.open(this.i18n.t('quote.win.done'), undefined, { duration: 4000 });
      });
  }

  protected lose(quote: QuoteDetail): void {
    this.dialog
      .open<LoseDialog, QuoteDetail, QuoteDetail>(LoseDialog, { data: quote, injector: this.injector, maxWidth: '95vw' })
      .afterClosed()
      .subscribe((lost) => {
        if (!lost) return;
        this.quote.set(lost);
        this.snackBar.open(this.i18n.t('quote.lose.done'), undefined, { duration: 4000 });
      });
  }

  /** An updated quote with the same options, valid 30 days, opened for editing. */
  protected renew(quote: QuoteDetail): void {
    this.api.renew(quote.id, { validUntil: addCalendarDays(stockholmDate(new Date()), RENEWED_VALID_DAYS) }).subscribe({
      next: (renewed) => {
        this.snackBar.open(this.i18n.t('quote.renew.done', { n: renewed.quoteNumber }), undefined, { duration: 4000 });
        void this.router.navigate(['/quotes', renewed.id, 'edit']);
      },
      error: (error: unknown) => this.snackBar.open(describeError(error, this.i18n), undefined, { duration: 6000 }),
    });
  }

  /** The holder said no to marketing: recorded on the suppression list, no more follow-up mails. */
  protected object(quote: QuoteDetail): void {
    const holderId = quote.holderId;
    if (!holderId) return;
    const data: ConfirmDialogData = {
      title: this.i18n.t('quote.objection.title'),
      text: this.i18n.t('quote.objection.text', { name: quote.holderName }),
      confirm: this.i18n.t('quote.objection.confirm'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.objecting.set(true);
        this.api.marketingObjection(holderId).subscribe({
          next: () => {
            this.objecting.set(false);
            this.snackBar.open(this.i18n.t('quote.objection.done'), undefined, { duration: 4000 });
            this.reload();
          },
          error: (error: unknown) => {
            this.objecting.set(false);
            this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 });
          },
        });
      });
  }
}
