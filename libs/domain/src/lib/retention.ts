import { addCalendarMonths, addCalendarYears, IsoDate, laterOf, yearOf } from './dates';
import { LegalBasis, Localised, Privacy } from './privacy';

/** How a policy computes the last day a record may be kept. */
export type RetentionRule =
  /** A fixed period from one event: an application submitted (P1), contact details received (P5). */
  | { kind: 'months-from-event'; months: number }
  /** An unwon quote (P2): until `months` after issue, or the end of its validity if that is later. */
  | { kind: 'quote'; months: number }
  /**
   * Bound to the customer's agreements (P3, P4, P6): kept while an agreement runs and
   * `yearsAfterEnd` after the last one ends. Without any agreement the clock runs from
   * registration for `monthsWithoutAgreement`.
   */
  | { kind: 'agreement'; yearsAfterEnd: number; monthsWithoutAgreement: number }
  /** Bookkeeping law (P7): to 31 December of the `years`th year after the financial year ended. */
  | { kind: 'bookkeeping'; years: number };

export interface RetentionPolicy {
  code: string;
  purpose: Localised;
  dataCategories: Localised;
  legalBasis: LegalBasis;
  clockStarts: Localised;
  rule: RetentionRule;
}

/** The dates of one record that its policy's rule reads. */
export interface RetentionFacts {
  /** The event that starts the clock: submitted, received, issued or registered. */
  eventDate?: IsoDate;
  /** Quotes: last day of validity. */
  validUntil?: IsoDate | null;
  /** Agreement-bound records: the customer's agreements. */
  agreements?: ReadonlyArray<{ startDate: IsoDate; endDate: IsoDate | null }>;
  /** The role ended on its own (a contact person left the company). */
  endedOn?: IsoDate | null;
  /** Bookkeeping: last day of the financial year the record belongs to. */
  financialYearEnd?: IsoDate | null;
}

export class MissingRetentionFactError extends Error {
  constructor(policy: string, fact: keyof RetentionFacts) {
    super(`Policy ${policy} needs the record's ${fact} to compute its retention`);
  }
}

interface Deadline {
  retainUntil: IsoDate | null;
  rule: Localised;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function computeRetention(policy: RetentionPolicy, facts: RetentionFacts): Privacy {
  const deadline = deadlineFor(policy, facts);
  return {
    purpose: policy.code,
    legalBasis: policy.legalBasis,
    retainUntil: deadline.retainUntil,
    rule: deadline.rule.en,
    ruleSv: deadline.rule.sv,
  };
}

function deadlineFor(policy: RetentionPolicy, facts: RetentionFacts): Deadline {
  const rule = policy.rule;
  switch (rule.kind) {
    case 'months-from-event': {
      const from = required(policy, facts, 'eventDate');
      return {
        retainUntil: addCalendarMonths(from, rule.months),
        rule: {
          en: `${plural(rule.months, 'month', 'months')} from ${policy.clockStarts.en}`,
          sv: `${plural(rule.months, 'månad', 'månader')} från ${policy.clockStarts.sv}`,
        },
      };
    }
    case 'quote': {
      const issued = required(policy, facts, 'eventDate');
      const fromIssue = addCalendarMonths(issued, rule.months);
      const validUntil = facts.validUntil ?? null;
      return {
        retainUntil: validUntil ? laterOf(fromIssue, validUntil) : fromIssue,
        rule: {
          en: `while valid, at most ${plural(rule.months, 'month', 'months')} from issue`,
          sv: `under giltighetstiden, högst ${plural(rule.months, 'månad', 'månader')} från utfärdandet`,
        },
      };
    }
    case 'agreement':
      return agreementDeadline(policy, rule, facts);
    case 'bookkeeping': {
      const yearEnd = facts.financialYearEnd ?? null;
      if (!yearEnd) {
        return {
          retainUntil: null,
          rule: {
            en: `while the agreement runs, then to 31 December of the ${ordinal(rule.years)} year after its financial year`,
            sv: `medan avtalet löper, sedan t.o.m. 31 december det ${ordinalSv(rule.years)} året efter räkenskapsåret`,
          },
        };
      }
      return {
        retainUntil: `${yearOf(yearEnd) + rule.years}-12-31`,
        rule: {
          en: `bookkeeping: to 31 December of the ${ordinal(rule.years)} year after the financial year ended`,
          sv: `bokföring: t.o.m. 31 december det ${ordinalSv(rule.years)} året efter räkenskapsårets slut`,
        },
      };
    }
  }
}

function agreementDeadline(
  policy: RetentionPolicy,
  rule: Extract<RetentionRule, { kind: 'agreement' }>,
  facts: RetentionFacts,
): Deadline {
  const after = rule.yearsAfterEnd;
  const plusEn = after ? ` + ${plural(after, 'year', 'years')}` : '';
  const plusSv = after ? ` + ${after} år` : '';
  if (facts.endedOn) {
    return {
      retainUntil: addCalendarYears(facts.endedOn, after),
      rule: { en: `role ended${plusEn}`, sv: `rollen upphörde${plusSv}` },
    };
  }
  const agreements = facts.agreements ?? [];
  if (agreements.length === 0) {
    const registered = required(policy, facts, 'eventDate');
    return {
      retainUntil: addCalendarMonths(registered, rule.monthsWithoutAgreement),
      rule: {
        en: `no agreement: ${plural(rule.monthsWithoutAgreement, 'month', 'months')} from registration`,
        sv: `inget avtal: ${plural(rule.monthsWithoutAgreement, 'månad', 'månader')} från registreringen`,
      },
    };
  }
  if (agreements.some((agreement) => agreement.endDate === null)) {
    return {
      retainUntil: null,
      rule: { en: `while the agreement runs${after ? `, then ${plural(after, 'year', 'years')}` : ''}`, sv: `medan avtalet löper${after ? `, sedan ${after} år` : ''}` },
    };
  }
  const lastEnd = agreements.map((agreement) => agreement.endDate as IsoDate).reduce(laterOf);
  return {
    retainUntil: addCalendarYears(lastEnd, after),
    rule: { en: `agreement end${plusEn}`, sv: `avtalets slut${plusSv}` },
  };
}

function required(policy: RetentionPolicy, facts: RetentionFacts, fact: 'eventDate'): IsoDate {
  const value = facts[fact];
  if (!value) throw new MissingRetentionFactError(policy.code, fact);
  return value;
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** Swedish ordinal: 1:a, 2:a, 3:e … 11:e, 12:e … 21:a, 22:a. */
function ordinalSv(n: number): string {
  return `${n}:${(n % 10 === 1 || n % 10 === 2) && n % 100 !== 11 && n % 100 !== 12 ? 'a' : 'e'}`;
}

/**
 * A person is kept while any record about him or her is kept: the latest deadline wins, and an
 * open-ended record (null) keeps the person open-ended.
 */
export function latestRetention(deadlines: ReadonlyArray<IsoDate | null>): IsoDate | null {
  if (deadlines.length === 0 || deadlines.some((deadline) => deadline === null)) return null;
  return (deadlines as IsoDate[]).reduce(laterOf);
}
