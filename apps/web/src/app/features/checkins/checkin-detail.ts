import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { CHECKIN_STATUSES, CheckinDetail, CheckinStatus, StaffMember, UpdateCheckinRequest } from '@privdesk/domain';
import { catchError, map, merge, of, Subject, switchMap, tap } from 'rxjs';
import { applyServerErrors, describeError, focusFirstInvalid, httpStatus } from '../../core/api/api-errors';
import { checkinReceiptUrl, CheckinsApi } from '../../core/api/checkins.api';
import { StaffApi } from '../../core/api/work.api';
import { Session } from '../../core/auth';
import { blankToNull, formatInstant } from '../../core/format';
import { I18n, TranslatePipe } from '../../core/i18n';
import { dateToIso, isoToDate } from '../../core/iso-date-adapter';
import {
  checkinStatusKey,
  deviceTypeKey,
  ErrorTextPipe,
  isStaleEdit,
  ListMemory,
  ListState,
  PrivacyBadge,
  StaleEdit,
  StaleEditNotice,
  ticketStatusKey,
} from '../../shared';
import { ReturnDialog } from './return-dialog';

/** How long a revealed device password stays on screen. */
export const PASSWORD_VISIBLE_SECONDS = 30;

type WorkStatus = Exclude<CheckinStatus, 'returned'>;

function workForm(checkin: CheckinDetail) {
  return new FormGroup({
    status: new FormControl<WorkStatus>(checkin.status === 'returned' ? 'ready' : checkin.status, { nonNullable: true }),
    assignedTechnicianId: new FormControl<string | null>(checkin.assignedTechnicianId),
    expectedReadyOn: new FormControl<Date | null>(isoToDate(checkin.expectedReadyOn)),
    workDone: new FormControl(checkin.workDone ?? '', { nonNullable: true }),
    accessories: new FormControl(checkin.accessories ?? '', { nonNullable: true }),
    condition: new FormControl(checkin.condition ?? '', { nonNullable: true }),
    serialNumber: new FormControl(checkin.serialNumber ?? '', { nonNullable: true }),
  });
}
type WorkForm = ReturnType<typeof workForm>;

