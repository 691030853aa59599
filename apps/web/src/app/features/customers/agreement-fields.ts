import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
// The standalone pieces, not MatDatepicker, MatDatepickerInput, MatDatepickerToggle: the module re-provides MatDatepickerIntl and
// would hide the translated one provided by the route.
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '../../core/i18n';
import { AutofocusDirective, ErrorTextPipe, refreshOnFormEvents } from '../../shared';
import { AgreementForm } from './agreement-form';

@Component({
  selector: 'app-agreement-fields',
  imports: [ReactiveFormsModule, MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field-grid" [formGroup]="group()">
      <mat-form-field class="wide">
        <mat-label>{{ 'field.agreementTitle' | t }}</mat-label>
        <input matInput formControlName="title" required autocomplete="off" [appAutofocus]="autofocus()" />
        <mat-error>{{ group().controls.title.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.startDate' | t }}</mat-label>
        <input matInput [matDatepicker]="startPicker" formControlName="startDate" required autocomplete="off" />
        <mat-datepicker-toggle matIconSuffix [for]="startPicker" />
        <mat-datepicker #startPicker />
        <mat-hint>{{ 'field.dateHint' | t }}</mat-hint>
        <mat-error>{{ group().controls.startDate.errors | errorText }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'field.endDate' | t }}</mat-label>
        <input matInput [matDatepicker]="endPicker" formControlName="endDate" [min]="group().controls.startDate.value" autocomplete="off" />
        <mat-datepicker-toggle matIconSuffix [for]="endPicker" />
        <mat-datepicker #endPicker />
        <mat-hint>{{ 'field.dateHint' | t }} · {{ 'field.endDateHint' | t }}</mat-hint>
        <mat-error>{{ group().controls.endDate.errors | errorText }}</mat-error>
      </mat-form-field>
    </div>
  `,
})
export class AgreementFields {
  readonly group = input.required<AgreementForm>();
  readonly autofocus = input(false);

  constructor() {
    refreshOnFormEvents(this.group);
  }
}
