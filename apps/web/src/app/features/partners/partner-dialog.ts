import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { PARTNER_KINDS, PartnerContactView, PartnerKind, PersonExistsParams, stockholmDate } from '@privdesk/domain';
import { Observable } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { blankToNull } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { dateToIso, isoToDate } from '../../core/iso-date-adapter';
import {
  AutofocusDirective,
  ErrorTextPipe,
  isStaleEdit,
  PersonExistsNotice,
  personExists,
  PersonFields,
  personForm,
  personInput,
  StaleEdit,
  StaleEditNotice,
} from '../../shared';
import { kindKey, PartnersApi } from './partners.api';

export interface PartnerContactDialogData {
  /** Null: a new contact. */
  contact: PartnerContactView | null;
}

function partnerForm(contact: PartnerContactView | null) {
  return new FormGroup({
    person: personForm(),
    organisationName: new FormControl(contact?.organisationName ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    kind: new FormControl<PartnerKind | null>(contact?.kind ?? null, { validators: [Validators.required] }),
    title: new FormControl(contact?.title ?? '', { nonNullable: true, validators: [Validators.maxLength(100)] }),
    notes: new FormControl(contact?.notes ?? '', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
    lastContactOn: new FormControl<Date | null>(isoToDate(contact?.lastContactOn ?? stockholmDate(new Date())), { validators: [Validators.required] }),
    relationshipEndedOn: new FormControl<Date | null>(isoToDate(contact?.relationshipEndedOn ?? null)),
  });
}

/** A supplier or partner contact: who, where, and the dates the deadline runs from. Closes with the saved contact. */
@Component({
  selector: 'app-partner-contact-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    PersonFields,
    PersonExistsNotice,
    AutofocusDirective,
    StaleEditNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <h2 mat-dialog-title>{{ (contact ? 'partners.editTitle' : 'partners.addTitle') | t: { name: contact?.name ?? '' } }}</h2>
      <mat-dialog-content>
        @if (stale.conflict(); as conflict) {
          <app-stale-edit [conflict]="conflict" [busy]="busy()" (saveAgain)="save()" (discard)="discardMine()" />
        }
        @if (errors().length) {
          <div class="form-error" role="alert" data-testid="partner-error">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }
        @if (!contact) {
          <app-person-fields [group]="form.controls.person" [autofocus]="true" [address]="false" personnummer="none" />
          @if (existing(); as existing) {
            <app-person-exists [existing]="existing" [busy]="busy()" (use)="save($event)" />
          }
        }
        <div class="field-grid">
          <mat-form-field>
            <mat-label>{{ 'partners.organisation' | t }}</mat-label>
            <input matInput formControlName="organisationName" required autocomplete="off" [appAutofocus]="!!contact" data-testid="partner-organisation" />
            <mat-error>{{ form.controls.organisationName.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'partners.kind' | t }}</mat-label>
            <mat-select formControlName="kind" required data-testid="partner-kind">
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ kindKey(k) | t }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.kind.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'partners.titleField' | t }}</mat-label>
            <input matInput formControlName="title" autocomplete="off" data-testid="partner-title" />
            <mat-error>{{ form.controls.title.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'partners.lastContactOn' | t }}</mat-label>
            <input matInput [matDatepicker]="lastPicker" formControlName="lastContactOn" required autocomplete="off" />
            <mat-datepicker-toggle matIconSuffix [for]="lastPicker" />
            <mat-datepicker #lastPicker />
            <mat-hint>{{ 'partners.lastContactHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.lastContactOn.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'partners.relationshipEndedOn' | t }}</mat-label>
            <input matInput [matDatepicker]="endPicker" formControlName="relationshipEndedOn" autocomplete="off" />
            <mat-datepicker-toggle matIconSuffix [for]="endPicker" />
            <mat-datepicker #endPicker />
            <mat-hint>{{ 'partners.relationshipEndedHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.relationshipEndedOn.errors | errorText }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field class="full">
          <mat-label>{{ 'partners.notes' | t }}</mat-label>
          <textarea matInput formControlName="notes" rows="3"></textarea>
          <mat-hint>{{ 'partners.notesHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.notes.errors | errorText }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="partner-save">
          {{ (busy() ? 'common.saving' : contact ? 'common.save' : 'common.add') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
})
export class PartnerContactDialog {
  private readonly api = inject(PartnersApi);
  private readonly ref = inject<MatDialogRef<PartnerContactDialog, PartnerContactView>>(MatDialogRef);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly contact = inject<PartnerContactDialogData>(MAT_DIALOG_DATA).contact;

  protected readonly kinds = PARTNER_KINDS;
  protected readonly kindKey = kindKey;

  protected readonly form = partnerForm(this.contact);
  /** An edit is based on the contact's version; someone else's save in between is merged, not overwritten. */
  protected readonly stale = new StaleEdit(
    (contact: PartnerContactView) => partnerForm(contact).getRawValue(),
    {
      labels: {
        organisationName: 'partners.organisation',
        kind: 'partners.kind',
        title: 'partners.titleField',
        notes: 'partners.notes',
        lastContactOn: 'partners.lastContactOn',
        relationshipEndedOn: 'partners.relationshipEndedOn',
      },
      show: (field, value) => (field === 'kind' && value ? this.i18n.t(kindKey(value as PartnerKind)) : undefined),
    },
    this.contact,
  );
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  /** The person already registered with the typed address (the server's `person_exists`). */
  protected readonly existing = signal<PersonExistsParams | null>(null);

  constructor() {
    // Editing: the person is edited where people are; the fields are not part of this form.
    if (this.contact) this.form.controls.person.disable();
    this.form.controls.person.controls.email.valueChanges.subscribe(() => this.existing.set(null));
  }

  /** `existingPersonId`: the registered person the staff chose to use (blank fields filled in). */
  protected save(existingPersonId?: string): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const fields = {
      organisationName: value.organisationName.trim(),
      kind: value.kind as PartnerKind,
      title: blankToNull(value.title),
      notes: blankToNull(value.notes),
      lastContactOn: dateToIso(value.lastContactOn) ?? '',
      relationshipEndedOn: dateToIso(value.relationshipEndedOn),
    };
    const request: Observable<PartnerContactView> = this.contact
      ? this.api.update(this.contact.id, { ...fields, version: this.stale.version })
      : this.api.create({ person: personInput(this.form.controls.person, 'omit'), ...(existingPersonId ? { existingPersonId } : {}), ...fields });
    this.busy.set(true);
    this.errors.set([]);
    this.existing.set(null);
    request.subscribe({
      next: (contact) => this.ref.close(contact),
      error: (error: unknown) => {
        if (this.contact && isStaleEdit(error)) {
          this.mergeTheirs(this.contact.id);
          return;
        }
        this.busy.set(false);
        this.existing.set(personExists(error));
        if (this.existing()) return;
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** Someone else saved the contact first: their changes join what the user typed, and the notice says which. */
  private mergeTheirs(id: string): void {
    this.api.get(id).subscribe({
      next: (current) => {
        this.busy.set(false);
        this.form.setValue(this.stale.merge(current, this.form.getRawValue()));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.set([() => describeError(error, this.i18n)]);
      },
    });
  }

  protected discardMine(): void {
    this.form.reset(this.stale.discard());
  }
}
