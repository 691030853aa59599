import { financialYearEnd } from './dates';
import { DEFAULT_POLICIES } from './policies';
import { PURPOSE_CODES, PurposeCode } from './privacy';
import { DEFAULT_EXPIRY_ACTIONS } from './retention-contracts';
import {
  computeRetention,
  latestRetention,
  MissingRetentionFactError,
  RetentionFacts,
  RetentionPolicy,
  RetentionRule,
} from './retention';

// Every expected date below is worked out by hand from the policy rules (calendar months and
// years; a day missing in the target month becomes its last day), not by calling the code.

const { P1, P2, P3, P4, P5, P6, P7 } = DEFAULT_POLICIES;

/** A policy with a custom rule, as an admin could store it. */
const custom = (rule: RetentionRule): RetentionPolicy => ({
  ...P1,
  code: 'X1',
  clockStarts: { sv: 'händelsen', en: 'the event' },
  rule,
});

describe('DEFAULT_POLICIES', () => {
  it('has exactly one policy per purpose code P1–P7', () => {
    expect(Object.keys(DEFAULT_POLICIES).sort()).toEqual([...PURPOSE_CODES]);
  });

  it.each([
    // code, legal basis, rule
    ['P1', 'consent', { kind: 'months-from-event', months: 24 }],
    ['P2', 'legitimate_interest', { kind: 'quote', months: 24 }],
    [
      'P3',
      'contract',
      { kind: 'agreement', yearsAfterEnd: 5, monthsWithoutAgreement: 24 },
    ],
    [
      'P4',
      'contract',
      { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 },
    ],
    ['P5', 'legitimate_interest', { kind: 'months-from-event', months: 24 }],
    [
      'P6',
      'legitimate_interest',
      { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 },
    ],
    ['P7', 'legal_obligation', { kind: 'bookkeeping', years: 7 }],
  ] as const)('%s: %s, %j', (code, legalBasis, rule) => {
    const policy = DEFAULT_POLICIES[code as PurposeCode];
    expect(policy.code).toBe(code);
    expect(policy.legalBasis).toBe(legalBasis);
    expect(policy.rule).toEqual(rule);
    for (const text of [
      policy.purpose,
      policy.dataCategories,
      policy.clockStarts,
    ]) {
      expect(text.sv).not.toBe('');
      expect(text.en).not.toBe('');
    }
  });
});

describe('DEFAULT_EXPIRY_ACTIONS', () => {
  it.each([
    // policy, what the cull does at expiry by default
    ['P1', 'delete'],
    ['P2', 'delete'],
    ['P3', 'anonymise'], // the customer relationship: purchase records stay, the person goes
    ['P4', 'delete'],
    ['P5', 'delete'],
    ['P6', 'delete'],
    ['P7', 'review'], // bookkeeping: a person decides before it goes
    ['A1', 'delete'], // the deletion certificates themselves
  ])('%s: %s', (code, action) => {
    expect(DEFAULT_EXPIRY_ACTIONS[code]).toBe(action);
  });

  it('gives every default policy an action', () => {
    expect(Object.keys(DEFAULT_EXPIRY_ACTIONS).sort()).toEqual(
      [...PURPOSE_CODES, 'A1'].sort(),
    );
  });
});

