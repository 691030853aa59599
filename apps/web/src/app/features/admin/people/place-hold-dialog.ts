import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
// The standalone pieces, not the module: it would re-provide MatDatepickerIntl and hide the translated one.
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { HoldView, PersonView, stockholmDate } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../../core/api/api-errors';
import { RetentionApi } from '../../../core/api/retention.api';
import { dateToIso, isoToDate } from '../../../core/iso-date-adapter';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { AutofocusDirective, ErrorTextPipe } from '../../../shared';
import { afterTodayValidator } from '../retention/validators';

export interface PlaceHoldDialogData {
  person: PersonView;
}

/** Places a legal hold on a person found in the search: the cull leaves every record about him or her alone. */
@Component({
  selector: 'app-place-hold-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="person-hold-form">
      <h2 mat-dialog-title>{{ 'people.holdTitle' | t: { name: data.person.fullName } }}</h2>
      <mat-dialog-content>
        <p>{{ 'people.holdIntro' | t }}</p>
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <mat-form-field class="full">
          <mat-label>{{ 'holds.reason' | t }}</mat-label>
          <textarea matInput formControlName="reason" required rows="3" appAutofocus data-testid="person-hold-reason"></textarea>
          <mat-hint>{{ 'holds.reasonHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.reason.errors | errorText }}</mat-error>
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>{{ 'holds.until' | t }}</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="until" [min]="tomorrow" autocomplete="off" data-testid="person-hold-until" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint>{{ 'field.dateHint' | t }} · {{ 'holds.untilHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.until.errors | errorText }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="person-hold-submit">
          {{ (busy() ? 'common.saving' : 'holds.submit') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
      margin-bottom: 0.5rem;
    }
  `,
})
export class PlaceHoldDialog {
  private readonly api = inject(RetentionApi);
  private readonly ref = inject<MatDialogRef<PlaceHoldDialog, HoldView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<PlaceHoldDialogData>(MAT_DIALOG_DATA);
  protected readonly tomorrow = isoToDate(stockholmDate(new Date(Date.now() + 86_400_000)));

  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(3)] }),
    until: new FormControl<Date | null>(null, { validators: [afterTodayValidator] }),
  });

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.errors.set([]);
    this.api.createHold({ personId: this.data.person.id, reason: value.reason.trim(), until: dateToIso(value.until) }).subscribe({
      next: (hold) => this.ref.close(hold),
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
