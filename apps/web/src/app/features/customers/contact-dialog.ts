import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
// The standalone pieces, not MatDatepicker, MatDatepickerInput, MatDatepickerToggle: the module re-provides MatDatepickerIntl and
// would hide the translated one provided by the route.
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ContactView, UpdateContactRequest } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { blankToNull } from '../../core/format';
import { dateToIso, isoToDate } from '../../core/iso-date-adapter';
import { I18n, TranslatePipe } from '../../core/i18n';
import { ErrorTextPipe, isStaleEdit, PersonFields, personForm, personInput, personLabels, PrivacyBadge, StaleEdit, StaleEditNotice } from '../../shared';

export interface ContactDialogData {
  customerId: string;
  contact: ContactView;
}

/** Mirrors `UpdateContactRequest`, so server field paths (`leftOn`, `person.email`) name controls. */
function contactForm(contact: ContactView) {
  return new FormGroup({
    person: personForm(contact.person),
    title: new FormControl(contact.title ?? '', { nonNullable: true }),
    leftOn: new FormControl<Date | null>(isoToDate(contact.leftOn)),
  });
}

/** Edits a contact person, including the day he or she left (which starts the retention clock). */
@Component({
  selector: 'app-contact-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ErrorTextPipe,
    PersonFields,
    PrivacyBadge,
    StaleEditNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ 'contacts.edit' | t }}</h2>
      <mat-dialog-content>
        <p class="privacy-line"><app-privacy-badge [privacy]="data.contact.privacy" /></p>
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
        <app-person-fields [group]="form.controls.person" [autofocus]="true" [personnummer]="'none'" />
        <div class="field-grid">
          <mat-form-field>
            <mat-label>{{ 'field.title' | t }}</mat-label>
            <input matInput formControlName="title" autocomplete="off" />
            <mat-error>{{ form.controls.title.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'field.leftOn' | t }}</mat-label>
            <input matInput [matDatepicker]="leftOnPicker" formControlName="leftOn" autocomplete="off" />
            <mat-datepicker-toggle matIconSuffix [for]="leftOnPicker" />
            <mat-datepicker #leftOnPicker />
            <mat-hint>{{ 'field.dateHint' | t }} · {{ 'field.leftOnHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.leftOn.errors | errorText }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">{{ (busy() ? 'common.saving' : 'common.save') | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ContactDialog {
  private readonly api = inject(CustomersApi);
  private readonly ref = inject<MatDialogRef<ContactDialog, boolean>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly data = inject<ContactDialogData>(MAT_DIALOG_DATA);

  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  protected readonly form = contactForm(this.data.contact);
  protected readonly stale = new StaleEdit(
    (contact: ContactView) => contactForm(contact).getRawValue(),
    { labels: { ...personLabels('person', 'field.personnummer'), title: 'field.title', leftOn: 'field.leftOn' } },
    this.data.contact,
  );

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const request: UpdateContactRequest = {
      title: blankToNull(value.title),
      leftOn: dateToIso(value.leftOn),
      person: personInput(this.form.controls.person, 'omit'),
      version: this.stale.version,
    };
    this.busy.set(true);
    this.errors.set([]);
    this.api.updateContact(this.data.customerId, this.data.contact.id, request).subscribe({
      next: () => this.ref.close(true),
      error: (error: unknown) => {
        if (isStaleEdit(error)) {
          this.mergeTheirs();
          return;
        }
        const unmatched = applyServerErrors(this.form, error, ['person']);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** Someone else saved the contact first: their changes join what the user typed, and the notice says which. */
  private mergeTheirs(): void {
    this.api.get(this.data.customerId).subscribe({
      next: (customer) => {
        this.busy.set(false);
        const current = customer.contacts.find((contact) => contact.id === this.data.contact.id);
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
