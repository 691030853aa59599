import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { CreateCheckinRequest, CustomerDetail, DEVICE_TYPES, DeviceType, PersonExistsParams, StaffMember } from '@privdesk/domain';
import { catchError, of, switchMap } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { CheckinsApi } from '../../core/api/checkins.api';
import { CustomersApi } from '../../core/api/customers.api';
import { StaffApi } from '../../core/api/work.api';
import { Session } from '../../core/auth';
import { blankToNull } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { dateToIso } from '../../core/iso-date-adapter';
import {
  CustomerPick,
  customerPick,
  CustomerPicker,
  customerPeople,
  deviceTypeKey,
  ErrorTextPipe,
  PersonExistsNotice,
  personExists,
  PersonFields,
  personForm,
  personInput,
} from '../../shared';

/** A company without a data processing agreement: technicians should not handle its data yet. */
export function dpaMissing(customer: CustomerDetail | null): boolean {
  return !!customer && customer.type === 'organisation' && !customer.organisation?.dpaSignedOn;
}

/**
 * Intake at the counter, on one screen: on whose behalf (the customer), who hands the device in
 * (someone registered or a new person), the device and its fault, and who takes it on.
 */
@Component({
  selector: 'app-checkin-new',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    CustomerPicker,
    PersonFields,
    PersonExistsNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './checkin-new.html',
  styles: `
    fieldset {
      border: none;
      margin: 0 0 0.5rem;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-medium);
      margin-bottom: 0.5rem;
    }
    .full {
      grid-column: 1 / -1;
    }
    .full-width {
      width: 100%;
    }
    .mode {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin-bottom: 0.5rem;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CheckinNewPage implements OnInit {
  private readonly api = inject(CheckinsApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly staffApi = inject(StaffApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** `?customerId=` (from a customer's page). */
  readonly customerId = input<string>();

  protected readonly deviceTypes = DEVICE_TYPES;
  protected readonly typeKey = deviceTypeKey;

  /** Mirrors `CreateCheckinRequest`, so the server's field paths (`handedInBy.phone`, `make`) name its controls. */
  protected readonly form = new FormGroup({
    customer: new FormControl<CustomerPick | null>(null, { validators: [Validators.required] }),
    handedInMode: new FormControl<'existing' | 'new'>('new', { nonNullable: true }),
    handedInById: new FormControl<string | null>(null, { validators: [Validators.required] }),
    handedInBy: personForm(),
    deviceType: new FormControl<DeviceType>('laptop', { nonNullable: true }),
    make: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    model: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    serialNumber: new FormControl('', { nonNullable: true }),
    accessories: new FormControl('', { nonNullable: true }),
    condition: new FormControl('', { nonNullable: true }),
    reportedFault: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    expectedReadyOn: new FormControl<Date | null>(null),
    devicePassword: new FormControl('', { nonNullable: true }),
    assignedTechnicianId: new FormControl<string | null>(null),
  });
  protected readonly customer = signal<CustomerDetail | null>(null);
  protected readonly people = computed(() => customerPeople(this.customer()));
  protected readonly dpaMissing = computed(() => dpaMissing(this.customer()));
  protected readonly mode = signal<'existing' | 'new'>('new');
  protected readonly staff = signal<StaffMember[]>([]);
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);
  protected readonly showPassword = signal(false);
  /** The person already registered with the typed address (the server's `person_exists`). */
  protected readonly existing = signal<PersonExistsParams | null>(null);

  constructor() {
    this.applyMode('new');
    this.form.controls.handedInBy.controls.email.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.existing.set(null));
    this.form.controls.handedInMode.valueChanges.pipe(takeUntilDestroyed()).subscribe((mode) => this.applyMode(mode));
    this.form.controls.customer.valueChanges
      .pipe(
        switchMap((picked) => (picked ? this.customersApi.get(picked.id).pipe(catchError(() => of(null))) : of(null))),
        takeUntilDestroyed(),
      )
      .subscribe((customer) => {
        this.customer.set(customer);
        // A person customer usually hands in his or her own device; a company sends someone.
        const people = customerPeople(customer);
        const first = customer?.type === 'person' ? people[0] : undefined;
        this.form.controls.handedInById.setValue(first?.id ?? null);
        this.form.controls.handedInMode.setValue(first ? 'existing' : 'new');
      });
    this.staffApi.list('technician').subscribe({ next: (staff) => this.staff.set(staff), error: () => this.staff.set([]) });
  }

  ngOnInit(): void {
    const user = this.session.user();
    if (user?.role === 'technician') this.form.controls.assignedTechnicianId.setValue(user.id);
    const customerId = this.customerId();
    if (customerId) this.customersApi.get(customerId).subscribe({ next: (customer) => this.form.controls.customer.setValue(customerPick(customer)) });
  }

  /** `existingPersonId`: the registered person the technician chose to use (blank fields filled in). */
  protected submit(existingPersonId?: string): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set([() => this.i18n.t('error.validation')]);
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const request: CreateCheckinRequest = {
      customerId: v.customer?.id ?? '',
      deviceType: v.deviceType,
      make: v.make.trim(),
      model: v.model.trim(),
      serialNumber: blankToNull(v.serialNumber),
      accessories: blankToNull(v.accessories),
      condition: blankToNull(v.condition),
      reportedFault: v.reportedFault.trim(),
      expectedReadyOn: dateToIso(v.expectedReadyOn),
      // A password is not trimmed: spaces may belong to it.
      devicePassword: v.devicePassword === '' ? null : v.devicePassword,
      assignedTechnicianId: v.assignedTechnicianId,
    };
    if (v.handedInMode === 'existing' && v.handedInById) request.handedInById = v.handedInById;
    else {
      request.handedInBy = personInput(this.form.controls.handedInBy, 'omit');
      if (existingPersonId) request.existingPersonId = existingPersonId;
    }

    this.busy.set(true);
    this.errors.set([]);
    this.existing.set(null);
    this.api.create(request).subscribe({
      next: (checkin) => {
        this.busy.set(false);
        this.snackBar.open(this.i18n.t('checkin.new.created', { number: checkin.checkinNumber }), undefined, { duration: 4000 });
        void this.router.navigate(['/checkins', checkin.id]);
      },
      error: (error: unknown) => {
        this.existing.set(personExists(error));
        if (this.existing()) {
          this.busy.set(false);
          return;
        }
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** Only the chosen way of naming the person is validated and sent; the other keeps its input. */
  private applyMode(mode: 'existing' | 'new'): void {
    this.mode.set(mode);
    if (mode === 'existing') {
      this.form.controls.handedInById.enable({ emitEvent: false });
      this.form.controls.handedInBy.disable({ emitEvent: false });
    } else {
      this.form.controls.handedInById.disable({ emitEvent: false });
      this.form.controls.handedInBy.enable({ emitEvent: false });
    }
  }
}
