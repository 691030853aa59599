import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { CookieView, countriesInWords, RecipientView, TRANSFER_MECHANISM_LABELS } from '@privdesk/domain';
import { PoliciesApi } from '../../../core/api/admin.api';
import { describeError } from '../../../core/api/api-errors';
import { TransparencyApi } from '../../../core/api/rights.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ConfirmDialog, ConfirmDialogData, ListState } from '../../../shared';
import { cookieCategoryKey, CookieDialog, cookieSiteKey, RecipientDialog, RecipientDialogData, recipientKindKey } from './register-dialogs';

/** Who receives personal data (processors and independent controllers), printed in the notice and the record of processing. */
@Component({
  selector: 'app-recipients-register',
  imports: [MatButtonModule, TranslatePipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="recipients-heading">
      <div class="card-header">
        <h2 id="recipients-heading">{{ 'recipients.title' | t }}</h2>
        <button mat-stroked-button type="button" (click)="edit(null)" data-testid="recipient-add">{{ 'recipients.add' | t }}</button>
      </div>
      <p class="intro">{{ 'recipients.intro' | t }}</p>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="loaded() && !recipients().length" (retry)="load()">
        <ng-container listStateError>{{ 'recipients.loadError' | t }}</ng-container>
        <ng-container listStateEmpty>{{ 'recipients.empty' | t }}</ng-container>
      </app-list-state>
      @if (recipients().length) {
        <div class="table-wrap">
          <table class="register" data-testid="recipients-table">
            <thead>
              <tr>
                <th scope="col">{{ 'recipients.name' | t }}</th>
                <th scope="col">{{ 'recipients.kind' | t }}</th>
                <th scope="col">{{ 'recipients.receives' | t }}</th>
                <th scope="col">{{ 'recipients.purposes' | t }}</th>
                <th scope="col">{{ 'recipients.where' | t }}</th>
                <th scope="col"><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
              </tr>
            </thead>
            <tbody>
              @for (r of recipients(); track r.id) {
                <tr data-testid="recipient-row">
                  <th scope="row">
                    {{ r.name }}
                    @if (r.agreementReference) {
                      <div class="sub">{{ 'recipients.agreementShort' | t: { ref: r.agreementReference } }}</div>
                    }
                  </th>
                  <td>{{ kindKey(r.kind) | t }}</td>
                  <td>{{ r.receives[lang()] }}</td>
                  <td class="nowrap">{{ r.purposes.join(', ') }}</td>
                  <td>
                    {{ (r.inEu ? 'recipients.eu' : 'recipients.thirdCountry') | t }}
                    @if (r.countries.length) {
                      <div class="sub" data-testid="recipient-countries">{{ countries(r.countries) }}</div>
                    }
                    @if (!r.inEu && r.transferMechanism) {
                      <div class="sub">{{ mechanismLabels[r.transferMechanism][lang()] }}</div>
                    }
                    @if (!r.inEu && r.transferSafeguard) {
                      <div class="sub">{{ r.transferSafeguard }}</div>
                    }
                  </td>
                  <td class="row-actions">
                    <button mat-button type="button" class="compact" (click)="edit(r)">{{ 'common.edit' | t }}<span class="cdk-visually-hidden"> {{ r.name }}</span></button>
                    <button mat-button type="button" class="compact" (click)="remove(r)">{{ 'common.delete' | t }}<span class="cdk-visually-hidden"> {{ r.name }}</span></button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styleUrl: './registers.scss',
})
export class RecipientsRegister {
  private readonly api = inject(TransparencyApi);
  private readonly policies = inject(PoliciesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  protected readonly lang = this.i18n.lang;
  protected readonly mechanismLabels = TRANSFER_MECHANISM_LABELS;
  protected readonly countries = (codes: readonly string[]): string => countriesInWords(codes, this.lang());
  protected readonly kindKey = recipientKindKey;
  protected readonly recipients = signal<RecipientView[]>([]);
  private readonly purposes = signal<RecipientDialogData['purposes']>([]);
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));

  constructor() {
    this.load();
    this.policies.list().subscribe({
      next: (policies) =>
        this.purposes.set(
          [...policies]
            .sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }))
            .map((policy) => ({ code: policy.code, label: `${policy.code} ${policy.purpose[this.i18n.lang()]}` })),
        ),
      error: () => this.purposes.set([]),
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.recipients().subscribe({
      next: (recipients) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.recipients.set([...recipients].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'sv')));
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected edit(recipient: RecipientView | null): void {
    this.dialog
      .open<RecipientDialog, RecipientDialogData, RecipientView>(RecipientDialog, { data: { recipient, purposes: this.purposes() }, width: '46rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(this.i18n.t('recipients.saved', { name: saved.name }), undefined, { duration: 2500 });
        this.load();
      });
  }

  protected remove(recipient: RecipientView): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: this.i18n.t('recipients.deleteTitle', { name: recipient.name }), text: this.i18n.t('recipients.deleteText'), confirm: this.i18n.t('common.delete') },
        width: '30rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        this.api.deleteRecipient(recipient.id).subscribe({
          next: () => this.load(),
          error: (error: unknown) => this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 }),
        });
      });
  }
}