@Component({
  selector: 'app-checkin-detail',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ErrorTextPipe,
    ListState,
    PrivacyBadge,
    StaleEditNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './checkin-detail.html',
  styleUrl: './checkin-detail.scss',
})
export class CheckinDetailPage {
  private readonly api = inject(CheckinsApi);
  private readonly staffApi = inject(StaffApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly memory = inject(ListMemory);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  readonly id = input.required<string>();

  protected readonly statuses = CHECKIN_STATUSES.filter((status): status is WorkStatus => status !== 'returned');
  protected readonly statusKey = checkinStatusKey;
  protected readonly ticketStatusKey = ticketStatusKey;
  protected readonly typeKey = deviceTypeKey;
  protected readonly formatInstant = formatInstant;
  protected readonly receiptUrl = checkinReceiptUrl;
  protected readonly backUrl = computed(() => this.router.parseUrl(this.memory.url('/checkins')));

  protected readonly checkin = signal<CheckinDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  protected readonly notFound = computed(() => httpStatus(this.error()) === 404);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  private readonly reload$ = new Subject<void>();

  protected readonly staff = signal<StaffMember[]>([]);
  protected readonly form = signal<WorkForm | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveErrors = signal<(() => string)[]>([]);
  /** The version the work form is based on; someone else's save in between is merged, not overwritten. */
  protected readonly stale = new StaleEdit((checkin: CheckinDetail) => workForm(checkin).getRawValue(), {
    labels: {
      status: 'checkin.status',
      assignedTechnicianId: 'checkin.technician',
      expectedReadyOn: 'checkin.expectedReadyOn',
      serialNumber: 'checkin.serialNumber',
      workDone: 'checkin.workDone',
      accessories: 'checkin.accessories',
      condition: 'checkin.condition',
    },
    show: (field, value) => this.showValue(field, value),
  });

  protected readonly isAssigned = computed(() => {
    const checkin = this.checkin();
    return !!checkin && checkin.assignedTechnicianId === this.session.user()?.id;
  });
  /** A technician takes an unassigned device for himself or herself; moving it from its technician is an admin's. */
  protected readonly technicianLocked = computed(() => this.session.user()?.role === 'technician' && !!this.checkin()?.assignedTechnicianId);
  protected readonly assignable = computed(() => {
    const user = this.session.user();
    return user?.role === 'technician' ? this.staff().filter((member) => member.id === user.id) : this.staff();
  });
  protected readonly password = signal<string | null>(null);
  protected readonly secondsLeft = signal(0);
  protected readonly passwordLoading = signal(false);
  protected readonly passwordError = signal<unknown>(null);
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    const byId = toObservable(this.id).pipe(
      tap(() => {
        this.checkin.set(null);
        this.hidePassword();
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
            map((checkin) => ({ checkin, error: null })),
            catchError((error: unknown) => of({ checkin: null, error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ checkin, error }) => {
        this.loading.set(false);
        this.error.set(error);
        if (checkin) this.show(checkin);
      });
    this.staffApi.list('technician').subscribe({ next: (staff) => this.staff.set(staff), error: () => this.staff.set([]) });
    inject(DestroyRef).onDestroy(() => this.hidePassword());
  }

  reload(): void {
    this.reload$.next();
  }

  protected describe(error: unknown): string {
    return describeError(error, this.i18n);
  }

  protected save(): void {
    const form = this.form();
    if (!form || this.saving()) return;
    if (form.invalid) {
      form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = form.getRawValue();
    const request: UpdateCheckinRequest = {
      status: v.status,
      assignedTechnicianId: v.assignedTechnicianId,
      expectedReadyOn: dateToIso(v.expectedReadyOn),
      workDone: blankToNull(v.workDone),
      accessories: blankToNull(v.accessories),
      condition: blankToNull(v.condition),
      serialNumber: blankToNull(v.serialNumber),
      version: this.stale.version,
    };
    this.saving.set(true);
    this.saveErrors.set([]);
    this.api.update(this.stale.record.id, request).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.show(updated);
        this.snackBar.open(this.i18n.t('checkin.saved'), undefined, { duration: 2500 });
      },
      error: (error: unknown) => {
        if (isStaleEdit(error)) {
          this.mergeTheirs(form);
          return;
        }
        const unmatched = applyServerErrors(form, error);
        this.saveErrors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        this.saving.set(false);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** Someone else saved the check-in first: their changes join what the user typed, and the notice says which. */
  private mergeTheirs(form: WorkForm): void {
    this.api.get(this.stale.record.id).subscribe({
      next: (current) => {
        this.saving.set(false);
        this.checkin.set(current);
        form.setValue(this.stale.merge(current, form.getRawValue()));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveErrors.set([() => describeError(error, this.i18n)]);
      },
    });
  }

  protected discardMine(form: WorkForm): void {
    form.reset(this.stale.discard());
  }

  private showValue(field: string, value: unknown): string | undefined {
    if (field === 'status') return this.i18n.t(checkinStatusKey(value as CheckinStatus));
    if (field !== 'assignedTechnicianId') return undefined;
    if (!value) return this.i18n.t('tickets.unassigned');
    const checkin = this.checkin();
    return this.staff().find((member) => member.id === value)?.name ?? (checkin?.assignedTechnicianId === value ? (checkin.assignedTechnicianName ?? undefined) : undefined);
  }

  protected returnDevice(checkin: CheckinDetail): void {
    this.dialog
      .open<ReturnDialog, CheckinDetail, CheckinDetail>(ReturnDialog, { data: checkin, injector: this.injector, width: '32rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((returned) => {
        if (!returned) return;
        this.hidePassword();
        this.show(returned);
        this.snackBar.open(this.i18n.t('checkin.return.done', { name: returned.pickedUpBy ?? '' }), undefined, { duration: 4000 });
      });
  }

  /** Asks for the password (audited) and hides it again after half a minute. */
  protected togglePassword(checkin: CheckinDetail): void {
    if (this.password()) {
      this.hidePassword();
      return;
    }
    this.passwordLoading.set(true);
    this.passwordError.set(null);
    this.api.password(checkin.id).subscribe({
      next: ({ password }) => {
        this.passwordLoading.set(false);
        this.password.set(password);
        this.secondsLeft.set(PASSWORD_VISIBLE_SECONDS);
        this.timer = setInterval(() => {
          const left = this.secondsLeft() - 1;
          if (left <= 0) this.hidePassword();
          else this.secondsLeft.set(left);
        }, 1000);
      },
      error: (error: unknown) => {
        this.passwordLoading.set(false);
        this.passwordError.set(error);
      },
    });
  }

  private hidePassword(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.password.set(null);
    this.secondsLeft.set(0);
  }

  private show(checkin: CheckinDetail): void {
    this.checkin.set(checkin);
    const form = checkin.status === 'returned' ? null : workForm(checkin);
    // Disabled fields still go back unchanged with the form (getRawValue), which is no reassignment.
    if (form && this.session.user()?.role === 'technician' && checkin.assignedTechnicianId) form.controls.assignedTechnicianId.disable();
    this.form.set(form);
    this.stale.start(checkin);
    this.saveErrors.set([]);
  }
}
