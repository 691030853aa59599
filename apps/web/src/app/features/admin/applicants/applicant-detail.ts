import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { ApplicantView } from '@privdesk/domain';
import { describeError } from '../../../core/api/api-errors';
import { applicantDocumentUrl, ApplicantsApi } from '../../../core/api/rights.api';
import { formatInstant } from '../../../core/format';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { applicationSourceKey, sensitivityKey } from './applicant-labels';
import { ConfirmDialog, ConfirmDialogData, fileSize, ListState, PrivacyBadge } from '../../../shared';

/** One application: the applicant, the consent given word for word, and the documents with their checksums. */
@Component({
  selector: 'app-applicant-detail',
  imports: [RouterLink, MatButtonModule, TranslatePipe, ListState, PrivacyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
      <a class="back-link" routerLink="/admin/applicants">← {{ 'applicants.title' | t }}</a>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'applicant.loadError' | t }}</ng-container>
      </app-list-state>
      @if (applicant(); as a) {
        <header class="detail-header">
          <div>
            <h1>{{ a.person.fullName }}</h1>
            <p class="meta">{{ 'applicant.appliedFor' | t: { position: a.position, date: instant(a.submittedAt) } }}</p>
          </div>
          <app-privacy-badge [privacy]="a.privacy" />
        </header>
        <section class="card">
          <dl class="facts">
            <div>
              <dt>{{ 'field.email' | t }}</dt>
              <dd>
                @if (a.person.email) {
                  <a [href]="'mailto:' + a.person.email">{{ a.person.email }}</a>
                } @else {
                  {{ 'common.none' | t }}
                }
              </dd>
            </div>
            <div>
              <dt>{{ 'field.phone' | t }}</dt>
              <dd>{{ a.person.phone ?? ('common.none' | t) }}</dd>
            </div>
            <div>
              <dt>{{ 'apply.position' | t }}</dt>
              <dd>{{ a.position }}</dd>
            </div>
            <div>
              <dt>{{ 'applicant.source' | t }}</dt>
              <dd data-testid="applicant-source">{{ applicationSourceKey(a.source) | t }}{{ a.recruiterName ? ' · ' + a.recruiterName : '' }}</dd>
            </div>
            @if (a.registeredBy) {
              <div>
                <dt>{{ 'applicant.registeredBy' | t }}</dt>
                <dd>{{ a.registeredBy }}</dd>
              </div>
            }
          </dl>
        </section>

        <section class="card" aria-labelledby="consent-heading" data-testid="applicant-consent">
          <h2 id="consent-heading">{{ 'applicant.consent' | t }}</h2>
          <p class="meta">{{ 'applicant.consentAt' | t: { date: instant(a.consentAt) } }}</p>
          <blockquote>{{ a.consentText }}</blockquote>
          <button mat-stroked-button type="button" class="danger" (click)="withdraw(a)" [disabled]="busy()" data-testid="applicant-withdraw">
            {{ 'applicant.withdraw' | t }}
          </button>
          <p class="meta">{{ 'applicant.withdrawHint' | t }}</p>
        </section>

        <section class="card" aria-labelledby="documents-heading">
          <h2 id="documents-heading">{{ 'applicant.documents' | t }}</h2>
          @if (a.documents.length) {
            <div class="table-wrap">
              <table class="docs" data-testid="applicant-documents">
                <thead>
                  <tr>
                    <th scope="col">{{ 'applicant.doc.name' | t }}</th>
                    <th scope="col">{{ 'applicant.doc.sensitivity' | t }}</th>
                    <th scope="col">{{ 'applicant.doc.type' | t }}</th>
                    <th scope="col" class="num">{{ 'applicant.doc.size' | t }}</th>
                    <th scope="col">SHA-256</th>
                  </tr>
                </thead>
                <tbody>
                  @for (d of a.documents; track d.id) {
                    <tr data-testid="applicant-document" [attr.data-sensitivity]="d.sensitivity">
                      <td>
                        @if (d.restricted) {
                          <span class="restricted" data-testid="applicant-document-restricted">{{ 'applicant.doc.restricted' | t }}</span>
                        } @else {
                          <a [href]="documentUrl(a.id, d.id)" download>{{ d.filename }}</a>
                        }
                      </td>
                      <td class="nowrap" [class.sensitive]="d.sensitivity !== 'none'">{{ sensitivityKey(d.sensitivity) | t }}</td>
                      <td class="nowrap">{{ d.contentType }}</td>
                      <td class="num nowrap">{{ size(d.size) }}</td>
                      <td class="mono">{{ d.sha256 }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <p class="meta">{{ 'applicant.noDocuments' | t }}</p>
          }
        </section>
      }
    </section>
  `,
  styles: `
    h2 {
      margin-top: 0;
      font: var(--mat-sys-title-medium);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .restricted {
      font-style: italic;
      color: var(--mat-sys-on-surface-variant);
    }
    .sensitive {
      font-weight: 600;
    }
    blockquote {
      margin: 0.5rem 0 1rem;
      padding: 0.5rem 1rem;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
    table.docs {
      width: 100%;
      border-collapse: collapse;
    }
    table.docs th,
    table.docs td {
      padding: 0.4rem 0.5rem;
      text-align: start;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    table.docs th.num,
    table.docs td.num {
      text-align: end;
    }
    a {
      color: var(--mat-sys-primary);
    }
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
    }
  `,
})
export class ApplicantDetailPage {
  protected readonly applicationSourceKey = applicationSourceKey;
  protected readonly sensitivityKey = sensitivityKey;
  private readonly api = inject(ApplicantsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  readonly id = input.required<string>();

  protected readonly instant = formatInstant;
  protected readonly documentUrl = applicantDocumentUrl;
  protected readonly size = (bytes: number) => fileSize(bytes, this.i18n.lang());
  protected readonly applicant = signal<ApplicantView | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.get(this.id()).subscribe({
      next: (applicant) => {
        this.loading.set(false);
        this.applicant.set(applicant);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected withdraw(applicant: ApplicantView): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.i18n.t('applicant.withdrawTitle', { name: applicant.person.fullName }),
          text: this.i18n.t('applicant.withdrawText', { n: applicant.documents.length }),
          confirm: this.i18n.t('applicant.withdrawConfirm'),
        },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        this.busy.set(true);
        this.api.withdrawConsent(applicant.id).subscribe({
          next: () => {
            this.snackBar.open(this.i18n.t('applicant.withdrawn', { name: applicant.person.fullName }), undefined, { duration: 4000 });
            void this.router.navigate(['/admin/applicants']);
          },
          error: (error: unknown) => {
            this.busy.set(false);
            this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 });
          },
        });
      });
  }
}
