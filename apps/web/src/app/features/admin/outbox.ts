import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { OutboxMail } from '@privdesk/domain';
import { OutboxApi } from '../../core/api/admin.api';
import { describeError } from '../../core/api/api-errors';
import { formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ListState } from '../../shared';

export const mailStatusKey = (status: OutboxMail['status']): `outbox.status.${OutboxMail['status']}` => `outbox.status.${status}`;

/** The e-mail the system has queued; without SMTP it stays here ('stored') for admins to read. */
@Component({
  selector: 'app-outbox',
  imports: [MatButtonModule, ListState, MatTableModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'outbox.title' | t }}</h1>
        <button mat-button type="button" (click)="load()" [disabled]="loading()">{{ 'outbox.refresh' | t }}</button>
      </header>
      <p class="intro">{{ 'outbox.intro' | t }}</p>

      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" [empty]="loaded() && mails().length === 0" (retry)="load()">
        <ng-container listStateError>{{ 'outbox.loadError' | t }}</ng-container>
        <ng-container listStateEmpty>{{ 'outbox.empty' | t }}</ng-container>
      </app-list-state>
      @if (mails().length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="mails()" data-testid="outbox-table" [attr.aria-label]="'outbox.title' | t">
            <ng-container matColumnDef="to">
              <th mat-header-cell *matHeaderCellDef>{{ 'outbox.col.to' | t }}</th>
              <td mat-cell *matCellDef="let mail">{{ mail.to }}</td>
            </ng-container>
            <ng-container matColumnDef="subject">
              <th mat-header-cell *matHeaderCellDef>{{ 'outbox.col.subject' | t }}</th>
              <td mat-cell *matCellDef="let mail">{{ mail.subject }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef>{{ 'outbox.col.status' | t }}</th>
              <td mat-cell *matCellDef="let mail">
                <span class="status {{ mail.status }}">{{ statusKey(mail.status) | t }}</span>
                @if (mail.error) {
                  <span class="mail-error">{{ mail.error }}</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="created">
              <th mat-header-cell *matHeaderCellDef>{{ 'outbox.col.created' | t }}</th>
              <td mat-cell *matCellDef="let mail" class="nowrap">{{ formatInstant(mail.createdAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
              <td mat-cell *matCellDef="let mail">
                <button
                  mat-button
                  type="button"
                  class="compact"
                  [attr.aria-expanded]="openId() === mail.id"
                  aria-controls="mail-body"
                  (click)="toggle(mail)"
                  data-testid="outbox-open"
                >
                  {{ (openId() === mail.id ? 'outbox.hide' : 'outbox.show') | t }}<span class="cdk-visually-hidden"> {{ mail.subject }}</span>
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let mail; columns: columns" data-testid="outbox-row" [class.open]="openId() === mail.id"></tr>
          </table>
        </div>
      }
      @if (open(); as mail) {
        <section class="card mail" id="mail-body" aria-labelledby="mail-subject" data-testid="outbox-mail">
          <h2 id="mail-subject">{{ mail.subject }}</h2>
          <dl>
            <dt>{{ 'outbox.col.to' | t }}</dt>
            <dd>{{ mail.to }}</dd>
            <dt>{{ 'outbox.col.created' | t }}</dt>
            <dd>{{ formatInstant(mail.createdAt) }}</dd>
            @if (mail.sentAt) {
              <dt>{{ 'outbox.sentAt' | t }}</dt>
              <dd>{{ formatInstant(mail.sentAt) }}</dd>
            }
          </dl>
          <pre class="body">{{ mail.body }}</pre>
        </section>
      }
    </section>
  `,
  styles: `
    .status {
      font-weight: 600;
      &.failed {
        color: var(--mat-sys-error);
      }
    }
    .mail-error {
      display: block;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    tr.open td {
      background: var(--mat-sys-surface-container-low);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0.75rem 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .body {
      margin: 0;
      padding: 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font-family: inherit;
    }
  `,
})
export class OutboxPage {
  private readonly api = inject(OutboxApi);
  private readonly i18n = inject(I18n);

  protected readonly columns = ['to', 'subject', 'status', 'created', 'actions'];
  protected readonly formatInstant = formatInstant;
  protected readonly statusKey = mailStatusKey;

  protected readonly mails = signal<OutboxMail[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly openId = signal<string | null>(null);
  protected readonly open = computed(() => this.mails().find((mail) => mail.id === this.openId()) ?? null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list().subscribe({
      next: (mails) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.mails.set(mails);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected toggle(mail: OutboxMail): void {
    const opening = this.openId() !== mail.id;
    this.openId.set(opening ? mail.id : null);
    if (opening) setTimeout(() => document.getElementById('mail-body')?.scrollIntoView({ block: 'nearest' }));
  }
}
