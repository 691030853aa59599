import { effect, inject, Injectable, Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from './i18n.service';

/** mat-paginator's labels in the current language. */
@Injectable()
export class I18nPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      const i18n = this.i18n;
      i18n.lang();
      this.itemsPerPageLabel = i18n.t('paginator.itemsPerPage');
      this.nextPageLabel = i18n.t('paginator.next');
      this.previousPageLabel = i18n.t('paginator.previous');
      this.firstPageLabel = i18n.t('paginator.first');
      this.lastPageLabel = i18n.t('paginator.last');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return this.i18n.t('paginator.rangeEmpty', { total: length });
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);
    return this.i18n.t('paginator.range', { start: start + 1, end, total: length });
  };
}

/**
 * For the components that show a mat-paginator: provided there rather than at the root, so the
 * initial bundle and the signed-in shell do not carry the paginator (and the select and overlay it
 * brings along).
 */
export function providePaginatorLabels(): Provider {
  return { provide: MatPaginatorIntl, useClass: I18nPaginatorIntl };
}
