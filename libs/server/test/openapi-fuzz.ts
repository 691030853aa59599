/**
 * Requests generated from the API's own OpenAPI document: for every operation a value that fits
 * each input schema, and the same value broken in one place (wrong type, missing or unknown field,
 * text the database cannot store, boundaries, odd unicode). Seeded, so a failure is reproducible.
 */

export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  pattern?: string;
};

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: unknown[];
}

/** mulberry32: small, fast and the same on every machine for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BREAKAGES = ['nul', 'lone-surrogate', 'unicode', 'wrong-type', 'array-for-object', 'missing', 'unknown-field', 'boundary'] as const;
export type Breakage = (typeof BREAKAGES)[number];

const ODD_TEXT = ['Åsa Ödmann-Ärlig', '👩‍💻🧯', 'مرحبا بالعالم', 'e\u0301\u0301\u0301', '\u202eevil', ' ', '%00', '<script>x</script>', "'; DROP TABLE person; --", '=1+1'];

export class RequestGenerator {
  private readonly random: () => number;

  constructor(
    private readonly components: Record<string, Schema>,
    seed: number,
    private readonly idsFor: (name: string) => string[],
  ) {
    this.random = seededRandom(seed);
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let depth = 0; current.$ref && depth < 10; depth++) current = this.components[current.$ref.replace('#/components/schemas/', '')] ?? {};
    if (current.allOf?.length === 1) return { ...this.resolve(current.allOf[0]), nullable: current.nullable };
    return current;
  }

  /** A value the schema accepts (as far as a schema can tell; the route's own rules may still refuse it). */
  valid(schema: Schema | undefined, name = '', depth = 0): unknown {
    const resolved = this.resolve(schema);
    if (resolved.nullable && this.chance(0.1)) return null;
    if (resolved.enum?.length) return this.pick(resolved.enum);
    const variants = resolved.anyOf ?? resolved.oneOf;
    if (variants?.length) return this.valid(this.pick(variants), name, depth);
    switch (resolved.type) {
      case 'object':
        return this.validObject(resolved, depth);
      case 'array': {
        const count = Math.max(resolved.minItems ?? 0, depth > 2 ? 0 : Math.floor(this.random() * 3));
        return Array.from({ length: Math.min(count, resolved.maxItems ?? count) }, () => this.valid(resolved.items, name, depth + 1));
      }
      case 'integer':
      case 'number': {
        const low = resolved.minimum ?? 0;
        const high = resolved.maximum ?? low + 100;
        const value = low + this.random() * (high - low);
        return resolved.type === 'integer' ? Math.round(value) : Math.round(value * 100) / 100;
      }
      case 'boolean':
        return this.chance(0.5);
      case 'string':
        return this.validString(resolved, name);
      default:
        return resolved.properties ? this.validObject(resolved, depth) : this.validString(resolved, name);
    }
  }

  private validObject(schema: Schema, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(schema.properties ?? {})) {
      if (schema.required?.includes(key) || (depth < 3 && this.chance(0.6))) result[key] = this.valid(inner, key, depth + 1);
    }
    return result;
  }

  private validString(schema: Schema, name: string): string {
    const lower = name.toLowerCase();
    if (schema.format === 'uuid' || lower === 'id' || lower.endsWith('id')) {
      const ids = this.idsFor(name);
      return ids.length && this.chance(0.8) ? this.pick(ids) : this.uuid();
    }
    if (schema.format === 'date' || lower.endsWith('date') || lower.endsWith('on') || lower === 'asof') return this.date();
    if (schema.format === 'date-time' || lower.endsWith('at')) return `${this.date()}T${String(8 + Math.floor(this.random() * 10)).padStart(2, '0')}:15:00.000Z`;
    if (schema.format === 'email' || lower.includes('email')) return `fuzz.${Math.floor(this.random() * 1e6)}@example.test`;
    if (lower.includes('phone')) return `070-${Math.floor(1_000_000 + this.random() * 8_999_999)}`;
    if (lower.includes('personnummer')) return this.pick(['19811218-9876', '811218-9876', '20000229-0005']);
    const length = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 40, 3 + Math.floor(this.random() * 30)));
    const words = ['skrivare', 'laptop', 'Anna', 'nätverk', 'blue screen', 'VPN', 'faktura', 'Lund', 'server', 'lösenord'];
    let text = '';
    while (text.length < length) text += (text ? ' ' : '') + this.pick(words);
    return text.slice(0, Math.max(length, schema.minLength ?? 0));
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private date(): string {
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor((this.random() - 0.5) * 6 * 365) * 86_400_000);
    return day.toISOString().slice(0, 10);
  }

  /** The valid value broken in one place, the way a careless or hostile client would. */
  broken(value: unknown, schema: Schema | undefined, breakage: Breakage): unknown {
    const copy = structuredClone(value);
    const paths = leafPaths(copy);
    const objects = objectPaths(copy);
    switch (breakage) {
      case 'nul':
        return this.replaceString(copy, paths, (text) => `${text}\u0000x`);
      case 'lone-surrogate':
        return this.replaceString(copy, paths, (text) => `${text}\ud800`);
      case 'unicode':
        return this.replaceString(copy, paths, () => this.pick(ODD_TEXT));
      case 'boundary': {
        const boundaries = ['', 'x'.repeat(10_001), -1, 0, 2 ** 53, -(2 ** 31), 1e308, 1.5, '2024-02-30', '0000-01-01', '9999-12-31', 'NaN', true];
        return paths.length ? setAt(copy, this.pick(paths), this.pick(boundaries)) : this.pick(boundaries);
      }
      case 'wrong-type': {
        const wrong = [42, 'text', true, null, [], {}, [1, 2], { nested: { deeper: 'x' } }];
        return paths.length ? setAt(copy, this.pick(paths), this.pick(wrong)) : this.pick(wrong);
      }
      case 'array-for-object':
        return objects.length ? setAt(copy, this.pick(objects), this.pick([[], [{}], ['x']])) : [];
      case 'missing': {
        const resolved = this.resolve(schema);
        const required = resolved.required ?? [];
        if (copy && typeof copy === 'object' && !Array.isArray(copy) && required.length) delete (copy as Record<string, unknown>)[this.pick(required)];
        return copy;
      }
      case 'unknown-field':
        return copy && typeof copy === 'object' && !Array.isArray(copy) ? { ...(copy as object), isAdmin: true, __proto__x: 1 } : { unexpected: copy };
    }
  }

  private replaceString(value: unknown, paths: Array<Array<string | number>>, change: (text: string) => string): unknown {
    const textual = paths.filter((path) => typeof getAt(value, path) === 'string');
    if (!textual.length) return typeof value === 'string' ? change(value) : value;
    const path = this.pick(textual);
    return setAt(value, path, change(getAt(value, path) as string));
  }
}

type Path = Array<string | number>;

function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]));
  return prefix.length ? [prefix] : [];
}

function objectPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectPaths(item, [...prefix, index]));
  if (value && typeof value === 'object') {
    const inner = Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...prefix, key]));
    return prefix.length ? [prefix, ...inner] : inner;
  }
  return [];
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown> | undefined)?.[key], value);
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (!path.length) return replacement;
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = replacement;
  return value;
}
