import { AbstractControl, ValidationErrors } from '@angular/forms';
import { isIsoDate, stockholmDate } from '@privdesk/domain';
import { dateToIso } from '../../../core/iso-date-adapter';
import { extractId } from './retention-labels';

/** The field holds an id (a UUID), possibly inside a pasted address. Empty passes (use `required`). */
export function idValidator(control: AbstractControl<string | null>): ValidationErrors | null {
  const value = (control.value ?? '').trim();
  return value === '' || extractId(value) ? null : { id: true };
}

/** A date field (Date or ISO string) that must be after today, in Stockholm. Empty passes. */
export function afterTodayValidator(control: AbstractControl<Date | string | null>): ValidationErrors | null {
  const value = control.value;
  const iso = value instanceof Date ? dateToIso(value) : value;
  if (!iso || !isIsoDate(iso)) return null;
  return iso > stockholmDate(new Date()) ? null : { afterToday: true };
}

/** A date field (Date or ISO string) that must be today or earlier, in Stockholm. Empty passes. */
export function notAfterTodayValidator(control: AbstractControl<Date | string | null>): ValidationErrors | null {
  const value = control.value;
  const iso = value instanceof Date ? dateToIso(value) : value;
  if (!iso || !isIsoDate(iso)) return null;
  return iso <= stockholmDate(new Date()) ? null : { notAfterToday: true };
}

/** A whole number (the rule's months and years). Empty passes. */
export function integerValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || (value as unknown) === '' || Number.isInteger(Number(value)) ? null : { integer: true };
}
