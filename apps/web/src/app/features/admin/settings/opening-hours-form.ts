import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { BusinessCalendar, isClockTime, WeeklyHours } from '@privdesk/domain';
import type { HoursKey } from '../../../core/i18n/sv-hours';

/** ISO weekdays, Monday first, as the calendar's keys. */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type DayForm = FormGroup<{ closed: FormControl<boolean>; opens: FormControl<string>; closes: FormControl<string> }>;
/** Mirrors `BusinessCalendar`, so the server's `week.1.closes` finds its control. */
export type OpeningHoursForm = FormGroup<{ week: FormGroup<Record<Weekday, DayForm>>; closedOnHolidays: FormControl<boolean> }>;

/** Forgiving input: `8` → `08:00`, `830` or `8.30` → `08:30`; anything else is left as typed. */
export function normalizeTime(value: string): string {
  const text = value.trim();
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text);
  if (!match) return text;
  const time = `${match[1].padStart(2, '0')}:${match[2] ?? '00'}`;
  return isClockTime(time) ? time : text;
}

const clockTime: ValidatorFn = (control) => (isClockTime(control.value) ? null : { clockTime: true });

/** On the closing time: it must come after the opening time of the same day. */
const afterOpening: ValidatorFn = (control) => {
  const opens = control.parent?.get('opens')?.value;
  return isClockTime(opens) && isClockTime(control.value) && control.value <= opens ? { closesBeforeOpens: true } : null;
};

/** On the week: at least one day open. */
const someDayOpen: ValidatorFn = (week: AbstractControl): ValidationErrors | null =>
  Object.values((week as FormGroup).controls).some((day) => !day.get('closed')?.value) ? null : { noOpenDay: true };

function dayForm(): DayForm {
  const form: DayForm = new FormGroup({
    closed: new FormControl(false, { nonNullable: true }),
    opens: new FormControl('08:00', { nonNullable: true, validators: [clockTime] }),
    closes: new FormControl('17:00', { nonNullable: true, validators: [clockTime, afterOpening] }),
  });
  form.controls.opens.valueChanges.subscribe(() => form.controls.closes.updateValueAndValidity({ emitEvent: false }));
  form.controls.closed.valueChanges.subscribe((closed) => setClosed(form, closed));
  return form;
}

/** A closed day's times are kept (to open it again) but neither validated nor sent. */
function setClosed(day: DayForm, closed: boolean): void {
  for (const control of [day.controls.opens, day.controls.closes]) {
    if (closed) control.disable({ emitEvent: false });
    else control.enable({ emitEvent: false });
  }
}

export function openingHoursForm(): OpeningHoursForm {
  const days = Object.fromEntries(WEEKDAYS.map((day) => [day, dayForm()])) as Record<Weekday, DayForm>;
  return new FormGroup({
    week: new FormGroup(days, { validators: someDayOpen }),
    closedOnHolidays: new FormControl(true, { nonNullable: true }),
  });
}

/** Puts a stored calendar into the form (a closed day shows the usual 08:00–17:00, disabled). */
export function setCalendar(form: OpeningHoursForm, calendar: BusinessCalendar): void {
  const week = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const hours = calendar.week[day];
      return [day, { closed: !hours, opens: hours?.opens ?? '08:00', closes: hours?.closes ?? '17:00' }];
    }),
  ) as Record<Weekday, { closed: boolean; opens: string; closes: string }>;
  form.reset({ week, closedOnHolidays: calendar.closedOnHolidays });
  for (const day of WEEKDAYS) setClosed(form.controls.week.controls[day], week[day].closed);
}

/** The request body: a closed day is null. */
export function calendarFromForm(form: OpeningHoursForm): BusinessCalendar {
  const week = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const value = form.controls.week.controls[day].getRawValue();
      return [day, value.closed ? null : { opens: normalizeTime(value.opens), closes: normalizeTime(value.closes) }];
    }),
  ) as WeeklyHours;
  return { week, closedOnHolidays: form.controls.closedOnHolidays.value };
}

/**
 * Which of our texts says what the server found wrong at `path` (`week.1.closes`, `week`): its
 * own sentences are English, the screen may be Swedish.
 */
export function hoursErrorKey(path: string, message: string): HoursKey | null {
  if (path === 'week') return 'hours.error.noDay';
  if (/^week\.[1-7]\.closes$/.test(path) && /after/i.test(message)) return 'hours.error.order';
  if (/^week\.[1-7]\.(opens|closes)$/.test(path)) return 'hours.error.time';
  return null;
}

/** The text under a time field for its client-side errors (server texts are set as `server`). */
export function timeErrorKey(errors: ValidationErrors | null): HoursKey | null {
  if (!errors) return null;
  if (errors['clockTime']) return 'hours.error.time';
  if (errors['closesBeforeOpens']) return 'hours.error.order';
  return null;
}

/** The translation key of a weekday's name. */
export const dayKey = (day: Weekday): `hours.day.${Weekday}` => `hours.day.${day}`;
