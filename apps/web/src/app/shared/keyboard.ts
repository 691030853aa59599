/** Whether a key press belongs to a field the user is typing in (so list shortcuts stay out of its way). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('[role="combobox"],[role="listbox"],[role="dialog"],.mat-mdc-select')
  );
}

/** A plain key without modifiers (for `/`, `j`, `k`). */
export function isPlainKey(event: KeyboardEvent, key: string): boolean {
  return event.key === key && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** A click on a list row that should open it: not on a control inside the row, not the end of selecting text. */
export function isRowOpenClick(event: MouseEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (target?.closest('a, button, [tabindex]')) return false;
  return !document.getSelection()?.toString();
}
