import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { CreateCustomerRequest, CustomerType, PersonExistsParams } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { I18n, TranslatePipe } from '../../core/i18n';
import { OrganisationFields, organisationForm, organisationInput, PersonExistsNotice, personExists, PersonFields, personForm, personInput } from '../../shared';

@Component({
  selector: 'app-customer-new',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslatePipe,
    PersonFields,
    OrganisationFields,
    PersonExistsNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
      <a class="back-link" routerLink="/customers">← {{ 'customer.back' | t }}</a>
      <h1>{{ 'customer.new.title' | t }}</h1>

      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <div class="kind">
          <span id="customer-kind-label" class="kind-label">{{ 'customer.new.kind' | t }}</span>
          <mat-radio-group formControlName="type" aria-labelledby="customer-kind-label">
            <mat-radio-button value="person">{{ 'customers.type.person' | t }}</mat-radio-button>
            <mat-radio-button value="organisation">{{ 'customers.type.organisation' | t }}</mat-radio-button>
          </mat-radio-group>
        </div>

        @if (errors().length) {
          <div class="form-error" role="alert" data-testid="form-error">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }

        @switch (type()) {
          @case ('person') {
            <app-person-fields [group]="form.controls.person" [autofocus]="true" />
            @if (existing(); as existing) {
              <app-person-exists [existing]="existing" [busy]="busy()" (use)="submit($event)" />
            }
          }
          @case ('organisation') {
            <app-organisation-fields [group]="form.controls.organisation" [autofocus]="true" />
          }
        }

        <p class="privacy-note">{{ 'customer.new.privacyNote' | t }}</p>

        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ (busy() ? 'common.saving' : 'customer.new.submit') | t }}
          </button>
          <a mat-button routerLink="/customers">{{ 'common.cancel' | t }}</a>
        </div>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
      </form>
    </section>
  `,
  styles: `
    .kind {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-bottom: 1rem;
    }
    .kind-label {
      font: var(--mat-sys-title-small);
    }
    .privacy-note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CustomerNewPage {
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The form mirrors the request body, so the server's `fields` paths (`person.email`) name its controls. */
  protected readonly form = new FormGroup({
    type: new FormControl<CustomerType>('person', { nonNullable: true }),
    person: personForm(),
    organisation: organisationForm(),
  });
  protected readonly type = signal<CustomerType>('person');
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  /** The person already registered with the typed address (the server's `person_exists`). */
  protected readonly existing = signal<PersonExistsParams | null>(null);

  constructor() {
    this.applyType('person');
    this.form.controls.type.valueChanges.pipe(takeUntilDestroyed()).subscribe((type) => this.applyType(type));
    this.form.controls.person.controls.email.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.existing.set(null));
  }

  /** `existingPersonId`: the registered person the staff chose to use (blank fields filled in). */
  protected submit(existingPersonId?: string): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set([() => this.i18n.t('error.validation')]);
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const type = this.form.controls.type.value;
    const request: CreateCustomerRequest =
      type === 'person'
        ? { type, person: personInput(this.form.controls.person), ...(existingPersonId ? { existingPersonId } : {}) }
        : { type, organisation: organisationInput(this.form.controls.organisation) };
    this.busy.set(true);
    this.errors.set([]);
    this.existing.set(null);
    this.api.create(request).subscribe({
      next: (customer) => {
        this.busy.set(false);
        this.snackBar.open(this.i18n.t('customer.new.created', { number: customer.customerNumber }), undefined, { duration: 4000 });
        void this.router.navigate(['/customers', customer.id]);
      },
      error: (error: unknown) => {
        this.existing.set(personExists(error));
        if (this.existing()) {
          this.busy.set(false);
          return;
        }
        const unmatched = applyServerErrors(this.form, error, [type]);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** Only the chosen kind's fields are validated and sent; the other group keeps its input. */
  private applyType(type: CustomerType): void {
    this.type.set(type);
    const [on, off] =
      type === 'person'
        ? [this.form.controls.person, this.form.controls.organisation]
        : [this.form.controls.organisation, this.form.controls.person];
    on.enable({ emitEvent: false });
    off.disable({ emitEvent: false });
    this.errors.set([]);
  }
}
