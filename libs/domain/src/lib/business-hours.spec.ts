import { addBusinessMinutes, BusinessCalendar, businessMinutesBetween, DEFAULT_BUSINESS_CALENDAR, easterSunday, isSwedishHoliday, openInterval, swedishHolidays } from './business-hours';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    [2000, '2000-04-23'],
  ])('%i → %s', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('swedishHolidays', () => {
  it('lists the holidays of 2026 with the moving ones on their days', () => {
    const days = Object.fromEntries(swedishHolidays(2026).map((holiday) => [holiday.name.sv, holiday.date]));
    expect(days).toEqual({
      Nyårsdagen: '2026-01-01',
      'Trettondedag jul': '2026-01-06',
      Långfredagen: '2026-04-03',
      Påskdagen: '2026-04-05',
      'Annandag påsk': '2026-04-06',
      'Första maj': '2026-05-01',
      'Kristi himmelsfärdsdag': '2026-05-14',
      Pingstdagen: '2026-05-24',
      'Sveriges nationaldag': '2026-06-06',
      Midsommarafton: '2026-06-19',
      Midsommardagen: '2026-06-20',
      'Alla helgons dag': '2026-10-31',
      Julafton: '2026-12-24',
      Juldagen: '2026-12-25',
      'Annandag jul': '2026-12-26',
      Nyårsafton: '2026-12-31',
    });
  });

  it.each([
    // Midsummer Day is the Saturday 20–26 June, All Saints' the Saturday 31 October – 6 November.
    [2027, 'Midsommardagen', '2027-06-26'],
    [2027, 'Alla helgons dag', '2027-11-06'],
    [2028, 'Midsommardagen', '2028-06-24'],
    [2028, 'Alla helgons dag', '2028-11-04'],
    [2025, 'Midsommarafton', '2025-06-20'],
    [2025, 'Alla helgons dag', '2025-11-01'],
  ])('%i: %s on %s', (year, name, date) => {
    expect(swedishHolidays(year).find((holiday) => holiday.name.sv === name)?.date).toBe(date);
  });

  it.each([
    ['2026-04-03', true],
    ['2026-04-07', false],
    ['2028-02-29', false],
    ['2026-12-24', true],
  ])('%s is a holiday: %s', (date, holiday) => expect(isSwedishHoliday(date)).toBe(holiday));
});

describe('opening hours in Stockholm time', () => {
  it.each([
    // Winter time (UTC+1) and summer time (UTC+2) on either side of the clock change.
    ['2026-03-27', '2026-03-27T07:00:00.000Z', '2026-03-27T16:00:00.000Z'],
    ['2026-03-30', '2026-03-30T06:00:00.000Z', '2026-03-30T15:00:00.000Z'],
  ])('%s opens %s and closes %s', (date, opens, closes) => {
    const open = openInterval(date, DEFAULT_BUSINESS_CALENDAR);
    expect({ opens: open?.opens.toISOString(), closes: open?.closes.toISOString() }).toEqual({ opens, closes });
  });

  it.each(['2026-03-28', '2026-03-29', '2026-12-25', '2026-06-19'])('is closed on %s', (date) => expect(openInterval(date, DEFAULT_BUSINESS_CALENDAR)).toBeNull());
});

describe('addBusinessMinutes (default calendar: weekdays 08–17, closed on holidays)', () => {
  it.each([
    ['within a day', '2026-11-25T09:00:00.000Z', 240, '2026-11-25T13:00:00.000Z'],
    ['Friday afternoon to Monday morning', '2026-11-27T15:00:00.000Z', 240, '2026-11-30T10:00:00.000Z'],
    ['registered on a Saturday: from Monday’s opening', '2026-11-28T10:00:00.000Z', 60, '2026-11-30T08:00:00.000Z'],
    ['registered at night: from the morning', '2026-11-25T22:30:00.000Z', 30, '2026-11-26T07:30:00.000Z'],
    ['over Easter (Good Friday to Easter Monday closed)', '2026-04-02T14:00:00.000Z', 120, '2026-04-07T07:00:00.000Z'],
    ['over the change to summer time', '2026-03-27T15:00:00.000Z', 120, '2026-03-30T07:00:00.000Z'],
    ['over the change to winter time', '2026-10-23T14:00:00.000Z', 120, '2026-10-26T08:00:00.000Z'],
    ['over Christmas', '2026-12-23T15:00:00.000Z', 540, '2026-12-28T15:00:00.000Z'],
    ['into a leap day', '2028-02-28T15:00:00.000Z', 120, '2028-02-29T08:00:00.000Z'],
    ['over a month end and May Day', '2026-04-30T14:00:00.000Z', 120, '2026-05-04T07:00:00.000Z'],
    ['over the year end', '2026-12-30T15:00:00.000Z', 120, '2027-01-04T08:00:00.000Z'],
    ['exactly at closing: no time left that day', '2026-11-25T07:00:00.000Z', 540, '2026-11-25T16:00:00.000Z'],
  ])('%s', (_case, start, minutes, due) => {
    expect(addBusinessMinutes(new Date(start), minutes, DEFAULT_BUSINESS_CALENDAR).toISOString()).toBe(due);
  });

  it('follows the opening hours it is given', () => {
    const saturdays: BusinessCalendar = { ...DEFAULT_BUSINESS_CALENDAR, week: { ...DEFAULT_BUSINESS_CALENDAR.week, '6': { opens: '10:00', closes: '14:00' } } };
    expect(addBusinessMinutes(new Date('2026-11-27T15:00:00.000Z'), 120, saturdays).toISOString()).toBe('2026-11-28T10:00:00.000Z');
    const allYear: BusinessCalendar = { ...DEFAULT_BUSINESS_CALENDAR, closedOnHolidays: false };
    expect(addBusinessMinutes(new Date('2026-12-23T15:00:00.000Z'), 120, allYear).toISOString()).toBe('2026-12-24T08:00:00.000Z');
  });

  it('refuses a calendar that is never open', () => {
    const closed: BusinessCalendar = { closedOnHolidays: true, week: { '1': null, '2': null, '3': null, '4': null, '5': null, '6': null, '7': null } };
    expect(() => addBusinessMinutes(new Date(), 60, closed)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['Friday 16:00 to Monday 10:00', '2026-11-27T15:00:00.000Z', '2026-11-30T09:00:00.000Z', 180],
    ['a closed weekend', '2026-11-28T08:00:00.000Z', '2026-11-29T20:00:00.000Z', 0],
    ['backwards', '2026-11-30T09:00:00.000Z', '2026-11-27T15:00:00.000Z', 0],
    ['over Easter', '2026-04-02T14:00:00.000Z', '2026-04-07T07:00:00.000Z', 120],
  ])('%s: %i minutes', (_case, from, to, minutes) => {
    expect(businessMinutesBetween(new Date(from), new Date(to), DEFAULT_BUSINESS_CALENDAR)).toBe(minutes);
  });

  it('is the inverse of addBusinessMinutes', () => {
    const start = new Date('2026-12-22T10:17:00.000Z');
    for (const minutes of [1, 59, 540, 541, 2000, 10_000]) {
      expect(businessMinutesBetween(start, addBusinessMinutes(start, minutes, DEFAULT_BUSINESS_CALENDAR), DEFAULT_BUSINESS_CALENDAR)).toBe(minutes);
    }
  });
});
