import { Injectable, Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_NATIVE_DATE_FORMATS, MatDateFormats, NativeDateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { I18nDatepickerIntl } from './i18n/datepicker-intl';

/** The display/parse format name that means `YYYY-MM-DD`. */
export const ISO_FORMAT = 'YYYY-MM-DD';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local-midnight `Date` as `YYYY-MM-DD` (what the API takes). */
export function dateToIso(date: Date | null | undefined): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM-DD` (or `YYYYMMDD`) as a local-midnight `Date`; null when it is not a real calendar date. */
export function isoToDate(value: string | null | undefined): Date | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec((value ?? '').trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(year, month, day);
  date.setFullYear(year);
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : null;
}

/**
 * Material's native adapter, but every date field shows and reads `YYYY-MM-DD` whatever the
 * browser's locale (Swedish practice and the API's format). Weeks start on Monday.
 */
@Injectable()
export class IsoDateAdapter extends NativeDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value === 'string') {
      if (value.trim() === '') return null;
      return isoToDate(value) ?? this.invalid();
    }
    return super.parse(value, parseFormat);
  }

  override format(date: Date, displayFormat: object | string): string {
    if (displayFormat === ISO_FORMAT) {
      if (!this.isValid(date)) throw Error('IsoDateAdapter: cannot format an invalid date.');
      return dateToIso(date) ?? '';
    }
    return super.format(date, displayFormat as object);
  }

  override getFirstDayOfWeek(): number {
    return 1;
  }
}

export const ISO_DATE_FORMATS: MatDateFormats = {
  ...MAT_NATIVE_DATE_FORMATS,
  parse: { ...MAT_NATIVE_DATE_FORMATS.parse, dateInput: ISO_FORMAT },
  display: { ...MAT_NATIVE_DATE_FORMATS.display, dateInput: ISO_FORMAT },
};

/**
 * For the lazy routes that have date fields (kept out of the initial bundle). Dialogs opened from
 * those routes must be given the opener's `injector` to see these providers.
 */
export function provideDateFields(): Provider[] {
  return [
    { provide: DateAdapter, useClass: IsoDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: ISO_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: I18nDatepickerIntl },
  ];
}
