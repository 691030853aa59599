import { computeRetention, IsoDate, RetentionPolicy, RetentionRule } from '@privdesk/domain';
import { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import { ClockedTable, deadlineSql } from './registry-sql';

/**
 * The set-based recompute computes deadlines in SQL; records created one at a time get theirs from
 * `computeRetention` in TypeScript. Both must give the same day and the same words for every rule,
 * at the edges: leap days, month ends, year ends, open and ended agreements.
 */
const policy = (rule: RetentionRule): RetentionPolicy => ({
  code: 'T1',
  purpose: { sv: 'Test', en: 'Test' },
  dataCategories: { sv: 'Test', en: 'Test' },
  legalBasis: 'contract',
  clockStarts: { sv: 'händelsen', en: 'the event' },
  rule,
});

/** A record type whose facts are the test row's columns. */
const declaration: ClockedTable = {
  table: 'sample',
  clock: { event: 't.event', validUntil: 't.valid_until', agreementsOf: 't.customer_id', endedOn: 't.ended_on', financialDay: 't.financial_day' },
};

interface Sample {
  event?: IsoDate;
  validUntil?: IsoDate | null;
  endedOn?: IsoDate | null;
  financialDay?: IsoDate | null;
  agreements?: Array<{ startDate: IsoDate; endDate: IsoDate | null }>;
}

const EDGES: IsoDate[] = ['2024-02-29', '2023-01-31', '2024-01-31', '2025-12-31', '2026-03-31', '2026-10-25', '2028-02-29', '2026-06-30'];

/** Support and check-ins: only agreements still running on the record's day count. */
const fromEvent: ClockedTable = { ...declaration, clock: { ...declaration.clock, agreementsFromEvent: true } };

const cases: Array<[string, RetentionRule, Sample, boolean?]> = [
  ...EDGES.flatMap((day): Array<[string, RetentionRule, Sample, boolean?]> => [
    [`months from ${day}`, { kind: 'months-from-event', months: 1 }, { event: day }],
    [`24 months from ${day}`, { kind: 'months-from-event', months: 24 }, { event: day }],
    [`quote issued ${day}, short validity`, { kind: 'quote', months: 24 }, { event: day, validUntil: day }],
    [`quote issued ${day}, long validity`, { kind: 'quote', months: 1 }, { event: day, validUntil: '2030-01-15' }],
    [`bookkeeping of ${day}`, { kind: 'bookkeeping', years: 7 }, { financialDay: day }],
    [`no agreement, registered ${day}`, { kind: 'agreement', yearsAfterEnd: 5, monthsWithoutAgreement: 24 }, { event: day, agreements: [] }],
    [`agreement ended ${day}`, { kind: 'agreement', yearsAfterEnd: 5, monthsWithoutAgreement: 24 }, { event: '2020-01-01', agreements: [{ startDate: '2019-01-01', endDate: day }] }],
    [`support registered ${day} without agreements`, { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 }, { event: day, agreements: [] }, true],
    [`support registered ${day} after the agreement ended`, { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 }, { event: day, agreements: [{ startDate: '2019-01-01', endDate: '2023-01-30' }] }, true],
    [`support registered ${day} under an agreement ending 2030`, { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 }, { event: day, agreements: [{ startDate: '2019-01-01', endDate: '2030-06-30' }] }, true],
    [`role ended ${day}`, { kind: 'agreement', yearsAfterEnd: 1, monthsWithoutAgreement: 24 }, { event: '2020-01-01', endedOn: day, agreements: [{ startDate: '2019-01-01', endDate: null }] }],
  ]),
  ['bookkeeping, financial year not ended', { kind: 'bookkeeping', years: 7 }, { financialDay: null }],
  ['running agreement', { kind: 'agreement', yearsAfterEnd: 5, monthsWithoutAgreement: 24 }, { event: '2026-01-01', agreements: [{ startDate: '2025-01-01', endDate: null }] }],
  [
    'several agreements, the last end wins',
    { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 },
    { event: '2020-01-01', agreements: [{ startDate: '2019-01-01', endDate: '2021-03-31' }, { startDate: '2019-01-01', endDate: '2024-02-29' }] },
  ],
];

describe('deadlines in SQL equal computeRetention (real PostgreSQL)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource(process.env['DATABASE_URL'] as string);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  // Every row has all four values: a test function declaring more parameters than a row gives would be taken for a `done` callback.
  const rows = cases.map(([name, rule, sample, onlyFromEvent]): [string, RetentionRule, Sample, boolean] => [name, rule, sample, onlyFromEvent ?? false]);

  it.each(rows)('%s', async (_name, rule, sample, onlyFromEvent) => {
    // Records registered after every agreement ended follow the no-agreement rule (as the services do).
    const agreements = onlyFromEvent ? (sample.agreements ?? []).filter((a) => a.endDate === null || a.endDate >= (sample.event as string)) : sample.agreements;
    const expected = computeRetention(policy(rule), {
      ...sample,
      agreements,
      eventDate: sample.event,
      financialYearEnd: sample.financialDay ? `${sample.financialDay.slice(0, 4)}-12-31` : null,
    });
    const deadline = deadlineSql(policy(rule), onlyFromEvent ? fromEvent : declaration, 12);
    // A common table expression named like the agreements table stands in for it in this one query.
    const agreementRows = (sample.agreements ?? []).map((_agreement, index) => `(1, $${index + 5}::date)`);
    const agreementTable = agreementRows.length ? `VALUES ${agreementRows.join(', ')}` : 'SELECT 1, NULL::date WHERE false';
    const [row] = await dataSource.query(
      `WITH agreement (customer_id, end_date) AS (${agreementTable})
       SELECT ${deadline.retainUntil}::text AS until, ${deadline.ruleEn} AS en, ${deadline.ruleSv} AS sv
         FROM (SELECT $1::date AS event, $2::date AS valid_until, 1 AS customer_id, $3::date AS ended_on, $4::date AS financial_day) t ${deadline.joins}`,
      [sample.event ?? null, sample.validUntil ?? null, sample.endedOn ?? null, sample.financialDay ?? null, ...(sample.agreements ?? []).map((a) => a.endDate)],
    );
    expect(row).toEqual({ until: expected.retainUntil, en: expected.rule, sv: expected.ruleSv });
  });

  it('follows the financial year when it ends in another month than December', async () => {
    const rule: RetentionRule = { kind: 'bookkeeping', years: 7 };
    const deadline = deadlineSql(policy(rule), declaration, 6);
    const rows: Array<{ day: string; until: string }> = await dataSource.query(
      `SELECT t.financial_day::text AS day, ${deadline.retainUntil}::text AS until FROM (VALUES ('2026-06-30'::date), ('2026-07-01'::date)) AS t(financial_day)`,
    );
    expect(rows).toEqual([
      { day: '2026-06-30', until: '2033-12-31' },
      { day: '2026-07-01', until: '2034-12-31' },
    ]);
  });
});
