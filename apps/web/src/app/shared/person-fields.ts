import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '../core/i18n';
import { AutofocusDirective } from './autofocus.directive';
import { refreshOnFormEvents } from './refresh-on-form-events';
import { PersonForm } from './customer-forms';
import { ErrorTextPipe } from './error-text.pipe';

/** The labelled fields of a person, bound to a `PersonForm` (inside the caller's `<form>`). */
@Component({
  selector: 'app-person-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field-grid" [formGroup]="group()">
      <mat-form-field>
        <mat-label>{{ 'field.firstName' | t }}</mat-label>
        <input matInput formControlName="firstName" required autocomplete="off" [appAutofocus]="autofocus()" />
        <mat-error>{{ group().controls.firstName.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.lastName' | t }}</mat-label>
        <input matInput formControlName="lastName" required autocomplete="off" />
        <mat-error>{{ group().controls.lastName.errors | errorText }}</mat-error>
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
      @if (address()) {
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
      }
      @if (personnummer() !== 'none') {
        <mat-form-field>
          <mat-label>{{ (personnummer() === 'replace' ? 'field.personnummerKeep' : 'field.personnummer') | t }}</mat-label>
          <input matInput formControlName="personnummer" autocomplete="off" spellcheck="false" />
          <mat-hint>{{ 'field.personnummerHint' | t }}</mat-hint>
          <mat-error>{{ group().controls.personnummer.errors | errorText }}</mat-error>
        </mat-form-field>
      }
    </div>
  `,
})
export class PersonFields {
  readonly group = input.required<PersonForm>();
  readonly autofocus = input(false);

  constructor() {
    refreshOnFormEvents(this.group);
  }
  readonly address = input(true);
  /** 'optional' on create, 'replace' on edit (empty keeps the stored number), 'none' to hide. */
  readonly personnummer = input<'optional' | 'replace' | 'none'>('optional');
}
