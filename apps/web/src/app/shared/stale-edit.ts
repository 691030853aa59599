import { HttpErrorResponse } from '@angular/common/http';
import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { mergeEdit, STALE_VERSION, Versioned } from '@privdesk/domain';
import { I18n, TranslatePipe, TranslationKey } from '../core/i18n';
import { dateToIso } from '../core/iso-date-adapter';

/** True when an edit was refused because someone else saved the record first (409 `stale_version`). */
export function isStaleEdit(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return false;
  const body = error.error as { code?: unknown } | null;
  return !!body && typeof body === 'object' && body.code === STALE_VERSION;
}

/** How the notice names a form's fields and shows their values. */
export interface StaleEditFields {
  /** Each field's label by its dotted path (`person.phone`), in the words the form uses. */
  labels: Readonly<Record<string, TranslationKey | (() => string)>>;
  /** A value in words where the plain text would not do (a status, a technician's id, a quote's lines); undefined for the default. */
  show?: (field: string, value: unknown) => string | undefined;
}

/** What the notice lists: the fields someone else changed, with their values now. */
export interface StaleConflict {
  changes: ReadonlyArray<{ field: string; value: unknown; clash: boolean }>;
  fields: StaleEditFields;
}

type Flat = Record<string, unknown>;

const isGroup = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** Form values by dotted path (`person.phone`); arrays (a quote's lines) and dates stay whole. */
export function flattenValues(value: object, prefix = ''): Flat {
  const flat: Flat = {};
  for (const [key, entry] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isGroup(entry)) Object.assign(flat, flattenValues(entry, path));
    else flat[path] = entry;
  }
  return flat;
}

function unflatten<V>(flat: Flat): V {
  const value: Record<string, unknown> = {};
  for (const [path, entry] of Object.entries(flat)) {
    const keys = path.split('.');
    let group = value;
    for (const key of keys.slice(0, -1)) group = (group[key] ??= {}) as Record<string, unknown>;
    group[keys[keys.length - 1]] = entry;
  }
  return value as V;
}

/** A value as the merge compares it: a date picker's `Date` by its calendar day. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return dateToIso(value) ?? 'invalid date';
  if (Array.isArray(value)) return value.map(comparable);
  if (isGroup(value)) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, comparable(entry)]));
  return value;
}

const comparableAll = (flat: Flat): Flat => Object.fromEntries(Object.entries(flat).map(([path, value]) => [path, comparable(value)]));

/**
 * The version an edit form is based on, and what happens when someone else saved first. The form
 * sends `version` with every save; on a 409 `stale_version` it reloads the record and calls
 * `merge`, which keeps what the user typed, takes the other person's changes to the fields the
 * user left alone, and shows the notice (`conflict`). Nothing is saved until the user saves again.
 *
 * `values`: the form's values for a record (the same shape as the form's `getRawValue()`).
 */
export class StaleEdit<R extends Versioned, V extends object> {
  /** The notice's content after a refused save; null otherwise. */
  readonly conflict = signal<StaleConflict | null>(null);
  private base: R | null;

  constructor(
    private readonly values: (record: R) => V,
    readonly fields: StaleEditFields,
    record: R | null = null,
  ) {
    this.base = record;
  }

  /** The form was loaded (or saved) from `record`: edits are based on its version. */
  start(record: R): void {
    this.base = record;
    this.conflict.set(null);
  }

  /**
   * The record moved on by a change that left the form's fields alone (the user's own quick action
   * beside the form): later saves are based on it; what is typed and any notice stay.
   */
  rebase(record: R): void {
    this.base = record;
  }

  /** The version the next save sends. */
  get version(): number {
    return this.record.version;
  }

  /** The record as the form was loaded from it (after a merge: as stored now). */
  get record(): R {
    if (!this.base) throw new Error('StaleEdit: no record loaded');
    return this.base;
  }

