import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { SubjectRequestView } from '@privdesk/domain';
import { apiError, applyServerErrors, describeError } from '../../../core/api/api-errors';
import { SubjectRequestsApi } from '../../../core/api/rights.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { AutofocusDirective, ErrorTextPipe } from '../../../shared';

/** Two more months, once, with the reason the person is told. Closes with the updated request. */
@Component({
  selector: 'app-extend-request-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'requestExtend.title' | t: { n: data.requestNumber } }}</h2>
      <mat-dialog-content>
        <p>{{ 'requestExtend.intro' | t: { due: data.dueOn } }}</p>
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <mat-form-field class="full">
          <mat-label>{{ 'requestExtend.reason' | t }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" required appAutofocus data-testid="extend-reason"></textarea>
          <mat-hint>{{ 'requestExtend.reasonHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.reason.errors | errorText }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="extend-confirm">{{ (busy() ? 'common.saving' : 'requestExtend.submit') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: min(28rem, 80vw);
    }
  `,
})
export class ExtendRequestDialog {
  private readonly api = inject(SubjectRequestsApi);
  private readonly ref = inject<MatDialogRef<ExtendRequestDialog, SubjectRequestView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<SubjectRequestView>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(2000)] }),
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.errors.set([]);
    this.api.extend(this.data.id, this.form.controls.reason.value.trim()).subscribe({
      next: (request) => this.ref.close(request),
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
      },
    });
  }
}

/** Records the answer sent (or the rejection and why). Closes with the updated request. */
@Component({
  selector: 'app-answer-request-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'requestAnswer.title' | t: { n: data.requestNumber } }}</h2>
      <mat-dialog-content>
        @if (!data.identityChecked) {
          <p class="warning-banner" data-testid="answer-identity-warning">{{ 'requestAnswer.identityFirst' | t }}</p>
        }
        @if (errors().length) {
          <div class="form-error" role="alert" data-testid="answer-error">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <mat-radio-group formControlName="status" class="statuses" [attr.aria-label]="'requestAnswer.outcome' | t">
          <mat-radio-button value="answered">{{ 'requestAnswer.answered' | t }}</mat-radio-button>
          <mat-radio-button value="rejected">{{ 'requestAnswer.rejected' | t }}</mat-radio-button>
        </mat-radio-group>
        <mat-form-field class="full">
          <mat-label>{{ 'requestAnswer.answer' | t }}</mat-label>
          <textarea matInput formControlName="answer" rows="8" required appAutofocus data-testid="answer-text"></textarea>
          <mat-hint>{{ (form.controls.status.value === 'rejected' ? 'requestAnswer.rejectHint' : 'requestAnswer.answerHint') | t }}</mat-hint>
          <mat-error>{{ form.controls.answer.errors | errorText }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="answer-confirm">{{ (busy() ? 'common.saving' : 'requestAnswer.submit') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: min(34rem, 80vw);
    }
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin-bottom: 0.75rem;
    }
  `,
})
export class AnswerRequestDialog {
  private readonly api = inject(SubjectRequestsApi);
  private readonly ref = inject<MatDialogRef<AnswerRequestDialog, SubjectRequestView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<SubjectRequestView>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    status: new FormControl<'answered' | 'rejected'>('answered', { nonNullable: true }),
    answer: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(20000)] }),
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.errors.set([]);
    this.api.answer(this.data.id, { status: value.status, answer: value.answer.trim() }).subscribe({
      next: (request) => this.ref.close(request),
      error: (error: unknown) => {
        this.busy.set(false);
        if (apiError(error)?.fields?.['identityChecked']) {
          // The warning above the form says it already when the page knew; otherwise say it now.
          this.errors.set(this.data.identityChecked ? [() => this.i18n.t('requestAnswer.identityFirst')] : []);
          return;
        }
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
      },
    });
  }
}