describe('computeRetention', () => {
  describe('returns the whole Privacy block', () => {
    it.each([
      // policy, facts, expected Privacy
      [
        'P1',
        { eventDate: '2026-05-15' },
        {
          purpose: 'P1',
          legalBasis: 'consent',
          retainUntil: '2028-05-15',
          rule: '24 months from the application',
          ruleSv: '24 månader från ansökan',
        },
      ],
      [
        'P2',
        { eventDate: '2026-03-10', validUntil: '2026-06-30' },
        {
          purpose: 'P2',
          legalBasis: 'legitimate_interest',
          retainUntil: '2028-03-10',
          rule: 'while valid, at most 24 months from issue',
          ruleSv: 'under giltighetstiden, högst 24 månader från utfärdandet',
        },
      ],
      [
        'P3',
        {
          eventDate: '2020-01-01',
          agreements: [{ startDate: '2020-01-01', endDate: '2026-12-31' }],
        },
        {
          purpose: 'P3',
          legalBasis: 'contract',
          retainUntil: '2031-12-31',
          rule: 'agreement end + 5 years',
          ruleSv: 'avtalets slut + 5 år',
        },
      ],
      [
        'P4',
        {
          eventDate: '2020-01-01',
          agreements: [{ startDate: '2020-01-01', endDate: '2026-12-31' }],
        },
        {
          purpose: 'P4',
          legalBasis: 'contract',
          retainUntil: '2026-12-31',
          rule: 'agreement end',
          ruleSv: 'avtalets slut',
        },
      ],
      [
        'P5',
        { eventDate: '2026-05-15' },
        {
          purpose: 'P5',
          legalBasis: 'legitimate_interest',
          retainUntil: '2028-05-15',
          rule: '24 months from receipt of the contact details',
          ruleSv: '24 månader från mottagandet av kontaktuppgifterna',
        },
      ],
      [
        'P6',
        {
          eventDate: '2020-01-01',
          agreements: [{ startDate: '2020-01-01', endDate: '2026-12-31' }],
        },
        {
          purpose: 'P6',
          legalBasis: 'legitimate_interest',
          retainUntil: '2026-12-31',
          rule: 'agreement end',
          ruleSv: 'avtalets slut',
        },
      ],
      [
        'P7',
        { financialYearEnd: '2026-12-31' },
        {
          purpose: 'P7',
          legalBasis: 'legal_obligation',
          retainUntil: '2033-12-31',
          rule: 'bookkeeping: to 31 December of the 7th year after the financial year ended',
          ruleSv:
            'bokföring: t.o.m. 31 december det 7:e året efter räkenskapsårets slut',
        },
      ],
    ] as Array<[PurposeCode, RetentionFacts, object]>)(
      '%s with %j',
      (code, facts, expected) => {
        expect(computeRetention(DEFAULT_POLICIES[code], facts)).toEqual(
          expected,
        );
      },
    );
  });

  describe.each([
    ['P1', P1, '24 months from the application', '24 månader från ansökan'],
    [
      'P5',
      P5,
      '24 months from receipt of the contact details',
      '24 månader från mottagandet av kontaktuppgifterna',
    ],
  ])('%s: 24 months from the event', (_code, policy, rule, ruleSv) => {
    it.each([
      // eventDate, retainUntil
      ['2026-05-15', '2028-05-15'],
      ['2026-01-01', '2028-01-01'],
      ['2026-12-31', '2028-12-31'],
      ['2026-01-31', '2028-01-31'], // 31 Jan exists two years later
      ['2026-02-28', '2028-02-28'], // not moved to the leap day 2028-02-29
      ['2022-02-28', '2024-02-28'],
      ['2024-02-29', '2026-02-28'], // leap day + 24 months: no 29 Feb in 2026
      ['2026-10-25', '2028-10-25'], // DST change day: irrelevant for dates
    ])('event %s → retain until %s', (eventDate, retainUntil) => {
      expect(computeRetention(policy, { eventDate })).toMatchObject({
        retainUntil,
        rule,
        ruleSv,
      });
    });

    it('ignores facts its rule does not read', () => {
      const facts: RetentionFacts = {
        eventDate: '2026-05-15',
        validUntil: '2030-01-01',
        agreements: [{ startDate: '2026-01-01', endDate: null }],
        endedOn: '2026-06-01',
        financialYearEnd: '2026-12-31',
      };
      expect(computeRetention(policy, facts).retainUntil).toBe('2028-05-15');
    });
  });

  describe('P2: an unwon quote — the later of issue + 24 months and its validity end', () => {
    it.each([
      // eventDate (issued), validUntil, retainUntil
      ['2026-03-10', undefined, '2028-03-10'],
      ['2026-03-10', null, '2028-03-10'],
      ['2026-03-10', '2026-04-10', '2028-03-10'], // usual: validity ends long before 24 months
      ['2026-03-10', '2028-03-09', '2028-03-10'],
      ['2026-03-10', '2028-03-10', '2028-03-10'], // same day
      ['2026-03-10', '2028-03-11', '2028-03-11'], // validity one day longer wins
      ['2026-03-10', '2028-06-30', '2028-06-30'],
      ['2026-01-31', '2026-02-28', '2028-01-31'],
      ['2024-02-29', '2026-02-27', '2026-02-28'], // leap-day issue: 2026-02-28 beats the 27th
      ['2024-02-29', '2026-03-01', '2026-03-01'],
      ['2025-12-31', undefined, '2027-12-31'],
    ])(
      'issued %s, valid until %p → %s',
      (eventDate, validUntil, retainUntil) => {
        expect(computeRetention(P2, { eventDate, validUntil })).toEqual({
          purpose: 'P2',
          legalBasis: 'legitimate_interest',
          retainUntil,
          rule: 'while valid, at most 24 months from issue',
          ruleSv: 'under giltighetstiden, högst 24 månader från utfärdandet',
        });
      },
    );
  });

  describe('agreement-bound policies', () => {
    const ended = (startDate: string, endDate: string) => ({
      startDate,
      endDate,
    });
    const open = (startDate: string) => ({ startDate, endDate: null });

    describe.each([
      // policy, years after the end
      ['P3', P3, 5],
      ['P4', P4, 0],
      ['P6', P6, 0],
    ] as const)('%s', (code, policy, years) => {
      const words = {
        agreementEnd: years
          ? {
              rule: `agreement end + ${years} years`,
              ruleSv: `avtalets slut + ${years} år`,
            }
          : { rule: 'agreement end', ruleSv: 'avtalets slut' },
        running: years
          ? {
              rule: `while the agreement runs, then ${years} years`,
              ruleSv: `medan avtalet löper, sedan ${years} år`,
            }
          : { rule: 'while the agreement runs', ruleSv: 'medan avtalet löper' },
        roleEnded: years
          ? {
              rule: `role ended + ${years} years`,
              ruleSv: `rollen upphörde + ${years} år`,
            }
          : { rule: 'role ended', ruleSv: 'rollen upphörde' },
        none: {
          rule: 'no agreement: 24 months from registration',
          ruleSv: 'inget avtal: 24 månader från registreringen',
        },
      };

      // Expected dates per policy: P3 adds five calendar years to the end, P4/P6 keep the end.
      const byPolicy = (p3: string | null, p4p6: string | null) =>
        code === 'P3' ? p3 : p4p6;

      it.each([
        // description, facts, P3 retainUntil, P4/P6 retainUntil
        [
          'one ended agreement',
          { agreements: [ended('2020-01-01', '2026-12-31')] },
          '2031-12-31',
          '2026-12-31',
        ],
        [
          'ended on a month end',
          { agreements: [ended('2020-01-01', '2026-01-31')] },
          '2031-01-31',
          '2026-01-31',
        ],
        [
          'ended on a leap day',
          { agreements: [ended('2020-01-01', '2024-02-29')] },
          '2029-02-28',
          '2024-02-29',
        ],
        [
          'ended on 28 Feb before a leap year',
          { agreements: [ended('2020-01-01', '2023-02-28')] },
          '2028-02-28',
          '2023-02-28',
        ],
        [
          'several agreements: the latest end counts (latest last)',
          {
            agreements: [
              ended('2019-01-01', '2023-12-31'),
              ended('2020-01-01', '2022-06-30'),
              ended('2021-01-01', '2025-03-31'),
            ],
          },
          '2030-03-31',
          '2025-03-31',
        ],
        [
          'several agreements: the latest end counts (latest first)',
          {
            agreements: [
              ended('2021-01-01', '2025-03-31'),
              ended('2019-01-01', '2023-12-31'),
              ended('2020-01-01', '2022-06-30'),
            ],
          },
          '2030-03-31',
          '2025-03-31',
        ],
        [
          'several agreements: the latest end counts, not the latest start',
          {
            agreements: [
              ended('2024-01-01', '2024-12-31'),
              ended('2018-05-01', '2027-04-30'),
            ],
          },
          '2032-04-30',
          '2027-04-30',
        ],
        [
          'registration date is not needed once there is an agreement',
          { agreements: [ended('2026-01-01', '2026-06-30')] },
          '2031-06-30',
          '2026-06-30',
        ],
        [
          'registration date does not matter once there is an agreement',
          {
            eventDate: '2010-01-01',
            agreements: [ended('2026-01-01', '2026-06-30')],
          },
          '2031-06-30',
          '2026-06-30',
        ],
      ] as Array<[string, RetentionFacts, string, string]>)(
        '%s',
        (_description, facts, p3, p4p6) => {
          expect(computeRetention(policy, facts)).toMatchObject({
            purpose: code,
            retainUntil: byPolicy(p3, p4p6),
            ...words.agreementEnd,
          });
        },
      );

      it.each([
        ['a single open-ended agreement', [open('2020-01-01')]],
        [
          'an open-ended agreement among ended ones',
          [
            ended('2018-01-01', '2019-12-31'),
            open('2020-01-01'),
            ended('2021-01-01', '2030-12-31'),
          ],
        ],
        ['an open-ended agreement started in the future', [open('2099-01-01')]],
      ])(
        '%s → kept while it runs (retainUntil null)',
        (_description, agreements) => {
          expect(
            computeRetention(policy, { eventDate: '2020-01-01', agreements }),
          ).toMatchObject({ retainUntil: null, ...words.running });
        },
      );

      it.each([
        // eventDate (registration), retainUntil
        ['2026-05-15', '2028-05-15'],
        ['2026-01-31', '2028-01-31'],
        ['2024-02-29', '2026-02-28'],
        ['2025-12-31', '2027-12-31'],
      ])('no agreement: registered %s → %s', (eventDate, retainUntil) => {
        expect(computeRetention(policy, { eventDate })).toMatchObject({
          retainUntil,
          ...words.none,
        });
        expect(
          computeRetention(policy, { eventDate, agreements: [] }),
        ).toMatchObject({ retainUntil, ...words.none });
      });

      it.each([
        // endedOn, agreements, P3 retainUntil, P4/P6 retainUntil
        ['2026-08-31', undefined, '2031-08-31', '2026-08-31'],
        ['2026-08-31', [], '2031-08-31', '2026-08-31'],
        ['2026-08-31', [open('2020-01-01')], '2031-08-31', '2026-08-31'], // the role ended although the agreement runs on
        [
          '2026-08-31',
          [ended('2020-01-01', '2030-12-31')],
          '2031-08-31',
          '2026-08-31',
        ], // ... or ends later
        [
          '2024-02-29',
          [ended('2020-01-01', '2022-12-31')],
          '2029-02-28',
          '2024-02-29',
        ],
        ['2026-01-31', undefined, '2031-01-31', '2026-01-31'],
      ] as Array<[string, RetentionFacts['agreements'], string, string]>)(
        'contact left on %s (agreements %j) → from the day the role ended',
        (endedOn, agreements, p3, p4p6) => {
          // No eventDate: the role's end is enough.
          expect(
            computeRetention(policy, { endedOn, agreements }),
          ).toMatchObject({
            retainUntil: byPolicy(p3, p4p6),
            ...words.roleEnded,
          });
        },
      );

      it.each([null, undefined])('endedOn %p is ignored', (endedOn) => {
        expect(
          computeRetention(policy, {
            endedOn,
            agreements: [ended('2020-01-01', '2026-12-31')],
          }),
        ).toMatchObject({
          retainUntil: byPolicy('2031-12-31', '2026-12-31'),
          ...words.agreementEnd,
        });
      });

      it.each([
        ['no facts at all', {}],
        ['no agreements', { agreements: [] }],
        ['an empty registration date', { eventDate: '' }],
        ['endedOn null', { endedOn: null }],
      ] as Array<[string, RetentionFacts]>)(
        'without agreements it needs the registration date: %s',
        (_description, facts) => {
          expect(() => computeRetention(policy, facts)).toThrow(
            MissingRetentionFactError,
          );
          expect(() => computeRetention(policy, facts)).toThrow(
            `Policy ${code} needs the record's eventDate to compute its retention`,
          );
        },
      );
    });
  });

  describe('P7: bookkeeping — to 31 December of the 7th year after the financial year ended', () => {
    const words = {
      rule: 'bookkeeping: to 31 December of the 7th year after the financial year ended',
      ruleSv:
        'bokföring: t.o.m. 31 december det 7:e året efter räkenskapsårets slut',
    };

    it.each([
      // financialYearEnd, retainUntil
      ['2026-12-31', '2033-12-31'],
      ['2025-12-31', '2032-12-31'],
      ['2024-12-31', '2031-12-31'],
      ['2026-04-30', '2033-12-31'], // broken year ending in April 2026: 7th year after 2026
      ['2026-06-30', '2033-12-31'],
      ['2026-08-31', '2033-12-31'],
      ['2024-02-29', '2031-12-31'],
    ])('financial year ended %s → %s', (yearEnd, retainUntil) => {
      expect(computeRetention(P7, { financialYearEnd: yearEnd })).toEqual({
        purpose: 'P7',
        legalBasis: 'legal_obligation',
        retainUntil,
        ...words,
      });
    });

    it.each([
      // voucher date, financial year's end month, retainUntil
      ['2026-03-15', 12, '2033-12-31'], // calendar year 2026
      ['2026-12-31', 12, '2033-12-31'],
      ['2026-03-15', 4, '2033-12-31'], // FY 2025-05-01..2026-04-30
      ['2026-05-01', 4, '2034-12-31'], // FY 2026-05-01..2027-04-30
      ['2026-06-30', 6, '2033-12-31'], // FY 2025-07-01..2026-06-30
      ['2026-07-01', 6, '2034-12-31'], // FY 2026-07-01..2027-06-30
      ['2026-12-31', 6, '2034-12-31'],
      ['2026-08-31', 8, '2033-12-31'], // FY 2025-09-01..2026-08-31
      ['2026-09-01', 8, '2034-12-31'], // FY 2026-09-01..2027-08-31
    ])(
      'a record dated %s with a financial year ending in month %i → %s',
      (date, endMonth, retainUntil) => {
        expect(
          computeRetention(P7, {
            financialYearEnd: financialYearEnd(date, endMonth),
          }),
        ).toMatchObject({ retainUntil, ...words });
      },
    );

    it.each([
      ['no financial year end yet', {}],
      ['financial year end null', { financialYearEnd: null }],
      ['only an event date', { eventDate: '2026-05-15' }],
    ] as Array<[string, RetentionFacts]>)(
      '%s → kept while the agreement runs (null), no error',
      (_description, facts) => {
        expect(computeRetention(P7, facts)).toEqual({
          purpose: 'P7',
          legalBasis: 'legal_obligation',
          retainUntil: null,
          rule: 'while the agreement runs, then to 31 December of the 7th year after its financial year',
          ruleSv:
            'medan avtalet löper, sedan t.o.m. 31 december det 7:e året efter räkenskapsåret',
        });
      },
    );
  });

  describe('missing facts', () => {
    it.each([
      ['P1', P1, {}],
      ['P1', P1, { eventDate: '' }],
      ['P1', P1, { validUntil: '2026-12-31', financialYearEnd: '2026-12-31' }],
      ['P2', P2, {}],
      ['P2', P2, { validUntil: '2026-12-31' }], // validity alone is not enough
      ['P5', P5, {}],
      ['P3', P3, {}],
      ['P4', P4, { agreements: [] }],
      ['P6', P6, { endedOn: null, agreements: [] }],
    ] as Array<[string, RetentionPolicy, RetentionFacts]>)(
      '%s with %j throws MissingRetentionFactError',
      (code, policy, facts) => {
        let error: unknown;
        try {
          computeRetention(policy, facts);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(MissingRetentionFactError);
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toBe(
          `Policy ${code} needs the record's eventDate to compute its retention`,
        );
      },
    );
  });

  describe('rule words for admin-edited policies', () => {
    it.each([
      // rule, facts, retainUntil, rule (en), ruleSv
      [
        { kind: 'months-from-event', months: 1 },
        { eventDate: '2026-01-31' },
        '2026-02-28',
        '1 month from the event',
        '1 månad från händelsen',
      ],
      [
        { kind: 'months-from-event', months: 6 },
        { eventDate: '2026-08-31' },
        '2027-02-28',
        '6 months from the event',
        '6 månader från händelsen',
      ],
      [
        { kind: 'months-from-event', months: 0 },
        { eventDate: '2026-08-31' },
        '2026-08-31',
        '0 months from the event',
        '0 månader från händelsen',
      ],
      [
        { kind: 'quote', months: 1 },
        { eventDate: '2024-01-31' },
        '2024-02-29',
        'while valid, at most 1 month from issue',
        'under giltighetstiden, högst 1 månad från utfärdandet',
      ],
      [
        { kind: 'quote', months: 12 },
        { eventDate: '2024-02-29', validUntil: '2024-06-30' },
        '2025-02-28',
        'while valid, at most 12 months from issue',
        'under giltighetstiden, högst 12 månader från utfärdandet',
      ],
      [
        { kind: 'agreement', yearsAfterEnd: 1, monthsWithoutAgreement: 1 },
        { agreements: [{ startDate: '2020-01-01', endDate: '2024-02-29' }] },
        '2025-02-28',
        'agreement end + 1 year',
        'avtalets slut + 1 år',
      ],
      [
        { kind: 'agreement', yearsAfterEnd: 1, monthsWithoutAgreement: 1 },
        { agreements: [{ startDate: '2020-01-01', endDate: null }] },
        null,
        'while the agreement runs, then 1 year',
        'medan avtalet löper, sedan 1 år',
      ],
      [
        { kind: 'agreement', yearsAfterEnd: 1, monthsWithoutAgreement: 1 },
        { endedOn: '2026-03-31' },
        '2027-03-31',
        'role ended + 1 year',
        'rollen upphörde + 1 år',
      ],
      [
        { kind: 'agreement', yearsAfterEnd: 1, monthsWithoutAgreement: 1 },
        { eventDate: '2026-03-31' },
        '2026-04-30',
        'no agreement: 1 month from registration',
        'inget avtal: 1 månad från registreringen',
      ],
      [
        { kind: 'agreement', yearsAfterEnd: 2, monthsWithoutAgreement: 12 },
        { eventDate: '2026-03-31' },
        '2027-03-31',
        'no agreement: 12 months from registration',
        'inget avtal: 12 månader från registreringen',
      ],
    ] as Array<[RetentionRule, RetentionFacts, string | null, string, string]>)(
      '%j with %j',
      (rule, facts, retainUntil, en, sv) => {
        expect(computeRetention(custom(rule), facts)).toMatchObject({
          purpose: 'X1',
          retainUntil,
          rule: en,
          ruleSv: sv,
        });
      },
    );

    it.each([
      // years, English ordinal, Swedish ordinal, retainUntil for a financial year ending 2026-12-31
      [1, '1st', '1:a', '2027-12-31'],
      [2, '2nd', '2:a', '2028-12-31'],
      [3, '3rd', '3:e', '2029-12-31'],
      [4, '4th', '4:e', '2030-12-31'],
      [7, '7th', '7:e', '2033-12-31'],
      [10, '10th', '10:e', '2036-12-31'], // the rule of the old bookkeeping act
      [11, '11th', '11:e', '2037-12-31'],
      [12, '12th', '12:e', '2038-12-31'],
      [13, '13th', '13:e', '2039-12-31'],
      [21, '21st', '21:a', '2047-12-31'],
      [22, '22nd', '22:a', '2048-12-31'],
      [23, '23rd', '23:e', '2049-12-31'],
      [101, '101st', '101:a', '2127-12-31'],
      [111, '111th', '111:e', '2137-12-31'],
      [112, '112th', '112:e', '2138-12-31'],
    ])('bookkeeping %i years: "%s" / "%s"', (years, en, sv, retainUntil) => {
      const policy = custom({ kind: 'bookkeeping', years });
      expect(
        computeRetention(policy, { financialYearEnd: '2026-12-31' }),
      ).toMatchObject({
        retainUntil,
        rule: `bookkeeping: to 31 December of the ${en} year after the financial year ended`,
        ruleSv: `bokföring: t.o.m. 31 december det ${sv} året efter räkenskapsårets slut`,
      });
      expect(computeRetention(policy, {})).toMatchObject({
        retainUntil: null,
        rule: `while the agreement runs, then to 31 December of the ${en} year after its financial year`,
        ruleSv: `medan avtalet löper, sedan t.o.m. 31 december det ${sv} året efter räkenskapsåret`,
      });
    });
  });
});

describe('latestRetention', () => {
  it.each([
    // deadlines, expected
    [['2026-01-01'], '2026-01-01'],
    [['2026-01-01', '2031-12-31', '2028-05-15'], '2031-12-31'],
    [['2031-12-31', '2026-01-01'], '2031-12-31'],
    [['2028-05-15', '2028-05-15'], '2028-05-15'],
    [['2026-09-30', '2026-10-01'], '2026-10-01'],
    [['2033-12-31', '2031-12-31', '2028-02-29'], '2033-12-31'],
    [[null], null], // an open-ended record keeps the person open-ended ...
    [['2026-01-01', null], null],
    [[null, '2099-12-31'], null], // ... whatever the other deadlines are
    [[], null], // no deadline known
  ] as Array<[Array<string | null>, string | null]>)(
    'latestRetention(%j) = %p',
    (deadlines, expected) => {
      expect(latestRetention(deadlines)).toBe(expected);
    },
  );

  it('combines computed deadlines of a person with several records', () => {
    const deadlines = [
      computeRetention(P1, { eventDate: '2024-02-29' }).retainUntil, // 2026-02-28
      computeRetention(P5, { eventDate: '2026-01-31' }).retainUntil, // 2028-01-31
      computeRetention(P6, { endedOn: '2027-06-30' }).retainUntil, // 2027-06-30
      computeRetention(P3, {
        agreements: [{ startDate: '2020-01-01', endDate: '2024-02-29' }],
      }).retainUntil, // 2029-02-28
    ];
    expect(latestRetention(deadlines)).toBe('2029-02-28');
    expect(
      latestRetention([
        ...deadlines,
        computeRetention(P4, {
          agreements: [{ startDate: '2020-01-01', endDate: null }],
        }).retainUntil,
      ]),
    ).toBeNull();
  });
});
