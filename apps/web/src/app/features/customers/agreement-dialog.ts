import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { AgreementView } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { isStaleEdit, PrivacyBadge, StaleEdit, StaleEditNotice } from '../../shared';
import { AgreementFields } from './agreement-fields';
import { agreementForm, agreementInput } from './agreement-form';

export interface AgreementDialogData {
  customerId: string;
  agreement: AgreementView;
}

/** Edits an agreement; setting its end date starts the retention clock of what depends on it. */
@Component({
  selector: 'app-agreement-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, TranslatePipe, PrivacyBadge, AgreementFields, StaleEditNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'agreements.edit' | t }}</h2>
      <mat-dialog-content>
        <p class="privacy-line"><app-privacy-badge [privacy]="data.agreement.privacy" /></p>
        @if (stale.conflict(); as conflict) {
          <app-stale-edit [conflict]="conflict" [busy]="busy()" (saveAgain)="save()" (discard)="form.reset(stale.discard())" />
        }
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <app-agreement-fields [group]="form" [autofocus]="true" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ (busy() ? 'common.saving' : 'common.save') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class AgreementDialog {
  private readonly api = inject(CustomersApi);
  private readonly ref = inject<MatDialogRef<AgreementDialog, boolean>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<AgreementDialogData>(MAT_DIALOG_DATA);

  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  protected readonly form = agreementForm(this.data.agreement);
  protected readonly stale = new StaleEdit(
    (agreement: AgreementView) => agreementForm(agreement).getRawValue(),
    { labels: { title: 'field.agreementTitle', startDate: 'field.startDate', endDate: 'field.endDate' } },
    this.data.agreement,
  );

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    this.errors.set([]);
    this.api.updateAgreement(this.data.customerId, this.data.agreement.id, { ...agreementInput(this.form), version: this.stale.version }).subscribe({
      next: () => this.ref.close(true),
      error: (error: unknown) => {
        if (isStaleEdit(error)) {
          this.mergeTheirs();
          return;
        }
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** Someone else saved the agreement first: their changes join what the user typed, and the notice says which. */
  private mergeTheirs(): void {
    this.api.get(this.data.customerId).subscribe({
      next: (customer) => {
        this.busy.set(false);
        const current = customer.agreements.find((agreement) => agreement.id === this.data.agreement.id);
        if (!current) {
          this.errors.set([() => this.i18n.t('error.notFound')]);
          return;
        }
        this.form.setValue(this.stale.merge(current, this.form.getRawValue()));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.set([() => describeError(error, this.i18n)]);
      },
    });
  }
}
