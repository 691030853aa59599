import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  addCalendarDays,
  addCalendarMonths,
  addCalendarYears,
  BUSINESS_TIME_ZONE,
  financialYearEnd,
  isIsoDate,
  laterOf,
  stockholmDate,
  stockholmDateTime,
  yearOf,
} from './dates';

// Every expected value below is worked out by hand from the calendar, not by calling the code.

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', 'leap day in a leap year'],
    ['2000-02-29', 'leap day in a year divisible by 400'],
    ['2026-01-01', 'first day of the year'],
    ['2026-12-31', 'last day of the year'],
    ['2026-04-30', 'last day of a 30-day month'],
    ['2026-01-31', 'last day of a 31-day month'],
    ['2023-02-28', 'last day of February in a common year'],
  ])('accepts %s (%s)', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['2023-02-29', 'no leap day in a common year'],
    ['1900-02-29', 'no leap day in a century year not divisible by 400'],
    ['2100-02-29', 'no leap day in 2100'],
    ['2024-02-30', 'February never has 30 days'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-06-31', 'June has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-01-32', 'day 32'],
    ['2026-1-01', 'one-digit month'],
    ['2026-01-1', 'one-digit day'],
    ['26-01-01', 'two-digit year'],
    ['20260101', 'no hyphens'],
    ['2026/01/01', 'slashes'],
    ['01-01-2026', 'day first'],
    [' 2026-01-01', 'leading space'],
    ['2026-01-01 ', 'trailing space'],
    ['2026-01-01T00:00:00Z', 'an instant, not a date'],
    ['', 'empty string'],
    ['garbage', 'garbage'],
    ['yyyy-mm-dd', 'the pattern itself'],
  ])('rejects %p (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it.each<[unknown, string]>([
    [20260101, 'a number'],
    [null, 'null'],
    [undefined, 'undefined'],
    [new Date('2026-01-01T00:00:00Z'), 'a Date object'],
    [['2026-01-01'], 'an array'],
    [{ date: '2026-01-01' }, 'an object'],
  ])('rejects non-strings: %p (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('addCalendarMonths', () => {
  it.each([
    // date, months, expected
    ['2026-05-15', 1, '2026-06-15'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-05-15', 24, '2028-05-15'],
    ['2026-01-31', 1, '2026-02-28'], // month end: 31 Jan + 1 month = 28 Feb (common year)
    ['2024-01-31', 1, '2024-02-29'], // ... = 29 Feb in a leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-10-31', 1, '2026-11-30'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2026-02-28', 1, '2026-03-28'], // the day is kept, not moved to the month end
    ['2026-12-31', 2, '2027-02-28'], // across a year end into February
    ['2027-11-30', 3, '2028-02-29'], // ... into a leap February
    ['2026-12-15', 1, '2027-01-15'],
    ['2024-02-29', 24, '2026-02-28'], // leap day + 24 months
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'], // to the next-but-one leap year
    ['2024-02-29', 1, '2024-03-29'],
    ['2026-03-31', -1, '2026-02-28'], // backwards
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-29', 1, '2026-04-29'], // DST change day in Sweden: irrelevant to calendar dates
    ['2026-10-25', 1, '2026-11-25'],
    ['2025-10-26', 5, '2026-03-26'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it.each(['2023-02-29', '2026-13-01', '26-01-01', '', 'garbage'])(
    'throws a RangeError for %p',
    (date) => {
      expect(() => addCalendarMonths(date, 1)).toThrow(RangeError);
      expect(() => addCalendarMonths(date, 1)).toThrow(/Not a calendar date/);
    },
  );
});

describe('addCalendarYears', () => {
  it.each([
    // date, years, expected
    ['2026-05-15', 1, '2027-05-15'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2024-02-29', 0, '2024-02-29'],
    ['2024-02-29', 1, '2025-02-28'], // 29 Feb + 1 year = 28 Feb
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', 4, '2028-02-29'], // leap year to leap year keeps the 29th
    ['2024-02-29', 5, '2029-02-28'], // leap day + 5 years
    ['2024-02-29', -4, '2020-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2023-02-28', 1, '2024-02-28'], // 28 Feb stays 28 Feb, even in a leap year
    ['2026-12-31', 7, '2033-12-31'],
    ['2026-01-31', 5, '2031-01-31'],
    ['2026-03-29', 5, '2031-03-29'],
    ['2096-02-29', 4, '2100-02-28'], // 2100 is no leap year
  ])('%s + %i years = %s', (date, years, expected) => {
    expect(addCalendarYears(date, years)).toBe(expected);
  });

  it.each(['2023-02-29', '2026-02-30', '2026/01/01', ''])(
    'throws a RangeError for %p',
    (date) => {
      expect(() => addCalendarYears(date, 1)).toThrow(RangeError);
    },
  );
});

describe('addCalendarDays', () => {
  // Used for the rights deadlines and the "expiring within N days" windows of the retention report.
  it.each([
    ['2026-05-15', 1, '2026-05-16'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-01-31', 1, '2026-02-01'], // month end
    ['2026-12-31', 1, '2027-01-01'], // year end
    ['2024-02-28', 1, '2024-02-29'], // leap day
    ['2023-02-28', 1, '2023-03-01'], // no leap day
    ['2026-03-28', 1, '2026-03-29'], // DST starts in Stockholm: calendar days, not 24-hour steps
    ['2026-10-24', 1, '2026-10-25'], // DST ends
    ['2026-05-15', 30, '2026-06-14'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it.each(['2023-02-29', '2026-13-01', ''])('throws a RangeError for %p', (date) => {
    expect(() => addCalendarDays(date, 1)).toThrow(RangeError);
  });
});

describe('stockholmDateTime', () => {
  it.each([
    ['2026-01-15T12:34:56Z', '2026-01-15 13:34'], // winter, UTC+1
    ['2026-06-30T22:05:00Z', '2026-07-01 00:05'], // summer, UTC+2: already the next day
    ['2026-03-29T00:59:00Z', '2026-03-29 01:59'], // just before DST starts
    ['2026-03-29T01:00:00Z', '2026-03-29 03:00'], // just after
  ])('%s is %s in Stockholm', (instant, expected) => {
    expect(stockholmDateTime(new Date(instant))).toBe(expected);
  });
});

describe('laterOf', () => {
  it.each([
    ['2026-01-01', '2025-12-31', '2026-01-01'],
    ['2025-12-31', '2026-01-01', '2026-01-01'],
    ['2026-02-28', '2026-02-28', '2026-02-28'],
    ['2026-10-01', '2026-09-30', '2026-10-01'], // compares months, not just strings of days
    ['2031-12-31', '2028-05-15', '2031-12-31'],
  ])('laterOf(%s, %s) = %s', (a, b, expected) => {
    expect(laterOf(a, b)).toBe(expected);
  });
});

describe('yearOf', () => {
  it.each([
    ['2026-01-01', 2026],
    ['2026-12-31', 2026],
    ['2024-02-29', 2024],
    ['1999-12-31', 1999],
  ])('yearOf(%s) = %i', (date, expected) => {
    expect(yearOf(date)).toBe(expected);
  });

  it('throws for a date that does not exist', () => {
    expect(() => yearOf('2023-02-29')).toThrow(RangeError);
  });
});

describe('stockholmDate', () => {
  it('uses the Europe/Stockholm time zone', () => {
    expect(BUSINESS_TIME_ZONE).toBe('Europe/Stockholm');
  });

  describe.each([
    // instant (UTC), date in Stockholm, why
    ['2026-01-15T12:00:00Z', '2026-01-15', 'winter noon'],
    ['2026-01-15T22:59:59Z', '2026-01-15', 'winter (UTC+1): 23:59:59 local'],
    [
      '2026-01-15T23:00:00Z',
      '2026-01-16',
      'winter (UTC+1): midnight local, next day',
    ],
    ['2026-01-15T23:30:00Z', '2026-01-16', 'winter (UTC+1): 00:30 local'],
    [
      '2026-01-15T00:00:00Z',
      '2026-01-15',
      'winter: UTC midnight is 01:00 local',
    ],
    ['2026-06-30T21:59:59Z', '2026-06-30', 'summer (UTC+2): 23:59:59 local'],
    [
      '2026-06-30T22:00:00Z',
      '2026-07-01',
      'summer (UTC+2): midnight local, next day',
    ],
    [
      '2026-06-30T22:30:00Z',
      '2026-07-01',
      'summer (UTC+2): 00:30 local on 1 July',
    ],
    [
      '2026-06-30T23:00:00Z',
      '2026-07-01',
      'summer: a UTC+1 rule would still say 30 June',
    ],
    [
      '2026-12-31T22:59:59.999Z',
      '2026-12-31',
      'new year\u2019s eve, last millisecond',
    ],
    [
      '2026-12-31T23:00:00Z',
      '2027-01-01',
      'new year in Stockholm, still 2026 in UTC',
    ],
    ['2024-02-28T23:00:00Z', '2024-02-29', 'leap day begins'],
    // DST starts 2026-03-29 01:00 UTC (02:00 CET -> 03:00 CEST)
    ['2026-03-28T22:59:59Z', '2026-03-28', 'eve of DST start, UTC+1'],
    [
      '2026-03-28T23:00:00Z',
      '2026-03-29',
      'DST start day begins at 23:00 UTC (UTC+1)',
    ],
    [
      '2026-03-29T00:59:59Z',
      '2026-03-29',
      '01:59:59 CET, just before the switch',
    ],
    ['2026-03-29T01:00:00Z', '2026-03-29', '03:00 CEST, just after the switch'],
    [
      '2026-03-29T21:59:59Z',
      '2026-03-29',
      'DST start day ends at 22:00 UTC (UTC+2)',
    ],
    [
      '2026-03-29T22:00:00Z',
      '2026-03-30',
      'day after DST start begins at 22:00 UTC',
    ],
    [
      '2026-03-29T22:30:00Z',
      '2026-03-30',
      'a UTC+1 rule would still say 29 March',
    ],
    // DST ends 2026-10-25 01:00 UTC (03:00 CEST -> 02:00 CET)
    ['2026-10-24T21:59:59Z', '2026-10-24', 'eve of DST end, UTC+2'],
    [
      '2026-10-24T22:00:00Z',
      '2026-10-25',
      'DST end day begins at 22:00 UTC (UTC+2)',
    ],
    [
      '2026-10-25T00:59:59Z',
      '2026-10-25',
      '02:59:59 CEST, just before the switch',
    ],
    ['2026-10-25T01:00:00Z', '2026-10-25', '02:00 CET, just after the switch'],
    [
      '2026-10-25T22:30:00Z',
      '2026-10-25',
      'DST end day is 25 hours long: 23:30 CET',
    ],
    [
      '2026-10-25T22:59:59Z',
      '2026-10-25',
      'DST end day ends at 23:00 UTC (UTC+1)',
    ],
    [
      '2026-10-25T23:00:00Z',
      '2026-10-26',
      'day after DST end begins at 23:00 UTC',
    ],
  ])('%s', (instant, expected, why) => {
    it(`is ${expected} in Stockholm (${why})`, () => {
      expect(stockholmDate(new Date(instant))).toBe(expected);
    });
  });
});

describe('financialYearEnd', () => {
  it.each([
    // date, endMonth (undefined = default 12), expected last day of its financial year
    ['2026-05-10', undefined, '2026-12-31'],
    ['2026-01-01', undefined, '2026-12-31'],
    ['2026-12-31', undefined, '2026-12-31'],
    ['2024-02-29', undefined, '2024-12-31'],
    ['2026-05-10', 12, '2026-12-31'],
    ['2026-12-31', 12, '2026-12-31'],
    // broken financial year ending 30 April
    ['2026-01-15', 4, '2026-04-30'],
    ['2026-04-30', 4, '2026-04-30'],
    ['2026-05-01', 4, '2027-04-30'],
    ['2026-12-31', 4, '2027-04-30'],
    // broken financial year ending 30 June
    ['2025-07-01', 6, '2026-06-30'],
    ['2026-06-30', 6, '2026-06-30'],
    ['2026-07-01', 6, '2027-06-30'],
    ['2026-12-31', 6, '2027-06-30'],
    // broken financial year ending 31 August
    ['2026-02-15', 8, '2026-08-31'],
    ['2026-08-31', 8, '2026-08-31'],
    ['2026-09-01', 8, '2027-08-31'],
    // ending in February: leap years matter
    ['2023-03-01', 2, '2024-02-29'],
    ['2024-02-10', 2, '2024-02-29'],
    ['2024-03-01', 2, '2025-02-28'],
    // ending 31 January and 30 November
    ['2026-01-31', 1, '2026-01-31'],
    ['2026-02-01', 1, '2027-01-31'],
    ['2026-12-01', 11, '2027-11-30'],
  ])('financialYearEnd(%s, %p) = %s', (date, endMonth, expected) => {
    expect(financialYearEnd(date, endMonth)).toBe(expected);
  });
});

// Jest cannot switch the time zone of its own process, so each zone runs in a child Node process.
describe('independent of the process time zone', () => {
  const probes: ReadonlyArray<[string, string]> = [
    // expression evaluated with `d` = this module, expected result
    ["d.addCalendarMonths('2024-01-31', 1)", '2024-02-29'],
    ["d.addCalendarMonths('2026-03-28', 1)", '2026-04-28'],
    ["d.addCalendarMonths('2026-10-31', -1)", '2026-09-30'],
    ["d.addCalendarYears('2024-02-29', 5)", '2029-02-28'],
    ["d.addCalendarYears('2026-10-25', 1)", '2027-10-25'],
    ["d.financialYearEnd('2026-07-01', 6)", '2027-06-30'],
    ["d.financialYearEnd('2026-03-29')", '2026-12-31'],
    ["d.stockholmDate(new Date('2026-06-30T22:30:00Z'))", '2026-07-01'],
    ["d.stockholmDate(new Date('2026-01-15T22:59:59Z'))", '2026-01-15'],
    ["String(d.yearOf('2026-01-01'))", '2026'],
    ["String(d.isIsoDate('2024-02-29'))", 'true'],
    ["String(d.isIsoDate('2023-02-29'))", 'false'],
  ];

  it.each([
    // zone, its offset in January as Date#getTimezoneOffset reports it (minutes, sign inverted)
    ['UTC', 0],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['Europe/Stockholm', -60],
  ])(
    'TZ=%s gives the same dates',
    (zone, januaryOffset) => {
      const script = `
      const d = require(${JSON.stringify(join(__dirname, 'dates.ts'))});
      const probes = ${JSON.stringify(probes.map(([expression]) => expression))};
      process.stdout.write(JSON.stringify({
        offset: new Date('2026-01-15T12:00:00Z').getTimezoneOffset(),
        results: probes.map((expression) => eval(expression)),
      }));`;
      const output = execFileSync(
        process.execPath,
        [
          '-r',
          require.resolve('ts-node/register/transpile-only'),
          '-e',
          script,
        ],
        {
          env: {
            ...process.env,
            TZ: zone,
            TS_NODE_PROJECT: join(__dirname, '../../tsconfig.spec.json'),
          },
          encoding: 'utf8',
        },
      );
      const { offset, results } = JSON.parse(output) as {
        offset: number;
        results: string[];
      };
      expect(offset).toBe(januaryOffset);
      expect(results).toEqual(probes.map(([, expected]) => expected));
    },
    30_000,
  );
});
