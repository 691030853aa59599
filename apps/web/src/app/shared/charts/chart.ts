import type { Language } from '@privdesk/domain';

/** The arithmetic behind the dashboard's bar charts: nice axes, stacked segments, month buckets. */

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartGroup {
  key: string;
  label: string;
  /** A second line under the label (the year, at the first month and in January). */
  sublabel?: string;
  /** Long label for the data table and tooltips (e.g. "november 2026"). */
  longLabel: string;
  values: Record<string, number>;
}

export interface ChartAxis {
  /** The value at the top of the plot. */
  max: number;
  ticks: number[];
}

export interface StackSegment {
  series: string;
  index: number;
  value: number;
  /** From the top of the plot, in plot units. */
  y: number;
  height: number;
}

/** A step of 1, 2 or 5 times a power of ten, at least 1 (the charts count records). */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}

/** An axis from 0 that holds `max`, with about `count` whole-number steps. */
export function niceAxis(max: number, count = 4): ChartAxis {
  const step = niceStep(Math.max(0, max) / count);
  const top = Math.max(step, Math.ceil(Math.max(0, max) / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { max: top, ticks };
}

export function groupTotal(group: ChartGroup): number {
  return Object.values(group.values).reduce((sum, value) => sum + value, 0);
}

/** The segments of one stacked bar, bottom up in series order; empty segments are left out. */
export function stackSegments(group: ChartGroup, series: readonly ChartSeries[], axisMax: number, plotHeight: number): StackSegment[] {
  const segments: StackSegment[] = [];
  let bottom = plotHeight;
  series.forEach((serie, index) => {
    const value = group.values[serie.key] ?? 0;
    if (value <= 0 || axisMax <= 0) return;
    const height = (value / axisMax) * plotHeight;
    bottom -= height;
    segments.push({ series: serie.key, index, value, y: bottom, height });
  });
  return segments;
}

/** `YYYY-MM` plus `n` months. */
export function addMonths(month: string, n: number): string {
  const [year, mon] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` consecutive months from `start` (`YYYY-MM`). */
export function monthRange(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(start, i));
}

/**
 * Turns rows of (month, series, value) into one group per month of `months`, plus any month the
 * rows name outside it (so no number is lost), in order.
 */
export function groupByMonth<T extends { month: string }>(
  rows: readonly T[],
  months: readonly string[],
  valuesOf: (row: T) => Record<string, number>,
  label: (month: string) => { short: string; long: string; year: string },
): ChartGroup[] {
  const all = [...new Set([...months, ...rows.map((row) => row.month)])].sort();
  return all.map((month, index) => {
    const values: Record<string, number> = {};
    for (const row of rows) {
      if (row.month !== month) continue;
      for (const [key, value] of Object.entries(valuesOf(row))) values[key] = (values[key] ?? 0) + value;
    }
    const { short, long, year } = label(month);
    const sublabel = index === 0 || month.endsWith('-01') ? year : undefined;
    return { key: month, label: short, sublabel, longLabel: long, values };
  });
}

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

/** `YYYY-MM` in words: short for the axis, long for the table. */
export function monthLabels(month: string, lang: Language): { short: string; long: string; year: string } {
  const [year, mon] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, mon - 1, 1));
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' }).format(date);
  return { short: format({ month: 'short' }).replace('.', ''), long: format({ month: 'long', year: 'numeric' }), year: String(year) };
}
