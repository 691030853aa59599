import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { BusinessHoursView, Holiday } from '@privdesk/domain';
import { apiError, describeError, focusFirstInvalid } from '../../../core/api/api-errors';
import { BusinessHoursApi } from '../../../core/api/business-hours.api';
import { I18n, TranslatePipe } from '../../../core/i18n';
import { ErrorTextPipe, ListState, refreshOnFormEvents } from '../../../shared';
import { calendarFromForm, dayKey, hoursErrorKey, normalizeTime, openingHoursForm, setCalendar, timeErrorKey, WEEKDAYS } from './opening-hours-form';

/** The week's opening hours and whether holidays close: the SLA clock of every ticket runs on them. */
@Component({
  selector: 'app-opening-hours',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorTextPipe, ListState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="hours-heading" data-testid="opening-hours">
      <h2 id="hours-heading">{{ 'hours.title' | t }}</h2>
      <p class="intro">{{ 'hours.intro' | t }}</p>
      <app-list-state [loading]="loading()" [error]="error()" [errorText]="errorText()" (retry)="load()">
        <ng-container listStateError>{{ 'hours.loadError' | t }}</ng-container>
      </app-list-state>
      @if (view(); as v) {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="hours-form">
          @if (errors().length) {
            <div class="form-error" role="alert">
              @for (message of errors(); track $index) {
                <p>{{ message() }}</p>
              }
            </div>
          }
          <div class="week" formGroupName="week" role="group" [attr.aria-label]="'hours.title' | t">
            @for (day of weekdays; track day) {
              @let dayName = dayKey(day) | t;
              @let controls = form.controls.week.controls[day].controls;
              <div class="day" [formGroupName]="day" [attr.data-testid]="'day-' + day">
                <span class="day-name" [id]="'day-name-' + day">{{ dayName }}</span>
                <mat-checkbox formControlName="closed" [aria-label]="'hours.closedOn' | t: { day: dayName }">{{ 'hours.closed' | t }}</mat-checkbox>
                <mat-form-field class="time" subscriptSizing="dynamic">
                  <mat-label>{{ 'hours.opens' | t }}</mat-label>
                  <input matInput formControlName="opens" inputmode="numeric" autocomplete="off" maxlength="5" [attr.aria-label]="'hours.opensOn' | t: { day: dayName }" (blur)="tidy(controls.opens)" />
                  <mat-error>{{ timeError(controls.opens.errors) || (controls.opens.errors | errorText) }}</mat-error>
                </mat-form-field>
                <mat-form-field class="time" subscriptSizing="dynamic">
                  <mat-label>{{ 'hours.closes' | t }}</mat-label>
                  <input matInput formControlName="closes" inputmode="numeric" autocomplete="off" maxlength="5" [attr.aria-label]="'hours.closesOn' | t: { day: dayName }" (blur)="tidy(controls.closes)" />
                  <mat-error>{{ timeError(controls.closes.errors) || (controls.closes.errors | errorText) }}</mat-error>
                </mat-form-field>
              </div>
            }
          </div>
          <mat-checkbox formControlName="closedOnHolidays" data-testid="closed-on-holidays">{{ 'hours.closedOnHolidays' | t }}</mat-checkbox>
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy() || form.pristine" data-testid="hours-save">{{ (busy() ? 'common.saving' : 'common.save') | t }}</button>
          </div>
        </form>

        <h3 id="holidays-heading">{{ 'hours.holidays' | t }}</h3>
        <p class="intro">
          {{ 'hours.holidaysIntro' | t }} {{ (v.calendar.closedOnHolidays ? 'hours.holidaysClosed' : 'hours.holidaysOpen') | t }}
        </p>
        <div class="holiday-years">
          @for (year of years(); track year.year) {
            <section [attr.aria-labelledby]="'holidays-' + year.year">
              <h4 [id]="'holidays-' + year.year">{{ year.year }}</h4>
              <ul class="holidays" data-testid="holidays">
                @for (holiday of year.holidays; track holiday.date) {
                  <li>
                    <time [attr.datetime]="holiday.date">{{ holiday.date }}</time>
                    <span>{{ holiday.name[i18n.lang()] }}</span>
                  </li>
                }
              </ul>
            </section>
          }
        </div>
      }
    </section>
  `,
  styles: `
    h2 {
      margin-top: 0;
    }
    .week {
      display: grid;
      gap: 0.25rem;
      max-width: 46rem;
      margin-bottom: 0.75rem;
    }
    .day {
      display: grid;
      grid-template-columns: 8rem 7rem 11rem 11rem;
      /* Top-aligned so that an error under one time field does not shift the row. */
      align-items: start;
      gap: 0.25rem 1rem;
      padding-block: 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .day-name {
      font-weight: 600;
      padding-top: 1rem;
    }
    .day mat-checkbox {
      padding-top: 0.3rem;
    }
    .time {
      width: 100%;
    }
    .holiday-years {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 0 2rem;
    }
    h4 {
      margin: 0.5rem 0 0.25rem;
    }
    .holidays {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .holidays li {
      display: grid;
      grid-template-columns: 7rem 1fr;
      gap: 0.5rem;
      padding: 0.2rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .holidays time {
      font-variant-numeric: tabular-nums;
    }
    @media (max-width: 600px) {
      .day {
        grid-template-columns: 1fr 1fr;
      }
      .day-name {
        grid-column: 1;
        align-self: center;
        padding-top: 0;
      }
      .day mat-checkbox {
        grid-column: 2;
        justify-self: end;
        padding-top: 0;
      }
    }
  `,
})
export class OpeningHoursSettings {
  private readonly api = inject(BusinessHoursApi);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly weekdays = WEEKDAYS;
  protected readonly dayKey = dayKey;
  protected readonly form = openingHoursForm();
  protected readonly view = signal<BusinessHoursView | null>(null);
  protected readonly years = computed(() => groupByYear(this.view()?.holidays ?? []));
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly errorText = computed(() => (this.error() ? describeError(this.error(), this.i18n) : ''));
  protected readonly errors = signal<(() => string)[]>([]);

  constructor() {
    refreshOnFormEvents(signal(this.form));
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.get().subscribe({
      next: (view) => {
        this.loading.set(false);
        setCalendar(this.form, view.calendar);
        this.view.set(view);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }

  protected timeError(errors: Parameters<typeof timeErrorKey>[0]): string {
    if (errors?.['server']) return '';
    const key = timeErrorKey(errors);
    return key ? this.i18n.t(key) : '';
  }

  protected tidy(control: FormControl<string>): void {
    const tidy = normalizeTime(control.value);
    if (tidy !== control.value) control.setValue(tidy);
  }

  protected save(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(this.form.controls.week.hasError('noOpenDay') ? [() => this.i18n.t('hours.error.noDay')] : []);
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    this.errors.set([]);
    this.api.save(calendarFromForm(this.form)).subscribe({
      next: (view) => {
        this.busy.set(false);
        setCalendar(this.form, view.calendar);
        this.view.set(view);
        this.snackBar.open(this.i18n.t('hours.saved'), undefined, { duration: 2500 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.set([() => describeError(error, this.i18n), ...this.applyServerErrors(error)]);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** The server's field messages at their fields, in the user's language; the rest above the form. */
  private applyServerErrors(error: unknown): (() => string)[] {
    const unmatched: (() => string)[] = [];
    for (const [path, messages] of Object.entries(apiError(error)?.fields ?? {})) {
      const message = (Array.isArray(messages) ? messages : [String(messages)]).join(' ');
      const key = hoursErrorKey(path, message);
      const control = this.form.get(path);
      if (control instanceof FormControl && key) {
        control.setErrors({ server: this.i18n.t(key) });
        control.markAsTouched();
      } else unmatched.push(() => (key ? this.i18n.t(key) : message));
    }
    return unmatched;
  }
}

function groupByYear(holidays: Holiday[]): { year: string; holidays: Holiday[] }[] {
  const years = new Map<string, Holiday[]>();
  for (const holiday of holidays) {
    const year = holiday.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), holiday]);
  }
  return [...years].map(([year, list]) => ({ year, holidays: list }));
}
