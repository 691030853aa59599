import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { QuoteDetail, WinQuoteRequest } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { QuotesApi } from '../../core/api/quotes.api';
import { blankToNull } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { AutofocusDirective, ErrorTextPipe } from '../../shared';
import { AgreementFields } from '../customers/agreement-fields';
import { agreementForm, agreementInput } from '../customers/agreement-form';

/** Won: optionally registers an agreement with the (new) customer. Closes with the updated quote. */
@Component({
  selector: 'app-win-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatCheckboxModule, TranslatePipe, AgreementFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'quote.win.title' | t: { number: data.quoteNumber } }}</h2>
      <mat-dialog-content>
        <p>{{ (data.customerId ? 'quote.win.intro' : 'quote.win.introProspect') | t: { name: data.holderName } }}</p>
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <mat-checkbox formControlName="withAgreement">{{ 'quote.win.withAgreement' | t }}</mat-checkbox>
        @if (form.controls.withAgreement.value) {
          <app-agreement-fields [group]="form.controls.agreement" [autofocus]="true" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="confirm-win">{{ (busy() ? 'common.saving' : 'quote.win.submit') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class WinDialog {
  private readonly api = inject(QuotesApi);
  private readonly ref = inject<MatDialogRef<WinDialog, QuoteDetail>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<QuoteDetail>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    withAgreement: new FormControl(false, { nonNullable: true }),
    agreement: agreementForm(),
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  constructor() {
    this.form.controls.agreement.controls.title.setValue(this.data.title);
    this.form.controls.agreement.disable();
    this.form.controls.withAgreement.valueChanges.subscribe((on) => (on ? this.form.controls.agreement.enable() : this.form.controls.agreement.disable()));
  }

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const request: WinQuoteRequest = this.form.controls.withAgreement.value ? { agreement: agreementInput(this.form.controls.agreement) } : {};
    this.busy.set(true);
    this.errors.set([]);
    this.api.win(this.data.id, request).subscribe({
      next: (quote) => this.ref.close(quote),
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
      },
    });
  }
}

/** Lost, with an optional reason. Closes with the updated quote. */
@Component({
  selector: 'app-lose-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'quote.lose.title' | t: { number: data.quoteNumber } }}</h2>
      <mat-dialog-content>
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <mat-form-field class="full">
          <mat-label>{{ 'quote.lose.reason' | t }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" appAutofocus></textarea>
          <mat-hint>{{ 'quote.lose.reasonHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.reason.errors | errorText }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="confirm-lose">{{ (busy() ? 'common.saving' : 'quote.lose.submit') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: min(26rem, 80vw);
    }
  `,
})
export class LoseDialog {
  private readonly api = inject(QuotesApi);
  private readonly ref = inject<MatDialogRef<LoseDialog, QuoteDetail>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<QuoteDetail>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({ reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }) });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected save(): void {
    if (this.busy() || this.form.invalid) return;
    this.busy.set(true);
    this.errors.set([]);
    this.api.lose(this.data.id, { reason: blankToNull(this.form.controls.reason.value) }).subscribe({
      next: (quote) => this.ref.close(quote),
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
      },
    });
  }
}
