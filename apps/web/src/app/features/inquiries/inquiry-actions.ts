import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { InquiryStatus, InquiryView } from '@privdesk/domain';
import { describeError } from '../../core/api/api-errors';
import { InquiriesApi } from '../../core/api/rights.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { CustomerPick, CustomerPicker } from '../../shared';

export const inquiryStatusKey = (status: InquiryStatus): `inquiry.status.${InquiryStatus}` => `inquiry.status.${status}`;

/**
 * "Make ticket": the question becomes a ticket for a customer — one picked here, or the sender
 * as a person customer (found by the server, or created). Closes with the updated inquiry.
 */
@Component({
  selector: 'app-inquiry-ticket-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, TranslatePipe, CustomerPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'inquiry.ticketTitle' | t: { n: data.inquiryNumber } }}</h2>
    <mat-dialog-content>
      <p>{{ 'inquiry.ticketIntro' | t: { name: data.name } }}</p>
      @if (error(); as message) {
        <p class="form-error" role="alert">{{ message() }}</p>
      }
      <app-customer-picker [control]="customer" [required]="false" label="inquiry.ticketCustomer" [autofocus]="true" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [disabled]="busy()" (click)="save()" data-testid="inquiry-ticket-confirm">
        {{ (busy() ? 'common.saving' : 'inquiry.makeTicket') | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    app-customer-picker {
      min-width: min(28rem, 80vw);
    }
  `,
})
export class InquiryTicketDialog {
  private readonly api = inject(InquiriesApi);
  private readonly ref = inject<MatDialogRef<InquiryTicketDialog, InquiryView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<InquiryView>(MAT_DIALOG_DATA);

  protected readonly customer = new FormControl<CustomerPick | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<(() => string) | null>(null);

  protected save(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.convert(this.data.id, { to: 'ticket', customerId: this.customer.value?.id ?? null }).subscribe({
      next: (inquiry) => this.ref.close(inquiry),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(() => describeError(error, this.i18n));
      },
    });
  }
}
