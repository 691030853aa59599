import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MIN_PASSWORD_LENGTH, StaffUser } from '@privdesk/domain';
import { UsersApi } from '../../core/api/admin.api';
import { applyServerErrors, describeError } from '../../core/api/api-errors';
import { I18n, TranslatePipe } from '../../core/i18n';
import { AutofocusDirective, ErrorTextPipe, isStaleEdit, StaleEdit, StaleEditNotice } from '../../shared';

export interface PasswordDialogData {
  user: StaffUser;
}

/** The form has no field of the stored user (a password is never shown): someone else's save changes none of its values. */
const passwordValues = () => ({ password: '' });

@Component({
  selector: 'app-password-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
    StaleEditNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'users.resetPasswordFor' | t: { name: data.user.name } }}</h2>
      <mat-dialog-content>
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
        <mat-form-field class="full">
          <mat-label>{{ 'field.password' | t }}</mat-label>
          <input matInput type="password" formControlName="password" required autocomplete="new-password" appAutofocus />
          <mat-hint>{{ 'field.passwordHint' | t: { n: minPassword } }}</mat-hint>
          <mat-error>{{ form.controls.password.errors | errorText }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ (busy() ? 'common.saving' : 'common.save') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
})
export class PasswordDialog {
  private readonly api = inject(UsersApi);
  private readonly ref = inject<MatDialogRef<PasswordDialog, StaffUser>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<PasswordDialogData>(MAT_DIALOG_DATA);
  protected readonly minPassword = MIN_PASSWORD_LENGTH;

  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  protected readonly form = new FormGroup({
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)],
    }),
  });
  protected readonly stale = new StaleEdit(passwordValues, { labels: { password: 'field.password' } }, this.data.user);

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.errors.set([]);
    this.api.update(this.data.user.id, { password: this.form.controls.password.value, version: this.stale.version }).subscribe({
      next: (user) => this.ref.close(user),
      error: (error: unknown) => {
        if (isStaleEdit(error)) {
          this.mergeTheirs();
          return;
        }
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
      },
    });
  }

  /** Someone else saved the user first (a role, another new password): the notice says so; the typed password stays. */
  private mergeTheirs(): void {
    this.api.list().subscribe({
      next: (users) => {
        this.busy.set(false);
        const current = users.find((user) => user.id === this.data.user.id);
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
