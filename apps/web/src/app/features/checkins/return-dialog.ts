import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CheckinDetail } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { CheckinsApi } from '../../core/api/checkins.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { AutofocusDirective, ErrorTextPipe } from '../../shared';

/** Pickup: who took the device, as the ID shown at the counter says. Closes with the returned check-in. */
@Component({
  selector: 'app-return-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'checkin.return.title' | t: { number: data.checkinNumber } }}</h2>
      <mat-dialog-content>
        <p>{{ 'checkin.return.intro' | t: { device: data.deviceLabel } }}</p>
        @if (data.hasPassword && !data.passwordDestroyedAt) {
          <p class="note">{{ 'checkin.return.passwordNote' | t }}</p>
        }
        @if (errors().length) {
          <div class="form-error" role="alert">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        <mat-form-field class="full">
          <mat-label>{{ 'checkin.return.pickedUpBy' | t }}</mat-label>
          <input matInput formControlName="pickedUpBy" required autocomplete="off" appAutofocus />
          <mat-hint>{{ 'checkin.return.pickedUpByHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.pickedUpBy.errors | errorText }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ (busy() ? 'common.saving' : 'checkin.return.submit') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReturnDialog {
  private readonly api = inject(CheckinsApi);
  private readonly ref = inject<MatDialogRef<ReturnDialog, CheckinDetail>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<CheckinDetail>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    pickedUpBy: new FormControl(this.data.handedInByName, { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
  });
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    this.errors.set([]);
    this.api.returnDevice(this.data.id, { pickedUpBy: this.form.controls.pickedUpBy.value.trim() }).subscribe({
      next: (checkin) => this.ref.close(checkin),
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
      },
    });
  }
}
