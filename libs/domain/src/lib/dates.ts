import { tz } from '@date-fns/tz';
import { addDays, addMonths, addYears, format, isValid, parse } from 'date-fns';

/** Sweden's civil time zone: every calendar date in Privdesk is a date in Stockholm. */
export const BUSINESS_TIME_ZONE = 'Europe/Stockholm';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const inUtc = { in: tz('UTC') };

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  return isValid(parse(value, 'yyyy-MM-dd', new Date(0), inUtc));
}

function toDate(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return parse(date, 'yyyy-MM-dd', new Date(0), inUtc);
}

const toIso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd', inUtc);

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  return toIso(addMonths(toDate(date), months, inUtc));
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return toIso(addDays(toDate(date), days, inUtc));
}

/** Adds calendar years; 29 Feb + 1 year = 28 Feb. */
export function addCalendarYears(date: IsoDate, years: number): IsoDate {
  return toIso(addYears(toDate(date), years, inUtc));
}

/** The calendar date in Stockholm at the given instant. */
export function stockholmDate(instant: Date): IsoDate {
  return format(instant, 'yyyy-MM-dd', { in: tz(BUSINESS_TIME_ZONE) });
}

/** Date and time in Stockholm, `YYYY-MM-DD HH:mm`, for documents and mails. */
export function stockholmDateTime(instant: Date): string {
  return format(instant, 'yyyy-MM-dd HH:mm', { in: tz(BUSINESS_TIME_ZONE) });
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function yearOf(date: IsoDate): number {
  return Number(toDate(date).getUTCFullYear());
}

/**
 * The last day of the financial year that contains `date`, for a financial year ending on the
 * last day of `endMonth` (12 = calendar year, the default for most Swedish companies).
 */
export function financialYearEnd(date: IsoDate, endMonth = 12): IsoDate {
  const [year, month] = date.split('-').map(Number);
  const endYear = month > endMonth ? year + 1 : year;
  const firstOfNext = endMonth === 12 ? `${endYear + 1}-01-01` : `${endYear}-${String(endMonth + 1).padStart(2, '0')}-01`;
  return toIso(new Date(toDate(firstOfNext).getTime() - 86_400_000));
}