/** The cookies of the company web site and of Privdesk itself, printed in the notice. */
@Component({
  selector: 'app-cookies-register',
  imports: [MatButtonModule, TranslatePipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="cookies-heading">
      <div class="card-header">
        <h2 id="cookies-heading">{{ 'cookies.title' | t }}</h2>
        <button mat-stroked-button type="button" (click)="edit(null)" data-testid="cookie-add">{{ 'cookies.add' | t }}</button>
      </div>
      <p class="intro">{{ 'cookies.intro' | t }}</p>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="loaded() && !cookies().length" (retry)="load()">
        <ng-container listStateError>{{ 'cookies.loadError' | t }}</ng-container>
        <ng-container listStateEmpty>{{ 'cookies.empty' | t }}</ng-container>
      </app-list-state>
      @for (group of groups(); track group.site) {
        @if (group.items.length) {
          <h3>{{ siteKey(group.site) | t }}</h3>
          <div class="table-wrap">
            <table class="register" [attr.data-testid]="'cookies-' + group.site">
              <thead>
                <tr>
                  <th scope="col">{{ 'notice.cookie.name' | t }}</th>
                  <th scope="col">{{ 'cookies.provider' | t }}</th>
                  <th scope="col">{{ 'notice.cookie.purpose' | t }}</th>
                  <th scope="col">{{ 'notice.cookie.duration' | t }}</th>
                  <th scope="col">{{ 'notice.cookie.category' | t }}</th>
                  <th scope="col"><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
                </tr>
              </thead>
              <tbody>
                @for (c of group.items; track c.id) {
                  <tr>
                    <th scope="row" class="mono-name">{{ c.name }}</th>
                    <td>{{ c.provider }}</td>
                    <td>{{ c.purpose[lang()] }}</td>
                    <td>{{ c.duration[lang()] }}</td>
                    <td>{{ categoryKey(c.category) | t }}</td>
                    <td class="row-actions">
                      <button mat-button type="button" class="compact" (click)="edit(c)">{{ 'common.edit' | t }}<span class="cdk-visually-hidden"> {{ c.name }}</span></button>
                      <button mat-button type="button" class="compact" (click)="remove(c)">{{ 'common.delete' | t }}<span class="cdk-visually-hidden"> {{ c.name }}</span></button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
  styleUrl: './registers.scss',
})
export class CookiesRegister {
  private readonly api = inject(TransparencyApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  protected readonly lang = this.i18n.lang;
  protected readonly siteKey = cookieSiteKey;
  protected readonly categoryKey = cookieCategoryKey;
  protected readonly cookies = signal<CookieView[]>([]);
  protected readonly groups = computed(() =>
    (['website', 'privdesk'] as const).map((site) => ({
      site,
      items: this.cookies()
        .filter((c) => c.site === site)
        .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name)),
    })),
  );
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.cookies().subscribe({
      next: (cookies) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.cookies.set(cookies);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected edit(cookie: CookieView | null): void {
    this.dialog
      .open<CookieDialog, CookieView | null, CookieView>(CookieDialog, { data: cookie, width: '44rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(this.i18n.t('cookies.saved', { name: saved.name }), undefined, { duration: 2500 });
        this.load();
      });
  }

  protected remove(cookie: CookieView): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: { title: this.i18n.t('cookies.deleteTitle', { name: cookie.name }), text: this.i18n.t('cookies.deleteText'), confirm: this.i18n.t('common.delete') },
        width: '30rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        this.api.deleteCookie(cookie.id).subscribe({
          next: () => this.load(),
          error: (error: unknown) => this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 }),
        });
      });
  }
}
