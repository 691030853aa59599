import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { InquiryView } from '@privdesk/domain';
import { describeError } from '../../core/api/api-errors';
import { InquiriesApi } from '../../core/api/rights.api';
import { formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { InquiryCount, ListState, PrivacyBadge, TaskCount } from '../../shared';
import { InquiryTicketDialog, inquiryStatusKey } from './inquiry-actions';

/** One question from the contact form, with what became of it. */
@Component({
  selector: 'app-inquiry-detail',
  imports: [RouterLink, MatButtonModule, TranslatePipe, ListState, PrivacyBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
      <a class="back-link" routerLink="/inquiries">← {{ 'inquiries.title' | t }}</a>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'inquiry.loadError' | t }}</ng-container>
      </app-list-state>
      @if (inquiry(); as i) {
        <header class="detail-header">
          <div>
            <h1>{{ 'inquiry.heading' | t: { n: i.inquiryNumber, name: i.name } }}</h1>
            <p class="meta">
              <span class="chip" [attr.data-status]="i.status" data-testid="inquiry-status">{{ statusKey(i.status) | t }}</span>
              <span>{{ 'inquiry.receivedAt' | t: { date: instant(i.receivedAt) } }}</span>
            </p>
          </div>
          <app-privacy-badge [privacy]="i.privacy" />
        </header>
        <section class="card">
          <dl class="facts">
            <div>
              <dt>{{ 'contact.email' | t }}</dt>
              <dd>
                @if (i.email) {
                  <a [href]="'mailto:' + i.email">{{ i.email }}</a>
                } @else {
                  {{ 'common.none' | t }}
                }
              </dd>
            </div>
            <div>
              <dt>{{ 'contact.phone' | t }}</dt>
              <dd>{{ i.phone ?? ('common.none' | t) }}</dd>
            </div>
          </dl>
          <h2>{{ 'contact.message' | t }}</h2>
          <p class="message" data-testid="inquiry-message">{{ i.message }}</p>
        </section>
        <div class="form-actions">
          @if (i.status === 'new') {
            <button mat-flat-button type="button" (click)="makeTicket(i)" [disabled]="busy()" data-testid="inquiry-make-ticket">{{ 'inquiry.makeTicket' | t }}</button>
            <button mat-stroked-button type="button" (click)="makeLead(i)" [disabled]="busy()" data-testid="inquiry-make-lead">{{ 'inquiry.makeLead' | t }}</button>
          }
          @if (i.ticketId) {
            <a mat-flat-button [routerLink]="['/tickets', i.ticketId]" data-testid="inquiry-ticket-link">{{ 'inquiry.openTicket' | t }}</a>
          }
          @if (i.customerId) {
            <a mat-stroked-button [routerLink]="['/customers', i.customerId]">{{ 'inquiry.openCustomer' | t }}</a>
          }
        </div>
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-small);
      margin: 1rem 0 0.25rem;
    }
    .message {
      white-space: pre-line;
    }
    dd a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class InquiryDetailPage {
  private readonly api = inject(InquiriesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly inquiryCount = inject(InquiryCount);
  private readonly taskCount = inject(TaskCount);
  private readonly i18n = inject(I18n);

  readonly id = input.required<string>();

  protected readonly statusKey = inquiryStatusKey;
  protected readonly instant = formatInstant;
  protected readonly inquiry = signal<InquiryView | null>(null);
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
      next: (inquiry) => {
        this.loading.set(false);
        this.inquiry.set(inquiry);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected makeTicket(inquiry: InquiryView): void {
    this.dialog
      .open<InquiryTicketDialog, InquiryView, InquiryView>(InquiryTicketDialog, { data: inquiry, width: '34rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.inquiry.set(updated);
        this.inquiryCount.refresh(true);
        if (updated.ticketId) void this.router.navigate(['/tickets', updated.ticketId]);
      });
  }

  protected makeLead(inquiry: InquiryView): void {
    this.busy.set(true);
    this.api.convert(inquiry.id, { to: 'lead' }).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.inquiry.set(updated);
        this.inquiryCount.refresh(true);
        this.taskCount.refresh(true);
        this.snackBar.open(this.i18n.t('inquiry.leadDone', { n: inquiry.inquiryNumber }), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 });
      },
    });
  }
}
