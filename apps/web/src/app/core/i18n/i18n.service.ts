import { DOCUMENT } from '@angular/common';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import type { Language } from '@privdesk/domain';
import { en } from './en';
import { Dictionary, sv, TranslationKey } from './sv';

export type TranslationParams = Record<string, string | number | null | undefined>;

export const DICTIONARIES: Record<Language, Dictionary> = { sv, en };
export const LANGUAGES: readonly Language[] = ['sv', 'en'];
export const LANGUAGE_STORAGE_KEY = 'privdesk.language';

/** Replaces `{name}` placeholders; an unknown placeholder is left as written. */
export function interpolate(text: string, params?: TranslationParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en';
}

/** The UI language as a signal; Swedish unless the user chose English (remembered in localStorage). */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly storage: Storage | null = (() => {
    try {
      return this.document.defaultView?.localStorage ?? null;
    } catch {
      return null;
    }
  })();

  readonly lang = signal<Language>(this.stored() ?? 'sv');
  readonly dictionary = computed(() => DICTIONARIES[this.lang()]);

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.lang();
    });
  }

  setLanguage(lang: Language): void {
    this.lang.set(lang);
    try {
      this.storage?.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Storage full or disabled: the choice lasts for this page view only.
    }
  }

  /** Translates a key in the current language (reading the `lang` signal, so callers re-render on a switch). */
  t(key: TranslationKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  private stored(): Language | null {
    try {
      const value = this.storage?.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(value) ? value : null;
    } catch {
      return null;
    }
  }
}
