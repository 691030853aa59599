import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { ERASURE_OUTCOMES, ErasureOutcome, ErasureProposal, ErasureResult, Language, MAX_PAGE_SIZE, SubjectRequestView } from '@privdesk/domain';
import { describeError } from '../../../core/api/api-errors';
import { PeopleApi } from '../../../core/api/people.api';
import { SubjectRequestsApi } from '../../../core/api/rights.api';
import { I18n, LANGUAGES, TranslatePipe } from '../../../core/i18n';
import { ConfirmDialog, ConfirmDialogData, ListState, RequestCount } from '../../../shared';
import { recordTypeKey } from '../retention/retention-labels';
import { requestKindKey } from '../requests/request-labels';
import { purposeLabel } from './person-records';

export const erasureOutcomeKey = (outcome: ErasureOutcome): `erasure.outcome.${ErasureOutcome}` => `erasure.outcome.${outcome}`;

/** The proposal's items by outcome, in the order erase, anonymise, keep; empty groups left out. */
export function groupByOutcome<T extends { outcome: ErasureOutcome }>(items: readonly T[]): { outcome: ErasureOutcome; items: T[] }[] {
  return ERASURE_OUTCOMES.map((outcome) => ({ outcome, items: items.filter((item) => item.outcome === outcome) })).filter((group) => group.items.length > 0);
}

/**
 * Erasure (Art. 17) for one person: what would be erased, anonymised or kept and why, then the
 * erasure itself (optionally answering a request in the register) and the paragraph for the letter.
 */
