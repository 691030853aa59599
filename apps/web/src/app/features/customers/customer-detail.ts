import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { CustomerDetail, UpdateCustomerRequest } from '@privdesk/domain';
import { catchError, map, merge, of, Subject, switchMap, tap } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid, httpStatus } from '../../core/api/api-errors';
import { CustomersApi } from '../../core/api/customers.api';
import { Session } from '../../core/auth';
import { formatDate } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import {
  isStaleEdit,
  OrganisationFields,
  OrganisationForm,
  organisationForm,
  organisationInput,
  organisationLabels,
  PersonFields,
  PersonForm,
  personForm,
  personInput,
  personLabels,
  PrivacyBadge,
  StaleEdit,
  StaleEditNotice,
} from '../../shared';
import { AgreementsSection } from './agreements-section';
import { ContactsSection } from './contacts-section';
import { customerTypeKey } from './customer-keys';

type EditForm = FormGroup<{ person: PersonForm }> | FormGroup<{ organisation: OrganisationForm }>;
type EditValues = ReturnType<EditForm['getRawValue']>;

/** The edit form of a person customer's person or a company customer's organisation. */
function editForm(customer: CustomerDetail): EditForm {
  return customer.type === 'person'
    ? new FormGroup({ person: personForm(customer.person) })
    : new FormGroup({ organisation: organisationForm(customer.organisation) });
}

/** The form's two shapes differ; both are set from values of their own shape. */
const setValues = (form: EditForm, values: EditValues, reset = false) =>
  reset ? (form as FormGroup).reset(values) : (form as FormGroup).setValue(values);

@Component({
  selector: 'app-customer-detail',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    PrivacyBadge,
    PersonFields,
    OrganisationFields,
    ContactsSection,
    AgreementsSection,
    StaleEditNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './customer-detail.html',
  styleUrl: './customer-detail.scss',
})
export class CustomerDetailPage {
  private readonly api = inject(CustomersApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);
  protected readonly typeKey = customerTypeKey;
  protected readonly formatDate = formatDate;

  /** From the route (`withComponentInputBinding`). */
  readonly id = input.required<string>();

  protected readonly customer = signal<CustomerDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly notFound = computed(() => httpStatus(this.error()) === 404);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly reload$ = new Subject<void>();

  protected readonly editForm = signal<EditForm | null>(null);
  protected readonly saving = signal(false);
  protected readonly editErrors = signal<(() => string)[]>([]);
  /** The version the edit is based on; someone else's save in between is merged, not overwritten. */
  protected readonly stale = new StaleEdit<CustomerDetail, EditValues>((customer) => editForm(customer).getRawValue(), {
    labels: { ...personLabels(), ...organisationLabels() },
  });

  protected readonly personnummer = signal<string | null>(null);
  protected readonly personnummerLoading = signal(false);
  protected readonly personnummerError = signal<unknown>(null);

  constructor() {
    const byId = toObservable(this.id).pipe(
      tap(() => {
        this.customer.set(null);
        this.editForm.set(null);
        this.personnummer.set(null);
      }),
    );
    merge(byId, this.reload$.pipe(map(() => this.id())))
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((id) =>
          this.api.get(id).pipe(
            map((customer) => ({ customer, error: null })),
            catchError((error: unknown) => of({ customer: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ customer, error }) => {
        this.loading.set(false);
        this.error.set(error);
        if (customer) this.customer.set(customer);
      });
  }

  /** Fetches the customer again: contacts, agreements and every badge's recomputed deadline. */
  reload(): void {
    this.reload$.next();
  }

  protected startEdit(customer: CustomerDetail): void {
    this.editErrors.set([]);
    this.stale.start(customer);
    this.editForm.set(editForm(customer));
  }

  protected cancelEdit(): void {
    this.editForm.set(null);
    this.editErrors.set([]);
  }

  protected personGroup(form: EditForm): PersonForm | null {
    return 'person' in form.controls ? form.controls.person : null;
  }

  protected organisationGroup(form: EditForm): OrganisationForm | null {
    return 'organisation' in form.controls ? form.controls.organisation : null;
  }

  protected save(): void {
    const form = this.editForm();
    if (!form || this.saving()) return;
    if (form.invalid) {
      form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const person = this.personGroup(form);
    const organisation = this.organisationGroup(form);
    const version = this.stale.version;
    const request: UpdateCustomerRequest = person
      ? { person: personInput(person, 'ifFilled'), version }
      : { organisation: organisationInput(organisation as OrganisationForm), version };
    this.saving.set(true);
    this.editErrors.set([]);
    this.api.update(this.stale.record.id, request).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.stale.start(updated);
        this.customer.set(updated);
        this.editForm.set(null);
        this.personnummer.set(null);
        this.snackBar.open(this.i18n.t('customer.saved'), undefined, { duration: 3000 });
        this.reload();
      },
      error: (error: unknown) => {
        if (isStaleEdit(error)) {
          this.mergeTheirs(form);
          return;
        }
        const unmatched = applyServerErrors(form, error, [person ? 'person' : 'organisation']);
        this.editErrors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.saving.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** Someone else saved the customer first: their changes join what the user typed, and the notice says which. */
  private mergeTheirs(form: EditForm): void {
    this.api.get(this.stale.record.id).subscribe({
      next: (current) => {
        this.saving.set(false);
        this.customer.set(current);
        setValues(form, this.stale.merge(current, form.getRawValue()));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.editErrors.set([() => describeError(error, this.i18n)]);
      },
    });
  }

  protected discardMine(form: EditForm): void {
    setValues(form, this.stale.discard(), true);
  }

  protected togglePersonnummer(personId: string): void {
    if (this.personnummer()) {
      this.personnummer.set(null);
      return;
    }
    this.personnummerLoading.set(true);
    this.personnummerError.set(null);
    this.api.personnummer(personId).subscribe({
      next: ({ personnummer }) => {
        this.personnummerLoading.set(false);
        this.personnummer.set(personnummer);
      },
      error: (error: unknown) => {
        this.personnummerLoading.set(false);
        this.personnummerError.set(error);
      },
    });
  }

  protected describe(error: unknown): string {
    return describeError(error, this.i18n);
  }
}
