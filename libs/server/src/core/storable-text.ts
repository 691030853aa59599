/**
 * Text PostgreSQL cannot store: a NUL character, or half of a surrogate pair (a broken character
 * that has no UTF-8 form). Either would otherwise fail deep in a query as a server error.
 */
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = 'The text holds a character that cannot be stored (a NUL byte or a broken character); remove it';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * Every string (and key) in a parsed body or query that cannot be stored, by dotted path as the
 * validation pipe names fields (`person.firstName`, `lines.0.description`). Walks without
 * recursion, so a deeply nested body cannot exhaust the stack.
 */
export function unstorableTextFields(value: unknown, root = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (pending.length) {
    const { value: current, path } = pending.pop() as { value: unknown; path: string };
    if (typeof current === 'string') {
      if (!isStorableText(current)) fields[path || 'body'] = [UNSTORABLE_TEXT_MESSAGE];
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, child] of Object.entries(current)) {
        const name = isStorableText(key) ? key : key.replace(new RegExp(UNSTORABLE.source, 'g'), '\ufffd');
        const childPath = path ? `${path}.${name}` : name;
        if (name !== key) fields[childPath] = [UNSTORABLE_TEXT_MESSAGE];
        pending.push({ value: child, path: childPath });
      }
    }
  }
  return fields;
}
