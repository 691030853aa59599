import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CookieSite, CookieView, countriesInWords, PrivacyNotice, RecipientKind, RecipientView, TRANSFER_MECHANISM_LABELS } from '@privdesk/domain';
import { describeError } from '../../core/api/api-errors';
import { PublicApi } from '../../core/api/rights.api';
import { formatDate } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ListState } from '../../shared';

const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'withdraw'] as const;

/** Necessary cookies first, then by name. */
function cookiesOf(cookies: readonly CookieView[], site: CookieSite): CookieView[] {
  return cookies
    .filter((cookie) => cookie.site === site)
    .sort((a, b) => (a.category === b.category ? a.name.localeCompare(b.name) : a.category === 'necessary' ? -1 : 1));
}

function recipientsOf(recipients: readonly RecipientView[], kind: RecipientKind): RecipientView[] {
  return recipients.filter((recipient) => recipient.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/**
 * The public privacy notice (no sign-in): printed from the policies the system enforces and from
 * the registers of recipients and cookies, so it cannot promise what Privdesk does not do.
 */
@Component({
  selector: 'app-privacy-notice',
  imports: [RouterLink, TranslatePipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="page narrow notice">
      <h1>{{ 'notice.title' | t }}</h1>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'notice.loadError' | t }}</ng-container>
      </app-list-state>
      @if (notice(); as n) {
        <p class="intro">{{ 'notice.intro' | t: { company: n.controller.companyName } }}</p>

        <section aria-labelledby="controller-heading">
          <h2 id="controller-heading">{{ 'notice.controller' | t }}</h2>
          <address class="controller" data-testid="notice-controller">
            <strong>{{ n.controller.companyName }}</strong>
            @if (n.controller.orgNumber) {
              <span>{{ 'notice.orgNumber' | t }} {{ n.controller.orgNumber }}</span>
            }
            @if (n.controller.street) {
              <span>{{ n.controller.street }}</span>
            }
            @if (n.controller.postalCode || n.controller.city) {
              <span>{{ n.controller.postalCode }} {{ n.controller.city }}</span>
            }
            @if (n.controller.privacyPhone) {
              <span
                >{{ 'notice.phone' | t }} <a [href]="'tel:' + n.controller.privacyPhone">{{ n.controller.privacyPhone }}</a></span
              >
            }
            @if (n.controller.privacyEmail) {
              <span
                >{{ 'notice.email' | t }} <a [href]="'mailto:' + n.controller.privacyEmail">{{ n.controller.privacyEmail }}</a></span
              >
            }
          </address>
        </section>

        <section aria-labelledby="purposes-heading">
          <h2 id="purposes-heading">{{ 'notice.purposes' | t }}</h2>
          <p>{{ 'notice.purposesIntro' | t }}</p>
          <div class="table-wrap">
            <table class="plain" data-testid="notice-purposes">
              <caption class="cdk-visually-hidden">{{ 'notice.purposes' | t }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'notice.col.purpose' | t }}</th>
                  <th scope="col">{{ 'notice.col.data' | t }}</th>
                  <th scope="col">{{ 'notice.col.legalBasis' | t }}</th>
                  <th scope="col">{{ 'notice.col.retention' | t }}</th>
                  <th scope="col">{{ 'notice.col.clockStarts' | t }}</th>
                  <th scope="col">{{ 'notice.col.recipients' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (p of n.purposes; track p.code) {
                  <tr data-testid="notice-purpose" [attr.data-code]="p.code">
                    <th scope="row"><span class="code">{{ p.code }}</span> {{ p.purpose[lang()] }}</th>
                    <td>{{ p.dataCategories[lang()] }}</td>
                    <td>
                      {{ p.legalBasisName[lang()] }}
                      @for (basis of p.additionalBases; track basis.legalBasis) {
                        <div class="further" data-testid="notice-additional-basis">
                          {{ basis.legalBasisName[lang()] }}: <span class="small">{{ basis.statement[lang()] }}</span>
                        </div>
                      }
                    </td>
                    <td data-testid="notice-retention">{{ p.retention[lang()] }}</td>
                    <td>{{ p.clockStarts[lang()] }}</td>
                    <td>{{ p.recipients.length ? p.recipients.join(', ') : ('common.none' | t) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <p class="small">{{ 'notice.longer' | t }}</p>
          <h3>{{ 'notice.contract' | t }}</h3>
          <p data-testid="notice-contract">{{ n.statements.contractRequirement[lang()] }}</p>
          <h3>{{ 'notice.security' | t }}</h3>
          <p data-testid="notice-security">{{ n.statements.security[lang()] }}</p>
        </section>

        <section aria-labelledby="recipients-heading">
          <h2 id="recipients-heading">{{ 'notice.recipients' | t }}</h2>
          @for (group of recipientGroups(); track group.kind) {
            <h3>{{ group.title | t }}</h3>
            <p class="small">{{ group.intro | t }}</p>
            @if (group.items.length) {
              <ul class="recipients">
                @for (r of group.items; track r.id) {
                  <li data-testid="notice-recipient">
                    <strong>{{ r.name }}</strong> – {{ r.receives[lang()] }}
                    <span class="small" data-testid="notice-recipient-transfer">({{ whereAndHow(r) }})</span>
                  </li>
                }
              </ul>
            } @else {
              <p>{{ 'notice.noRecipients' | t }}</p>
            }
          }
        </section>

        <section aria-labelledby="rights-heading">
          <h2 id="rights-heading">{{ 'notice.rights' | t }}</h2>
          <ul class="rights">
            @for (right of rights; track right) {
              <li>{{ rightKey(right) | t }}</li>
            }
          </ul>
          <p data-testid="notice-contact">
            {{ 'notice.contactUs' | t }}
            @if (n.controller.privacyEmail) {
              <a [href]="'mailto:' + n.controller.privacyEmail">{{ n.controller.privacyEmail }}</a>
            }
            @if (n.controller.privacyEmail && n.controller.privacyPhone) {
              {{ 'notice.or' | t }}
            }
            @if (n.controller.privacyPhone) {
              <a [href]="'tel:' + n.controller.privacyPhone">{{ n.controller.privacyPhone }}</a>
            }
            {{ 'notice.contactForm' | t }} <a routerLink="/contact">{{ 'notice.contactFormLink' | t }}</a>.
          </p>
          <p>{{ 'notice.answerTime' | t }}</p>
          <h3>{{ 'notice.marketingObjection' | t }}</h3>
          <p data-testid="notice-marketing-objection">{{ n.statements.marketingObjection[lang()] }}</p>
          <p data-testid="notice-complaint">
            {{ n.statements.complaint[lang()] }}
            <a [href]="n.statements.complaintUrl" rel="noopener" target="_blank">{{ 'notice.complaintLink' | t }}</a>
          </p>
        </section>

        <section aria-labelledby="cookies-heading">
          <h2 id="cookies-heading">{{ 'notice.cookies' | t }}</h2>
          <p>{{ 'notice.cookiesIntro' | t }}</p>
          @for (site of cookieSites(); track site.site) {
            <h3>{{ site.title | t }}</h3>
            @if (site.items.length) {
              <div class="table-wrap">
                <table class="plain" [attr.data-testid]="'notice-cookies-' + site.site">
                  <thead>
                    <tr>
                      <th scope="col">{{ 'notice.cookie.name' | t }}</th>
                      <th scope="col">{{ 'notice.cookie.provider' | t }}</th>
                      <th scope="col">{{ 'notice.cookie.purpose' | t }}</th>
                      <th scope="col">{{ 'notice.cookie.duration' | t }}</th>
                      <th scope="col">{{ 'notice.cookie.category' | t }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (c of site.items; track c.id) {
                      <tr>
                        <th scope="row" class="mono-name">{{ c.name }}</th>
                        <td>{{ c.provider }}</td>
                        <td>{{ c.purpose[lang()] }}</td>
                        <td>{{ c.duration[lang()] }}</td>
                        <td>
                          <span class="chip" [attr.data-category]="c.category">{{ (c.category === 'necessary' ? 'notice.cookie.necessary' : 'notice.cookie.optional') | t }}</span>
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            } @else {
              <p>{{ 'notice.noCookies' | t }}</p>
            }
          }
          <p class="small">{{ 'notice.cookiesRefuse' | t }}</p>
        </section>

        <p class="small generated">{{ 'notice.generated' | t: { date: generated() } }}</p>
      }
    </article>
  `,
  styles: `
    .notice {
      max-width: 76rem;
    }
    .notice section {
      margin-block: 1.5rem;
    }
    .controller {
      display: flex;
      flex-direction: column;
      font-style: normal;
      gap: 0.15rem;
    }
    table.plain {
      width: 100%;
      border-collapse: collapse;
    }
    table.plain th,
    table.plain td {
      padding: 0.45rem 0.5rem;
      text-align: start;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    table.plain thead th {
      font-weight: 600;
      white-space: nowrap;
    }
    table.plain tbody th {
      font-weight: 500;
    }
    .code {
      font-weight: 700;
    }
    .mono-name {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85rem;
    }
    .small {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .further {
      margin-top: 0.35rem;
    }
    .recipients li,
    .rights li {
      margin-block: 0.25rem;
    }
    .chip[data-category='optional'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class PrivacyNoticePage {
  private readonly api = inject(PublicApi);
  private readonly i18n = inject(I18n);

  protected readonly lang = this.i18n.lang;
  protected readonly rights = RIGHTS;
  protected readonly rightKey = (right: (typeof RIGHTS)[number]): `notice.right.${(typeof RIGHTS)[number]}` => `notice.right.${right}`;
  protected readonly notice = signal<PrivacyNotice | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly generated = computed(() => formatDate(this.notice()?.generatedAt));

  /** Purposes, countries and, outside the EU/EEA, what the transfer rests on. */
  protected whereAndHow(r: RecipientView): string {
    const lang = this.lang();
    const parts = [r.purposes.length ? r.purposes.join(', ') : this.i18n.t('notice.websiteOnly')];
    if (r.countries.length) parts.push(this.i18n.t('notice.countries', { countries: countriesInWords(r.countries, lang) }));
    if (r.inEu) parts.push(this.i18n.t('notice.inEu'));
    else {
      parts.push(this.i18n.t('notice.outsideEu'));
      parts.push(r.transferMechanism ? this.i18n.t('notice.mechanism', { mechanism: TRANSFER_MECHANISM_LABELS[r.transferMechanism][lang] }) : this.i18n.t('notice.noMechanism'));
      if (r.transferSafeguard) parts.push(r.transferSafeguard);
    }
    return parts.join('; ');
  }

  protected readonly recipientGroups = computed(() => {
    const recipients = this.notice()?.recipients ?? [];
    return [
      { kind: 'processor', title: 'notice.processors', intro: 'notice.processorsIntro', items: recipientsOf(recipients, 'processor') },
      {
        kind: 'independent_controller',
        title: 'notice.controllers',
        intro: 'notice.controllersIntro',
        items: recipientsOf(recipients, 'independent_controller'),
      },
    ] as const;
  });

  protected readonly cookieSites = computed(() => {
    const cookies = this.notice()?.cookies ?? [];
    return [
      { site: 'website', title: 'notice.cookies.website', items: cookiesOf(cookies, 'website') },
      { site: 'privdesk', title: 'notice.cookies.privdesk', items: cookiesOf(cookies, 'privdesk') },
    ] as const;
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.notice().subscribe({
      next: (notice) => {
        this.loading.set(false);
        this.notice.set(notice);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }
}
