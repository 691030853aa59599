/**
 * Versioned edits. Every record a form edits carries a `version` that each saved edit raises by
 * one; an edit names the version it was based on, and a stale one is refused with 409 and the
 * code `stale_version` — nobody's change is overwritten unseen.
 */

/** A record as an edit form loads it. */
export interface Versioned {
  version: number;
}

/** An edit: the version of the record the editor saw. */
export interface VersionedEdit {
  version: number;
}

/** The error code of a 409 for an edit based on an old version; `params.currentVersion` is the record's version now. */
export const STALE_VERSION = 'stale_version';

/**
 * Three-way merge of a form after a stale save: `base` is what the editor loaded, `current` what is
 * stored now, `mine` what the editor typed. Fields only the other person changed take their value,
 * fields only I changed keep mine, and fields we both changed differently are clashes that keep mine
 * for me to decide.
 */
export interface MergedEdit<T> {
  merged: T;
  /** Fields someone else changed since I loaded the record. */
  theirs: Array<keyof T & string>;
  /** Fields we both changed, to different values. */
  clashes: Array<keyof T & string>;
  /** Fields I changed: what saving again sends. */
  mine: Array<keyof T & string>;
}

export function mergeEdit<T extends object>(base: T, current: T, mine: T): MergedEdit<T> {
  const merged = { ...mine };
  const theirs: Array<keyof T & string> = [];
  const clashes: Array<keyof T & string> = [];
  const changedByMe: Array<keyof T & string> = [];
  for (const field of Object.keys(mine) as Array<keyof T & string>) {
    const iChanged = !sameValue(base[field], mine[field]);
    const theyChanged = !sameValue(base[field], current[field]);
    if (theyChanged) theirs.push(field);
    if (iChanged) changedByMe.push(field);
    if (theyChanged && !iChanged) merged[field] = current[field];
    if (theyChanged && iChanged && !sameValue(mine[field], current[field])) clashes.push(field);
  }
  return { merged, theirs, clashes, mine: changedByMe };
}

/** Form values compare by content: blank and null are the same, as are equal arrays and objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}
