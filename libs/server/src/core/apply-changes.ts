/**
 * Copies the given fields of an edit onto a record: an undefined field is left as it is, null
 * clears it. Returns the names of the fields whose value changed (for the audit trail).
 */
export function applyChanges<T extends object, K extends keyof T & string>(
  record: T,
  edit: { [P in K]?: T[P] | undefined },
  fields: readonly K[],
): K[] {
  const changed: K[] = [];
  for (const field of fields) {
    const value = edit[field];
    if (value === undefined || value === record[field]) continue;
    record[field] = value as T[K];
    changed.push(field);
  }
  return changed;
}
