import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
// The standalone pieces, not the module: it would re-provide MatDatepickerIntl and hide the translated one.
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { CreateHoldRequest, HoldView, stockholmDate } from '@privdesk/domain';
import { applyServerErrors, describeError, focusFirstInvalid, httpStatus } from '../../../core/api/api-errors';
import { RetentionApi } from '../../../core/api/retention.api';
import { formatInstant } from '../../../core/format';
import { dateToIso, isoToDate } from '../../../core/iso-date-adapter';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ConfirmDialog, ConfirmDialogData, ErrorTextPipe, ListState } from '../../../shared';
import { extractId, RECORD_TYPES, RecordType, recordTypeKey } from './retention-labels';
import { RetentionNav } from './retention-nav';
import { afterTodayValidator, idValidator } from './validators';

type HoldTarget = 'person' | 'record';

/** Legal holds: records the cull must leave alone (a dispute, an investigation), and placing new ones. */
@Component({
  selector: 'app-holds',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    ListState,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    ErrorTextPipe,
    RetentionNav,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './holds.html',
  styleUrl: './holds.scss',
})
export class HoldsPage {
  private readonly api = inject(RetentionApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18n);

  protected readonly columns = ['label', 'what', 'reason', 'until', 'created', 'actions'];
  protected readonly formatInstant = formatInstant;
  protected readonly recordTypes = RECORD_TYPES;
  protected readonly tomorrow = isoToDate(stockholmDate(new Date(Date.now() + 86_400_000)));

  protected readonly holds = signal<HoldView[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly releasing = signal<ReadonlySet<string>>(new Set());

  protected readonly form = new FormGroup({
    target: new FormControl<HoldTarget>('person', { nonNullable: true }),
    personId: new FormControl('', { nonNullable: true, validators: [Validators.required, idValidator] }),
    recordType: new FormControl<RecordType>('customer', { nonNullable: true, validators: [Validators.required] }),
    recordId: new FormControl('', { nonNullable: true, validators: [Validators.required, idValidator] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(3)] }),
    until: new FormControl<Date | null>(null, { validators: [afterTodayValidator] }),
  });
  protected readonly target = signal<HoldTarget>('person');
  protected readonly saving = signal(false);
  protected readonly formErrors = signal<(() => string)[]>([]);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  constructor() {
    this.setTarget('person');
    this.form.controls.target.valueChanges.pipe(takeUntilDestroyed()).subscribe((target) => this.setTarget(target));
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.holds().subscribe({
      next: (holds) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.holds.set(holds);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected what(hold: HoldView): string {
    if (hold.personId) return this.i18n.t('holds.wholePerson');
    const key = recordTypeKey(hold.recordType);
    return key ? this.i18n.t(key) : (hold.recordType ?? '');
  }

  protected typeLabel(type: RecordType): string {
    return this.i18n.t(`recordType.${type}`);
  }

  protected create(): void {
    if (this.saving()) return;
    const form = this.form;
    if (form.invalid) {
      form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = form.getRawValue();
    const common = { reason: value.reason.trim(), until: dateToIso(value.until) };
    const request: CreateHoldRequest =
      value.target === 'person'
        ? { personId: extractId(value.personId) ?? value.personId, ...common }
        : { recordType: value.recordType, recordId: extractId(value.recordId) ?? value.recordId, ...common };
    this.saving.set(true);
    this.formErrors.set([]);
    this.api.createHold(request).subscribe({
      next: (hold) => {
        this.saving.set(false);
        this.holds.update((holds) => [hold, ...holds.filter((h) => h.id !== hold.id)]);
        this.formDirective().resetForm({ target: value.target, personId: '', recordType: value.recordType, recordId: '', reason: '', until: null });
        this.setTarget(value.target);
        this.snackBar.open(this.i18n.t('holds.created', { label: hold.label }), undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (httpStatus(error) === 404) {
          const control = value.target === 'person' ? form.controls.personId : form.controls.recordId;
          control.setErrors({ notFound: true });
          control.markAsTouched();
          this.formErrors.set([() => this.i18n.t('error.idNotFound')]);
        } else {
          const unmatched = applyServerErrors(form, error);
          this.formErrors.set([() => describeError(error, this.i18n), ...unmatched.map((text) => () => text)]);
        }
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  protected release(hold: HoldView): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.i18n.t('holds.releaseTitle'),
          text: this.i18n.t('holds.releaseText', { label: hold.label, reason: hold.reason }),
          confirm: this.i18n.t('holds.release'),
        },
        width: '30rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.doRelease(hold);
      });
  }

  private doRelease(hold: HoldView): void {
    this.setReleasing(hold.id, true);
    this.api.releaseHold(hold.id).subscribe({
      next: () => {
        this.setReleasing(hold.id, false);
        this.holds.update((holds) => holds.filter((h) => h.id !== hold.id));
        this.snackBar.open(this.i18n.t('holds.released', { label: hold.label }), undefined, { duration: 3000 });
      },
      error: (error: unknown) => {
        this.setReleasing(hold.id, false);
        this.snackBar.open(describeError(error, this.i18n), this.i18n.t('common.close'), { duration: 8000 });
        // Already released elsewhere (409) or gone (404): show the list as it is now.
        if (httpStatus(error) === 409 || httpStatus(error) === 404) this.load();
      },
    });
  }

  private setTarget(target: HoldTarget): void {
    this.target.set(target);
    const { personId, recordType, recordId } = this.form.controls;
    if (target === 'person') {
      personId.enable({ emitEvent: false });
      recordType.disable({ emitEvent: false });
      recordId.disable({ emitEvent: false });
    } else {
      personId.disable({ emitEvent: false });
      recordType.enable({ emitEvent: false });
      recordId.enable({ emitEvent: false });
    }
  }

  private setReleasing(id: string, on: boolean): void {
    this.releasing.update((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
