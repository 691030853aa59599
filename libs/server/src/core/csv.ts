import { stringify } from 'csv-stringify/sync';

/** How a cell a spreadsheet would read as a formula (or a DDE call) begins. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would start a formula, with a single quote in front: the spreadsheet shows it as text. */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Every CSV Privdesk exports: each text cell made formula-safe, numbers as they are. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return stringify(rows.map((row) => row.map((cell) => (typeof cell === 'string' ? formulaSafe(cell) : cell))));
}

/** Every string in a value made formula-safe (for a document whose CSV is written elsewhere). */
export function formulaSafeStrings<T>(value: T): T {
  if (typeof value === 'string') return formulaSafe(value) as T;
  if (Array.isArray(value)) return value.map((item) => formulaSafeStrings(item)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, formulaSafeStrings(item)])) as T;
  return value;
}
