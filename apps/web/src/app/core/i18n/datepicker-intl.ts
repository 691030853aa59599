import { effect, inject, Injectable } from '@angular/core';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { I18n } from './i18n.service';

/** The datepicker's labels and month/day names in the current language. */
@Injectable()
export class I18nDatepickerIntl extends MatDatepickerIntl {
  private readonly i18n = inject(I18n);
  private readonly dateAdapter = inject(DateAdapter);

  constructor() {
    super();
    effect(() => {
      const i18n = this.i18n;
      this.dateAdapter.setLocale(i18n.lang() === 'sv' ? 'sv-SE' : 'en-GB');
      this.calendarLabel = i18n.t('datepicker.calendar');
      this.openCalendarLabel = i18n.t('datepicker.open');
      this.closeCalendarLabel = i18n.t('datepicker.close');
      this.prevMonthLabel = i18n.t('datepicker.prevMonth');
      this.nextMonthLabel = i18n.t('datepicker.nextMonth');
      this.prevYearLabel = i18n.t('datepicker.prevYear');
      this.nextYearLabel = i18n.t('datepicker.nextYear');
      this.prevMultiYearLabel = i18n.t('datepicker.prevYears');
      this.nextMultiYearLabel = i18n.t('datepicker.nextYears');
      this.switchToMonthViewLabel = i18n.t('datepicker.chooseDate');
      this.switchToMultiYearViewLabel = i18n.t('datepicker.chooseMonthYear');
      this.changes.next();
    });
  }
}
