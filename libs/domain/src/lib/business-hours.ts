import { TZDate } from '@date-fns/tz';
import { addCalendarDays, BUSINESS_TIME_ZONE, IsoDate, stockholmDate } from './dates';

/**
 * Opening hours and Swedish public holidays: the calendar a ticket's SLA clock runs on. Computed
 * here, with no calendar service: the holidays follow from the year (Easter by the Gregorian
 * computus, midsummer and All Saints by their weekday rules).
 */

/** Opening and closing time of a day, `HH:mm` in Stockholm; null when closed all day. */
export interface OpenHours {
  opens: string;
  closes: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) → the hours open that day. */
export type WeeklyHours = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', OpenHours | null>;

export interface BusinessCalendar {
  week: WeeklyHours;
  /** Closed on Swedish public holidays and on midsummer, Christmas and New Year's eves. */
  closedOnHolidays: boolean;
}

export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  week: {
    '1': { opens: '08:00', closes: '17:00' },
    '2': { opens: '08:00', closes: '17:00' },
    '3': { opens: '08:00', closes: '17:00' },
    '4': { opens: '08:00', closes: '17:00' },
    '5': { opens: '08:00', closes: '17:00' },
    '6': null,
    '7': null,
  },
  closedOnHolidays: true,
};

export interface Holiday {
  date: IsoDate;
  name: { sv: string; en: string };
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The first day from `from` (inclusive) that falls on ISO weekday `weekday`. */
function firstWeekdayFrom(from: IsoDate, weekday: number): IsoDate {
  for (let offset = 0; offset < 7; offset++) {
    const date = addCalendarDays(from, offset);
    if (isoWeekday(date) === weekday) return date;
  }
  throw new Error('unreachable');
}

/**
 * Sweden's public holidays of a year (allmänna helgdagar, Lag 1989:253), with the eves most
 * businesses close on (midsommarafton, julafton, nyårsafton). Sundays are not listed: they are
 * closed by the week's hours.
 */
export function swedishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const midsummerDay = firstWeekdayFrom(`${year}-06-20`, 6);
  const holidays: Holiday[] = [
    { date: `${year}-01-01`, name: { sv: 'Nyårsdagen', en: 'New Year’s Day' } },
    { date: `${year}-01-06`, name: { sv: 'Trettondedag jul', en: 'Epiphany' } },
    { date: addCalendarDays(easter, -2), name: { sv: 'Långfredagen', en: 'Good Friday' } },
    { date: easter, name: { sv: 'Påskdagen', en: 'Easter Sunday' } },
    { date: addCalendarDays(easter, 1), name: { sv: 'Annandag påsk', en: 'Easter Monday' } },
    { date: `${year}-05-01`, name: { sv: 'Första maj', en: 'May Day' } },
    { date: addCalendarDays(easter, 39), name: { sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' } },
    { date: addCalendarDays(easter, 49), name: { sv: 'Pingstdagen', en: 'Whit Sunday' } },
    { date: `${year}-06-06`, name: { sv: 'Sveriges nationaldag', en: 'National Day of Sweden' } },
    { date: addCalendarDays(midsummerDay, -1), name: { sv: 'Midsommarafton', en: 'Midsummer Eve' } },
    { date: midsummerDay, name: { sv: 'Midsommardagen', en: 'Midsummer Day' } },
    { date: firstWeekdayFrom(`${year}-10-31`, 6), name: { sv: 'Alla helgons dag', en: 'All Saints’ Day' } },
    { date: `${year}-12-24`, name: { sv: 'Julafton', en: 'Christmas Eve' } },
    { date: `${year}-12-25`, name: { sv: 'Juldagen', en: 'Christmas Day' } },
    { date: `${year}-12-26`, name: { sv: 'Annandag jul', en: 'Boxing Day' } },
    { date: `${year}-12-31`, name: { sv: 'Nyårsafton', en: 'New Year’s Eve' } },
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

const holidayCache = new Map<number, Set<IsoDate>>();

export function isSwedishHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4));
  let dates = holidayCache.get(year);
  if (!dates) {
    dates = new Set(swedishHolidays(year).map((holiday) => holiday.date));
    holidayCache.set(year, dates);
  }
  return dates.has(date);
}

/** The open interval of a calendar day in Stockholm as instants, or null when closed. */
export function openInterval(date: IsoDate, calendar: BusinessCalendar): { opens: Date; closes: Date } | null {
  if (calendar.closedOnHolidays && isSwedishHoliday(date)) return null;
  const hours = calendar.week[String(isoWeekday(date)) as keyof WeeklyHours];
  if (!hours || hours.closes <= hours.opens) return null;
  return { opens: stockholmInstant(date, hours.opens), closes: stockholmInstant(date, hours.closes) };
}

/** The instant `minutes` of open time after `start` (a start outside opening hours begins at the next opening). */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!hasOpenDay(calendar)) throw new RangeError('The business calendar has no opening hours');
  let remaining = Math.max(0, minutes) * 60_000;
  // Open days recur every week, so the loop ends; the bound only guards against a broken calendar.
  for (let date = stockholmDate(start), day = 0; day < 100_000; date = addCalendarDays(date, 1), day++) {
    const open = openInterval(date, calendar);
    if (!open || open.closes.getTime() <= start.getTime()) continue;
    const from = Math.max(open.opens.getTime(), start.getTime());
    const available = open.closes.getTime() - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
  }
  throw new RangeError('The business calendar has no opening hours');
}

/** Minutes of open time between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  const last = stockholmDate(to);
  for (let date = stockholmDate(from); date <= last; date = addCalendarDays(date, 1)) {
    const open = openInterval(date, calendar);
    if (!open) continue;
    const start = Math.max(open.opens.getTime(), from.getTime());
    const end = Math.min(open.closes.getTime(), to.getTime());
    if (end > start) total += end - start;
  }
  return Math.round(total / 60_000);
}

function hasOpenDay(calendar: BusinessCalendar): boolean {
  return Object.values(calendar.week).some((hours) => hours && hours.closes > hours.opens);
}

function stockholmInstant(date: IsoDate, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return new Date(new TZDate(year, month - 1, day, hour, minute, BUSINESS_TIME_ZONE).getTime());
}

function isoWeekday(date: IsoDate): number {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `HH:mm` between 00:00 and 24:00. */
export function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(value);
}

/** The opening hours with the holidays they close on, this year and next, for the settings page. */
export interface BusinessHoursView {
  calendar: BusinessCalendar;
  holidays: Holiday[];
}
