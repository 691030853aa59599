import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
// The standalone pieces, not MatDatepickerModule: the module re-provides MatDatepickerIntl and would hide the translated one.
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '../core/i18n';
import { AutofocusDirective } from './autofocus.directive';
import { refreshOnFormEvents } from './refresh-on-form-events';
import { OrganisationForm } from './customer-forms';
import { ErrorTextPipe } from './error-text.pipe';

/** The labelled fields of a company, bound to an `OrganisationForm`. */
@Component({
  selector: 'app-organisation-fields',
  imports: [ReactiveFormsModule, MatDatepicker, MatDatepickerInput, MatDatepickerToggle, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field-grid" [formGroup]="group()">
      <mat-form-field class="wide">
        <mat-label>{{ 'field.orgName' | t }}</mat-label>
        <input matInput formControlName="name" required autocomplete="off" [appAutofocus]="autofocus()" />
        <mat-error>{{ group().controls.name.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.orgNumber' | t }}</mat-label>
        <input matInput formControlName="orgNumber" autocomplete="off" spellcheck="false" />
        <mat-hint>{{ 'field.orgNumberHint' | t }}</mat-hint>
        <mat-error>{{ group().controls.orgNumber.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.email' | t }}</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" />
        <mat-error>{{ group().controls.email.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.phone' | t }}</mat-label>
        <input matInput type="tel" formControlName="phone" autocomplete="off" />
        <mat-error>{{ group().controls.phone.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>{{ 'field.street' | t }}</mat-label>
        <input matInput formControlName="street" autocomplete="off" />
        <mat-error>{{ group().controls.street.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.postalCode' | t }}</mat-label>
        <input matInput formControlName="postalCode" inputmode="numeric" autocomplete="off" />
        <mat-error>{{ group().controls.postalCode.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.city' | t }}</mat-label>
        <input matInput formControlName="city" autocomplete="off" />
        <mat-error>{{ group().controls.city.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.dpaSignedOn' | t }}</mat-label>
        <input matInput [matDatepicker]="dpaPicker" formControlName="dpaSignedOn" autocomplete="off" />
        <mat-datepicker-toggle matIconSuffix [for]="dpaPicker" />
        <mat-datepicker #dpaPicker />
        <mat-hint>{{ 'field.dateHint' | t }} · {{ 'field.dpaSignedOnHint' | t }}</mat-hint>
        <mat-error>{{ group().controls.dpaSignedOn.errors | errorText }}</mat-error>
      </mat-form-field>
    </div>
  `,
})
export class OrganisationFields {
  readonly group = input.required<OrganisationForm>();
  readonly autofocus = input(false);

  constructor() {
    refreshOnFormEvents(this.group);
  }
}
