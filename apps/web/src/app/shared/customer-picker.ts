import { ChangeDetectionStrategy, Component, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CustomerListItem, CustomerType } from '@privdesk/domain';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, startWith, switchMap } from 'rxjs';
import { CustomersApi } from '../core/api/customers.api';
import { TranslatePipe, TranslationKey } from '../core/i18n';
import { AutofocusDirective } from './autofocus.directive';
import { ErrorTextPipe } from './error-text.pipe';
import { refreshOnFormEvents } from './refresh-on-form-events';

/** A customer picked in a form: enough to show and to send. */
export interface CustomerPick {
  id: string;
  customerNumber: number;
  name: string;
  type: CustomerType;
}

export function customerPick(customer: Pick<CustomerListItem, 'id' | 'customerNumber' | 'name' | 'type'>): CustomerPick {
  return { id: customer.id, customerNumber: customer.customerNumber, name: customer.name, type: customer.type };
}

/** The text control's state follows the picked value's: red when no customer was chosen. */
class PickErrorState implements ErrorStateMatcher {
  constructor(private readonly picked: () => FormControl<CustomerPick | null>) {}
  isErrorState(): boolean {
    const control = this.picked();
    return control.invalid && control.touched;
  }
}

/**
 * Find a customer by typing a name, customer number, e-mail or phone (results as you type);
 * the chosen customer goes into `control`, typing again clears it.
 */
@Component({
  selector: 'app-customer-picker',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, AutofocusDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="picker">
      <mat-label>{{ label() | t }}</mat-label>
      <input
        matInput
        type="search"
        [formControl]="text"
        [matAutocomplete]="auto"
        [errorStateMatcher]="errorState"
        [required]="required()"
        [appAutofocus]="autofocus()"
        autocomplete="off"
        spellcheck="false"
        data-testid="customer-picker"
        (blur)="control().markAsTouched()"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="choose($event)" autoActiveFirstOption>
        @for (option of options(); track option.id) {
          <mat-option [value]="option">
            <span class="name">{{ option.name }}</span>
            <span class="sub">{{ 'picker.customerNumber' | t: { n: option.customerNumber } }}{{ option.email ? ' · ' + option.email : '' }}{{ option.phone ? ' · ' + option.phone : '' }}</span>
          </mat-option>
        }
        @if (searched() && !options().length) {
          <mat-option disabled>{{ 'picker.noCustomers' | t }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ 'picker.customerHint' | t }}</mat-hint>
      <mat-error>{{ control().errors | errorText }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .picker {
      width: 100%;
    }
    .sub {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CustomerPicker {
  private readonly api = inject(CustomersApi);

  readonly control = input.required<FormControl<CustomerPick | null>>();
  readonly label = input<TranslationKey>('picker.customer');
  readonly required = input(true);
  readonly autofocus = input(false);

  protected readonly text = new FormControl<CustomerListItem | CustomerPick | string>('', { nonNullable: true });
  protected readonly options = signal<CustomerListItem[]>([]);
  protected readonly searched = signal(false);
  protected readonly errorState = new PickErrorState(() => this.control());
  protected readonly display = (value: CustomerPick | string | null) =>
    typeof value === 'string' || !value ? (value ?? '') : `${value.name} (${value.customerNumber})`;

  constructor() {
    refreshOnFormEvents(this.control);

    // A customer set from outside (prefilled from the URL) shows in the box.
    toObservable(this.control)
      .pipe(
        switchMap((control) => control.valueChanges.pipe(startWith(control.value))),
        takeUntilDestroyed(),
      )
      .subscribe((picked) => {
        const current = this.text.value;
        if (picked && (typeof current === 'string' || current.id !== picked.id)) this.text.setValue(picked, { emitEvent: false });
      });

    this.text.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => {
          const picked = untracked(this.control);
          if (picked.value) picked.setValue(null);
          if (!q) return of(null);
          return this.api.list({ q, pageSize: 10 }).pipe(
            map((page) => page.items),
            catchError(() => of([] as CustomerListItem[])),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((items) => {
        this.options.set(items ?? []);
        this.searched.set(items !== null);
      });

  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const customer = event.option.value as CustomerListItem;
    this.control().setValue(customerPick(customer));
    this.control().markAsTouched();
  }
}