  /**
   * Someone else saved `current` since the form was loaded: the three-way merge of what was
   * loaded, what is stored and what the form holds (`mine`). Takes `current` as the new base
   * and shows the notice; returns the values to put in the form.
   */
  merge(current: R, mine: V): V {
    const base = flattenValues(this.values(this.record));
    const theirs = flattenValues(this.values(current));
    const typed = flattenValues(mine);
    const result = mergeEdit(comparableAll(base), comparableAll(theirs), comparableAll(typed));
    const onlyTheirs = new Set(result.theirs.filter((field) => !result.mine.includes(field)));
    const merged = Object.fromEntries(Object.keys(typed).map((field) => [field, onlyTheirs.has(field) ? theirs[field] : typed[field]]));
    this.base = current;
    this.conflict.set({
      changes: result.theirs.map((field) => ({ field, value: theirs[field], clash: result.clashes.includes(field) })),
      fields: this.fields,
    });
    return unflatten<V>(merged);
  }

  /** "Discard mine and use theirs": the values of the record as stored now; the notice goes. */
  discard(): V {
    this.conflict.set(null);
    return this.values(this.record);
  }
}

/**
 * "Someone else saved this record while you were editing": each field the other person changed,
 * with its value now, clashes marked, and the two ways on. Focused when it appears, so that the
 * keyboard and a screen reader land on it.
 */
@Component({
  selector: 'app-stale-edit',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="stale-edit" role="alert" tabindex="-1" data-testid="stale-edit">
      <strong class="title">{{ 'staleEdit.title' | t }}</strong>
      @if (rows().length) {
        <p>{{ 'staleEdit.theirs' | t }}</p>
        <ul>
          @for (row of rows(); track row.field) {
            <li data-testid="stale-edit-change" [attr.data-field]="row.field" [class.clash]="row.clash">
              <span class="label">{{ row.label }}: </span><span class="value">{{ row.value }}</span>
              @if (row.clash) {
                <span class="clash-note" data-testid="stale-edit-clash"> – {{ 'staleEdit.clash' | t }}</span>
              }
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'staleEdit.none' | t }}</p>
      }
      <p>{{ 'staleEdit.explain' | t }}</p>
      <div class="actions">
        <button mat-flat-button type="button" [disabled]="busy()" (click)="saveAgain.emit()" data-testid="stale-edit-save">
          {{ 'staleEdit.saveAgain' | t }}
        </button>
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="discard.emit()" data-testid="stale-edit-discard">
          {{ 'staleEdit.discard' | t }}
        </button>
      </div>
    </div>
  `,
  styles: `
    .stale-edit {
      padding: 0.75rem 1rem;
      margin-block: 0 1rem;
      border-radius: 0.75rem;
      border: 1px solid var(--mat-sys-outline);
      border-left: 0.35rem solid var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .stale-edit:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .title {
      display: block;
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    p {
      margin: 0.35rem 0;
    }
    ul {
      margin: 0.25rem 0 0.5rem;
      padding-left: 1.25rem;
    }
    li {
      margin: 0.15rem 0;
      overflow-wrap: anywhere;
    }
    .label {
      font-weight: 600;
    }
    .clash-note {
      font-weight: 600;
      color: var(--mat-sys-error);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
  `,
})
export class StaleEditNotice {
  private readonly i18n = inject(I18n);

  readonly conflict = input.required<StaleConflict>();
  /** A save is on its way: the buttons wait. */
  readonly busy = input(false);
  /** Sends the merged form again, based on the version stored now. */
  readonly saveAgain = output<void>();
  /** Puts the stored record's values in the form. */
  readonly discard = output<void>();

  protected readonly rows = computed(() => {
    const { changes, fields } = this.conflict();
    return changes.map(({ field, value, clash }) => {
      const label = fields.labels[field];
      return {
        field,
        clash,
        label: typeof label === 'function' ? label() : label ? this.i18n.t(label) : field,
        value: fields.show?.(field, value) ?? this.show(value),
      };
    });
  });

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterRenderEffect(() => {
      this.conflict();
      host.nativeElement.querySelector<HTMLElement>('.stale-edit')?.focus();
    });
  }

  private show(value: unknown): string {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return this.i18n.t('staleEdit.empty');
    if (value instanceof Date) return dateToIso(value) ?? this.i18n.t('staleEdit.empty');
    if (typeof value === 'boolean') return this.i18n.t(value ? 'common.yes' : 'common.no');
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return JSON.stringify(value);
  }
}
