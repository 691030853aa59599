import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { CheckinDetail, CreateTicketRequest, CustomerDetail, StaffMember, TICKET_PRIORITIES, TicketPriority } from '@privdesk/domain';
import { catchError, of, switchMap } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid } from '../../core/api/api-errors';
import { CheckinsApi } from '../../core/api/checkins.api';
import { CustomersApi } from '../../core/api/customers.api';
import { TicketsApi } from '../../core/api/tickets.api';
import { StaffApi } from '../../core/api/work.api';
import { Session } from '../../core/auth';
import { I18n, TranslatePipe } from '../../core/i18n';
import { AutofocusDirective, CustomerPick, customerPick, CustomerPicker, customerPeople, ErrorTextPipe, ticketPriorityKey } from '../../shared';

/** A new support ticket; from a check-in (`?customerId=&checkinId=`) the device's fault is filled in. */
@Component({
  selector: 'app-ticket-new',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    AutofocusDirective,
    CustomerPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page narrow">
      <a class="back-link" routerLink="/tickets">← {{ 'ticket.back' | t }}</a>
      <h1>{{ 'ticket.new.title' | t }}</h1>

      @if (checkin(); as c) {
        <p class="for-device" data-testid="for-checkin">
          {{ 'ticket.new.forCheckin' | t: { number: c.checkinNumber, device: c.deviceLabel } }}
        </p>
      }

      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (errors().length) {
          <div class="form-error" role="alert" data-testid="form-error">
            @for (message of errors(); track $index) {
              <p>{{ message() }}</p>
            }
          </div>
        }

        <div class="field-grid">
          <app-customer-picker class="wide" [control]="form.controls.customer" [autofocus]="!customerId()" />
          <mat-form-field>
            <mat-label>{{ 'ticket.requester' | t }}</mat-label>
            <mat-select formControlName="requesterId">
              <mat-option [value]="null">{{ 'ticket.noRequester' | t }}</mat-option>
              @for (person of people(); track person.id) {
                <mat-option [value]="person.id">{{ person.name }}{{ person.title ? ' (' + person.title + ')' : '' }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ (form.controls.customer.value ? 'ticket.requesterHint' : 'ticket.requesterPickCustomer') | t }}</mat-hint>
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'ticket.subject' | t }}</mat-label>
            <input matInput formControlName="subject" required autocomplete="off" [appAutofocus]="!!customerId()" />
            <mat-error>{{ form.controls.subject.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label>{{ 'ticket.description' | t }}</mat-label>
            <textarea matInput formControlName="description" required rows="5"></textarea>
            <mat-error>{{ form.controls.description.errors | errorText }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'ticket.priority' | t }}</mat-label>
            <mat-select formControlName="priority">
              @for (priority of priorities; track priority) {
                <mat-option [value]="priority">{{ priorityKey(priority) | t }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'ticket.priorityHint' | t }}</mat-hint>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'ticket.assignee' | t }}</mat-label>
            <mat-select formControlName="assigneeId">
              <mat-option [value]="null">{{ 'tickets.unassigned' | t }}</mat-option>
              @for (member of staff(); track member.id) {
                <mat-option [value]="member.id">{{ member.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>

        <p class="privacy-note">{{ 'ticket.new.privacyNote' | t }}</p>

        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="busy()">{{ (busy() ? 'common.saving' : 'ticket.new.submit') | t }}</button>
          <a mat-button routerLink="/tickets">{{ 'common.cancel' | t }}</a>
        </div>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
      </form>
    </section>
  `,
  styles: `
    .full {
      grid-column: 1 / -1;
    }
    .privacy-note,
    .for-device {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .for-device {
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class TicketNewPage implements OnInit {
  private readonly api = inject(TicketsApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly checkinsApi = inject(CheckinsApi);
  private readonly staffApi = inject(StaffApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Query parameters (`withComponentInputBinding`). */
  readonly customerId = input<string>();
  readonly checkinId = input<string>();

  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly priorityKey = ticketPriorityKey;

  protected readonly form = new FormGroup({
    customer: new FormControl<CustomerPick | null>(null, { validators: [Validators.required] }),
    requesterId: new FormControl<string | null>(null),
    subject: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    priority: new FormControl<TicketPriority>('normal', { nonNullable: true }),
    assigneeId: new FormControl<string | null>(null),
  });
  private readonly customerDetail = signal<CustomerDetail | null>(null);
  protected readonly people = computed(() => customerPeople(this.customerDetail()));
  protected readonly staff = signal<StaffMember[]>([]);
  protected readonly checkin = signal<CheckinDetail | null>(null);
  private preferredRequester: string | null = null;
  protected readonly busy = signal(false);
  protected readonly errors = signal<(() => string)[]>([]);

  constructor() {
    this.form.controls.customer.valueChanges
      .pipe(
        switchMap((picked) => {
          this.form.controls.requesterId.setValue(null);
          return picked ? this.customersApi.get(picked.id).pipe(catchError(() => of(null))) : of(null);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((customer) => {
        this.customerDetail.set(customer);
        this.preferRequester();
      });
    this.staffApi.list('technician').subscribe({ next: (staff) => this.staff.set(staff), error: () => this.staff.set([]) });
  }

  ngOnInit(): void {
    const user = this.session.user();
    if (user?.role === 'technician') this.form.controls.assigneeId.setValue(user.id);
    const customerId = this.customerId();
    if (customerId) {
      this.customersApi.get(customerId).subscribe({ next: (customer) => this.form.controls.customer.setValue(customerPick(customer)) });
    }
    const checkinId = this.checkinId();
    if (checkinId) {
      this.checkinsApi.get(checkinId).subscribe({
        next: (checkin) => {
          this.checkin.set(checkin);
          if (!this.form.controls.subject.value) this.form.controls.subject.setValue(`${checkin.deviceLabel}: ${checkin.reportedFault}`.slice(0, 200));
          if (!this.form.controls.description.value) this.form.controls.description.setValue(checkin.reportedFault);
          // The one who handed the device in is the natural requester.
          this.preferredRequester = checkin.handedInById;
          this.preferRequester();
          if (checkin.assignedTechnicianId) this.form.controls.assigneeId.setValue(checkin.assignedTechnicianId);
        },
      });
    }
  }

  private preferRequester(): void {
    const preferred = this.preferredRequester;
    if (preferred && !this.form.controls.requesterId.value && this.people().some((p) => p.id === preferred)) {
      this.form.controls.requesterId.setValue(preferred);
    }
  }

  protected submit(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set([() => this.i18n.t('error.validation')]);
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const request: CreateTicketRequest = {
      customerId: v.customer?.id ?? '',
      requesterId: v.requesterId,
      subject: v.subject.trim(),
      description: v.description.trim(),
      priority: v.priority,
      assigneeId: v.assigneeId,
      checkinId: this.checkinId() || null,
    };
    this.busy.set(true);
    this.errors.set([]);
    this.api.create(request).subscribe({
      next: (ticket) => {
        this.busy.set(false);
        this.snackBar.open(this.i18n.t('ticket.new.created', { number: ticket.ticketNumber }), undefined, { duration: 4000 });
        void this.router.navigate(['/tickets', ticket.id]);
      },
      error: (error: unknown) => {
        const unmatched = applyServerErrors(this.form, error);
        this.errors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.busy.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }
}