@Component({
  selector: 'app-erasure',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatSelectModule, TranslatePipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
      <a class="back-link" routerLink="/admin/people" [queryParams]="{ q: proposal()?.personName }">← {{ 'people.title' | t }}</a>
      <h1>{{ 'erasure.title' | t: { name: proposal()?.personName ?? result()?.name ?? '' } }}</h1>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'erasure.loadError' | t }}</ng-container>
      </app-list-state>

      @if (result(); as done) {
        <section class="card done" role="status" data-testid="erasure-result">
          <h2>{{ 'erasure.done' | t }}</h2>
          <p>{{ 'erasure.doneCounts' | t: { erased: done.result.erased, anonymised: done.result.anonymised, kept: keptCount(done.result) } }}</p>
          @if (done.result.kept.length) {
            <h3>{{ 'erasure.keptParts' | t }}</h3>
            <ul>
              @for (item of done.result.kept; track $index) {
                <li>
                  {{ typeLabel(item.recordType) }} ({{ item.purpose }}): {{ item.reason[lang()] }}
                  @if (item.keptUntil) {
                    – {{ 'erasure.keptUntil' | t: { date: item.keptUntil } }}
                  }
                </li>
              }
            </ul>
          }
          <div class="letter-head">
            <h3 id="letter-heading">{{ 'erasure.letter' | t }}</h3>
            <mat-button-toggle-group [value]="letterLang()" (change)="letterLang.set($event.value)" [attr.aria-label]="'erasure.letterLanguage' | t" hideSingleSelectionIndicator>
              @for (l of languages; track l) {
                <mat-button-toggle [value]="l">{{ l.toUpperCase() }}</mat-button-toggle>
              }
            </mat-button-toggle-group>
          </div>
          <p class="letter" [attr.lang]="letterLang()" aria-labelledby="letter-heading" data-testid="erasure-letter">{{ done.result.letter[letterLang()] }}</p>
          <div class="form-actions">
            <button mat-flat-button type="button" (click)="copyLetter(done.result)" data-testid="erasure-copy">{{ 'erasure.copy' | t }}</button>
            @if (linkedRequest()) {
              <a mat-stroked-button [routerLink]="['/admin/requests', linkedRequest()]">{{ 'erasure.toRequest' | t }}</a>
            }
          </div>
        </section>
      } @else if (proposal(); as p) {
        <p class="intro">{{ 'erasure.intro' | t }}</p>
        <ul class="summary" data-testid="erasure-summary">
          @for (group of groups(); track group.outcome) {
            <li [attr.data-outcome]="group.outcome">
              <span class="n">{{ group.items.length }}</span>&nbsp;{{ outcomeKey(group.outcome) | t }}
            </li>
          }
        </ul>
        @if (!p.items.length) {
          <div class="empty-state">
            <p>{{ 'erasure.nothing' | t }}</p>
          </div>
        }
        @for (group of groups(); track group.outcome) {
          <section class="outcome" [attr.data-outcome]="group.outcome" data-testid="erasure-group">
            <h2>{{ outcomeKey(group.outcome) | t }} <span class="count">({{ group.items.length }})</span></h2>
            <p class="outcome-intro">{{ outcomeIntroKey(group.outcome) | t }}</p>
            <div class="table-wrap">
              <table class="records">
                <thead>
                  <tr>
                    <th scope="col">{{ 'erasure.col.record' | t }}</th>
                    <th scope="col">{{ 'erasure.col.purpose' | t }}</th>
                    <th scope="col">{{ 'erasure.col.reason' | t }}</th>
                    @if (group.outcome === 'keep') {
                      <th scope="col">{{ 'erasure.col.keptUntil' | t }}</th>
                    }
                  </tr>
                </thead>
                <tbody>
                  @for (item of group.items; track item.recordType + item.id) {
                    <tr data-testid="erasure-item">
                      <td>
                        <span class="type">{{ typeLabel(item.recordType) }}</span>
                        <div>{{ lang() === 'sv' ? item.labelSv : item.label }}</div>
                      </td>
                      <td>{{ purpose(item.purpose) }}</td>
                      <td>{{ item.reason[lang()] }}</td>
                      @if (group.outcome === 'keep') {
                        <td class="nowrap">{{ item.keptUntil ?? ('common.none' | t) }}</td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </section>
        }

        @if (p.items.length) {
          <section class="card confirm" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{{ 'erasure.confirmHeading' | t }}</h2>
            <mat-form-field class="request-field">
              <mat-label>{{ 'erasure.request' | t }}</mat-label>
              <mat-select [formControl]="requestId" data-testid="erasure-request">
                <mat-option [value]="null">{{ 'erasure.noRequest' | t }}</mat-option>
                @for (r of openRequests(); track r.id) {
                  <mat-option [value]="r.id">#{{ r.requestNumber }} {{ kindKey(r.kind) | t }} – {{ r.requesterName }} ({{ r.effectiveDueOn }})</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'erasure.requestHint' | t }}</mat-hint>
            </mat-form-field>
            @if (eraseError(); as message) {
              <p class="form-error" role="alert">{{ message() }}</p>
            }
            <div class="form-actions">
              <button mat-flat-button type="button" class="danger" [disabled]="busy()" (click)="confirmErase(p)" data-testid="erasure-start">
                {{ (busy() ? 'erasure.erasing' : 'erasure.erase') | t }}
              </button>
            </div>
          </section>
        }
      }
    </section>
  `,
  styles: `
    .card h2 {
      margin-top: 0;
      font: var(--mat-sys-title-large);
    }
    .card h3 {
      font: var(--mat-sys-title-small);
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      padding: 0;
      list-style: none;
    }
    .summary li {
      padding: 0.5rem 1rem;
      border-radius: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .summary .n {
      font: var(--mat-sys-title-large);
    }
    .outcome h2 {
      font: var(--mat-sys-title-medium);
      margin: 1.5rem 0 0.25rem;
    }
    .outcome[data-outcome='erase'] h2 {
      color: var(--mat-sys-error);
    }
    .outcome-intro,
    .count {
      color: var(--mat-sys-on-surface-variant);
    }
    table.records {
      width: 100%;
      border-collapse: collapse;
    }
    table.records th,
    table.records td {
      padding: 0.4rem 0.5rem;
      text-align: start;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    table.records th {
      font-weight: 600;
    }
    .type {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .request-field {
      width: 100%;
      max-width: 36rem;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
    .letter-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .letter {
      white-space: pre-line;
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container);
      font-family: Georgia, 'Times New Roman', serif;
    }
  `,
})
export class ErasurePage {
  private readonly api = inject(PeopleApi);
  private readonly requests = inject(SubjectRequestsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);
  private readonly requestCount = inject(RequestCount);
  private readonly i18n = inject(I18n);

  /** The route's `:id`: the person. */
  readonly id = input.required<string>();
  /** `?request=`: the register entry this erasure answers. */
  readonly request = input<string | undefined>();

  protected readonly lang = this.i18n.lang;
  protected readonly languages = LANGUAGES;
  protected readonly outcomeKey = erasureOutcomeKey;
  protected readonly outcomeIntroKey = (outcome: ErasureOutcome): `erasure.outcomeIntro.${ErasureOutcome}` => `erasure.outcomeIntro.${outcome}`;
  protected readonly kindKey = requestKindKey;

  protected readonly proposal = signal<ErasureProposal | null>(null);
  protected readonly groups = computed(() => groupByOutcome(this.proposal()?.items ?? []));
  protected readonly openRequests = signal<SubjectRequestView[]>([]);
  protected readonly requestId = new FormControl<string | null>(null);
  protected readonly linkedRequest = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly busy = signal(false);
  protected readonly eraseError = signal<(() => string) | null>(null);
  protected readonly result = signal<{ name: string; result: ErasureResult } | null>(null);
  protected readonly letterLang = signal<Language>(this.i18n.lang());

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  protected typeLabel(type: string): string {
    const key = recordTypeKey(type);
    return key ? this.i18n.t(key) : type;
  }

  protected purpose(code: string): string {
    return purposeLabel(code, this.lang());
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.erasureProposal(this.id()).subscribe({
      next: (proposal) => {
        this.loading.set(false);
        this.proposal.set(proposal);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
    this.requests.list({ status: 'open', pageSize: MAX_PAGE_SIZE }).subscribe({
      next: (page) => {
        const personId = this.id();
        // This person's requests first, erasure requests before others.
        const rank = (r: SubjectRequestView) => (r.personId === personId ? 0 : 2) + (r.kind === 'erasure' ? 0 : 1);
        const open = [...page.items].sort((a, b) => rank(a) - rank(b));
        this.openRequests.set(open);
        const wanted = this.request();
        const preset = open.find((r) => r.id === wanted) ?? (open.filter((r) => r.personId === personId && r.kind === 'erasure').length === 1 ? open[0] : null);
        if (preset && !this.requestId.value) this.requestId.setValue(preset.id);
      },
      error: () => this.openRequests.set([]),
    });
  }

  /** Records kept as they are — the same count the confirmation showed (anonymised ones are counted as anonymised). */
  protected keptCount(result: ErasureResult): number {
    return result.kept.filter((item) => item.outcome === 'keep').length;
  }

  protected confirmErase(proposal: ErasureProposal): void {
    const counts = Object.fromEntries(groupByOutcome(proposal.items).map((g) => [g.outcome, g.items.length]));
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.i18n.t('erasure.confirmTitle', { name: proposal.personName }),
          text: this.i18n.t('erasure.confirmText', { erase: counts['erase'] ?? 0, anonymise: counts['anonymise'] ?? 0, keep: counts['keep'] ?? 0 }),
          confirm: this.i18n.t('erasure.erase'),
        },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (yes) this.erase(proposal);
      });
  }

  private erase(proposal: ErasureProposal): void {
    this.busy.set(true);
    this.eraseError.set(null);
    const requestId = this.requestId.value;
    this.api.erase(this.id(), { requestId }).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.linkedRequest.set(requestId);
        this.result.set({ name: proposal.personName, result });
        this.requestCount.refresh(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.eraseError.set(() => describeError(error, this.i18n));
      },
    });
  }

  protected copyLetter(result: ErasureResult): void {
    const ok = this.clipboard.copy(result.letter[this.letterLang()]);
    this.snackBar.open(this.i18n.t(ok ? 'erasure.copied' : 'erasure.copyFailed'), undefined, { duration: 2500 });
  }
}
