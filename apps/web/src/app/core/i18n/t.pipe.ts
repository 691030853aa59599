import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18n, TranslationParams } from './i18n.service';
import { TranslationKey } from './sv';

/**
 * `{{ 'customers.title' | t }}` or `{{ 'customers.total' | t: { n: total } }}`.
 * Impure so that it re-runs when the language signal changes; the work is one map lookup.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
