import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from '@privdesk/domain';
import { calendarFromForm, hoursErrorKey, normalizeTime, openingHoursForm, setCalendar, timeErrorKey } from './opening-hours-form';

describe('opening hours form', () => {
  it('round-trips a calendar, a closed day as null', () => {
    const calendar: BusinessCalendar = {
      week: { ...DEFAULT_BUSINESS_CALENDAR.week, '6': { opens: '10:00', closes: '14:00' }, '7': null },
      closedOnHolidays: false,
    };
    const form = openingHoursForm();
    setCalendar(form, calendar);
    expect(form.valid).toBe(true);
    expect(calendarFromForm(form)).toEqual(calendar);
  });

  it('keeps a closed day’s times out of validation and out of the request, and back when it opens again', () => {
    const form = openingHoursForm();
    setCalendar(form, DEFAULT_BUSINESS_CALENDAR);
    const sunday = form.controls.week.controls['7'];
    expect(sunday.controls.opens.disabled).toBe(true);
    sunday.controls.opens.setValue('nonsense');
    expect(form.valid).toBe(true);
    expect(calendarFromForm(form).week['7']).toBeNull();

    sunday.controls.closed.setValue(false);
    expect(sunday.controls.opens.enabled).toBe(true);
    expect(form.valid).toBe(false);
    sunday.controls.opens.setValue('11:00');
    expect(calendarFromForm(form).week['7']).toEqual({ opens: '11:00', closes: '17:00' });
  });

  it('wants times as HH:mm, closing after opening, and one open day', () => {
    const form = openingHoursForm();
    setCalendar(form, DEFAULT_BUSINESS_CALENDAR);
    const monday = form.controls.week.controls['1'].controls;
    monday.opens.setValue('25:00');
    expect(timeErrorKey(monday.opens.errors)).toBe('hours.error.time');
    monday.opens.setValue('18:00');
    // The closing time is checked again when the opening time changes.
    expect(timeErrorKey(monday.closes.errors)).toBe('hours.error.order');
    monday.closes.setValue('24:00');
    expect(monday.closes.valid).toBe(true);

    for (const day of ['1', '2', '3', '4', '5'] as const) form.controls.week.controls[day].controls.closed.setValue(true);
    expect(form.controls.week.hasError('noOpenDay')).toBe(true);
  });

  it('tidies typed times', () => {
    expect(normalizeTime('8')).toBe('08:00');
    expect(normalizeTime(' 830 ')).toBe('08:30');
    expect(normalizeTime('8.30')).toBe('08:30');
    expect(normalizeTime('17:00')).toBe('17:00');
    expect(normalizeTime('24')).toBe('24:00');
    expect(normalizeTime('25')).toBe('25');
    expect(normalizeTime('kl 8')).toBe('kl 8');
  });

  it('says the server’s field errors in our words', () => {
    expect(hoursErrorKey('week.1.closes', 'Closing time must be after opening time')).toBe('hours.error.order');
    expect(hoursErrorKey('week.2.opens', 'Enter a time as HH:mm (00:00–24:00)')).toBe('hours.error.time');
    expect(hoursErrorKey('week.2.closes', 'Enter a time as HH:mm (00:00–24:00)')).toBe('hours.error.time');
    expect(hoursErrorKey('week', 'Open at least one day a week')).toBe('hours.error.noDay');
    expect(hoursErrorKey('closedOnHolidays', 'must be a boolean')).toBeNull();
  });
});
