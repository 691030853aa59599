import { inject, Pipe, PipeTransform } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { I18n } from '../core/i18n';

/** `<mat-error>{{ control.errors | errorText }}</mat-error>`: server messages first, then client checks. */
@Pipe({ name: 'errorText', pure: false })
export class ErrorTextPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(errors: ValidationErrors | null | undefined): string {
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return this.i18n.t('error.required');
    if (errors['email']) return this.i18n.t('error.email');
    if (errors['minlength']) return this.i18n.t('error.minlength', { n: errors['minlength'].requiredLength });
    if (errors['maxlength']) return this.i18n.t('error.maxlength', { n: errors['maxlength'].requiredLength });
    if (errors['min']) return this.i18n.t('error.min', { n: errors['min'].min });
    if (errors['max']) return this.i18n.t('error.max', { n: errors['max'].max });
    if (errors['integer']) return this.i18n.t('error.integer');
    if (errors['id']) return this.i18n.t('error.id');
    if (errors['notFound']) return this.i18n.t('error.idNotFound');
    if (errors['matDatepickerParse']) return this.i18n.t('error.date');
    // Before `matDatepickerMin`: a field that must lie after today also sets its picker's minimum.
    if (errors['afterToday']) return this.i18n.t('error.afterToday');
    if (errors['matDatepickerMin']) return this.i18n.t('error.dateOrder');
    // Before `matDatepickerMax`, for the same reason: a field that must not lie after today.
    if (errors['notAfterToday']) return this.i18n.t('error.notAfterToday');
    return '';
  }
}
