import { computeRetention, IsoDate, RetentionPolicy } from '@privdesk/domain';
import { customerReferenceColumns, PersonalDataDeclaration, personalDataTable, personalDataTables, personReferenceColumns } from './registry';

/**
 * SQL built from the registry's declarations. Every engine that touches personal data — recompute,
 * cull, report, search, export, erasure — composes its statements from these pieces.
 */

/** A SQL string literal (standard-conforming strings): policy texts are admin-edited. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The people a record (alias) is about: its person columns, and a private customer's person. */
export function subjectPeopleSql(declaration: PersonalDataDeclaration, alias = 't'): string {
  if (declaration.recordType === 'person') return `ARRAY[${alias}.id]`;
  const columns = declaration.personColumns.map((column) => `${alias}.${column}`);
  if (declaration.customerColumn) columns.push(`(SELECT c.person_id FROM customer c WHERE c.id = ${alias}.${declaration.customerColumn})`);
  return columns.length ? `ARRAY[${columns.join(', ')}]::uuid[]` : `ARRAY[]::uuid[]`;
}

/** The people a row's person columns name, one row each (`subject.pid`), as a FROM item over `alias`. */
export function personColumnsSql(declaration: Pick<PersonalDataDeclaration, 'personColumns'>, alias = 't'): string {
  return `unnest(ARRAY[${declaration.personColumns.map((column) => `${alias}.${column}`).join(', ')}]::uuid[]) AS subject(pid)`;
}

/** The people's records: a condition (alias) true when the record is about one of the people in `param`. */
export function aboutPeopleSql(declaration: PersonalDataDeclaration, param: string, alias = 't'): string {
  if (declaration.recordType === 'person') return `${alias}.id = ANY(${param})`;
  const conditions = declaration.personColumns.map((column) => `${alias}.${column} = ANY(${param})`);
  if (declaration.customerColumn) {
    conditions.push(`${alias}.${declaration.customerColumn} IN (SELECT c.id FROM customer c WHERE c.person_id = ANY(${param}))`);
  }
  return conditions.length ? `(${conditions.join(' OR ')})` : 'false';
}

/** Tables whose rows go with the person (e.g. mails to him or her): they do not keep the person. */
function personDependantTables(): Set<string> {
  return new Set(personalDataTable('person').dependants.map((dependant) => `${dependant.table}.${dependant.column}`));
}

/**
 * A record is still referenced (alias): a customer by another record, a person by any record —
 * then the cull and the erasure anonymise it instead of deleting it.
 */
export function referencedSql(recordType: string, alias = 't'): string | null {
  if (recordType === 'customer') {
    return customerReferenceColumns()
      .map(({ table, column }) => `EXISTS (SELECT 1 FROM ${table} r WHERE r.${column} = ${alias}.id)`)
      .join(' OR ');
  }
  if (recordType === 'person') {
    const dependants = personDependantTables();
    return personReferenceColumns()
      .filter(({ table, column }) => !dependants.has(`${table}.${column}`))
      .map(({ table, column }) => `EXISTS (SELECT 1 FROM ${table} r WHERE r.${column} = ${alias}.id)`)
      .join(' OR ');
  }
  return null;
}

/** An active legal hold covers the record (alias): on the record itself or on a person it is about. `$1` is the day. */
export function heldSql(declaration: PersonalDataDeclaration, dayParam = '$1', alias = 't'): string {
  return `EXISTS (SELECT 1 FROM legal_hold h WHERE h.released_at IS NULL AND (h.until IS NULL OR h.until >= ${dayParam})
            AND ((h.record_type = ${literal(declaration.recordType)} AND h.record_id = ${alias}.id) OR h.person_id = ANY(${subjectPeopleSql(declaration, alias)})))`;
}

// --- deadlines ----------------------------------------------------------------------------------

/** What the deadline arithmetic reads of a table: its name and its clock. */
export type ClockedTable = Pick<PersonalDataDeclaration, 'table' | 'clock'>;

interface DeadlineSql {
  /** Joins the deadline needs (alias `ag` for the customer's agreements). */
  joins: string;
  retainUntil: string;
  ruleEn: string;
  ruleSv: string;
}

const AGREEMENTS = `(SELECT customer_id, bool_or(end_date IS NULL) AS open, max(end_date) AS last_end FROM agreement GROUP BY customer_id)`;

function caseOf(branches: Array<[string, string]>, otherwise: string): string {
  return `CASE ${branches.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(' ')} ELSE ${otherwise} END`;
}

function need(declaration: ClockedTable, fact: keyof PersonalDataDeclaration['clock'], policy: string): string {
  const sql = declaration.clock[fact];
  if (typeof sql !== 'string') throw new Error(`${declaration.table} declares no ${fact}, which policy ${policy} needs`);
  return sql;
}

/**
 * The deadline a policy's rule gives a record, in SQL over the record (alias `t`) — the same
 * arithmetic as `computeRetention` in libs/domain (a test compares them date by date). The rule's
 * words per branch come from `computeRetention` itself, so they cannot drift.
 */
export function deadlineSql(policy: RetentionPolicy, declaration: ClockedTable, financialYearEndMonth: number): DeadlineSql {
  const rule = policy.rule;
  const words = (facts: Parameters<typeof computeRetention>[1]) => {
    const privacy = computeRetention(policy, facts);
    return { en: literal(privacy.rule), sv: literal(privacy.ruleSv) };
  };
  const sample: IsoDate = '2000-01-01';
  switch (rule.kind) {
    case 'months-from-event': {
      const event = need(declaration, 'event', policy.code);
      const text = words({ eventDate: sample });
      return { joins: '', retainUntil: `(${event} + make_interval(months => ${rule.months}))::date`, ruleEn: text.en, ruleSv: text.sv };
    }
    case 'quote': {
      const event = need(declaration, 'event', policy.code);
      const validUntil = declaration.clock.validUntil ?? 'NULL::date';
      const text = words({ eventDate: sample });
      return { joins: '', retainUntil: `greatest((${event} + make_interval(months => ${rule.months}))::date, ${validUntil})`, ruleEn: text.en, ruleSv: text.sv };
    }
    case 'bookkeeping': {
      const day = need(declaration, 'financialDay', policy.code);
      const open = words({ financialYearEnd: null });
      const closed = words({ financialYearEnd: sample });
      const fiscalYear = `(extract(year FROM ${day})::int + CASE WHEN extract(month FROM ${day}) > ${financialYearEndMonth} THEN 1 ELSE 0 END)`;
      return {
        joins: '',
        retainUntil: `CASE WHEN ${day} IS NULL THEN NULL ELSE make_date(${fiscalYear} + ${rule.years}, 12, 31) END`,
        ruleEn: `CASE WHEN ${day} IS NULL THEN ${open.en} ELSE ${closed.en} END`,
        ruleSv: `CASE WHEN ${day} IS NULL THEN ${open.sv} ELSE ${closed.sv} END`,
      };
    }
    case 'agreement': {
      const event = need(declaration, 'event', policy.code);
      const customer = need(declaration, 'agreementsOf', policy.code);
      const endedOn = declaration.clock.endedOn ?? 'NULL::date';
      const ended = words({ endedOn: sample });
      const none = words({ eventDate: sample, agreements: [] });
      const running = words({ agreements: [{ startDate: sample, endDate: null }] });
      const over = words({ agreements: [{ startDate: sample, endDate: sample }] });
      // Agreements that ended before the record's event were not what the record was made under.
      const applies = declaration.clock.agreementsFromEvent
        ? `(coalesce(ag.open, false) OR coalesce(ag.last_end >= ${event}, false))`
        : `(coalesce(ag.open, false) OR ag.last_end IS NOT NULL)`;
      const years = `make_interval(years => ${rule.yearsAfterEnd})`;
      const branches = (ifEnded: string, ifNone: string, ifRunning: string, ifOver: string) =>
        caseOf(
          [
            [`${endedOn} IS NOT NULL`, ifEnded],
            [`NOT ${applies}`, ifNone],
            ['ag.open', ifRunning],
          ],
          ifOver,
        );
      return {
        joins: `LEFT JOIN ${AGREEMENTS} ag ON ag.customer_id = ${customer}`,
        retainUntil: branches(
          `(${endedOn} + ${years})::date`,
          `(${event} + make_interval(months => ${rule.monthsWithoutAgreement}))::date`,
          'NULL::date',
          `(ag.last_end + ${years})::date`,
        ),
        ruleEn: branches(ended.en, none.en, running.en, over.en),
        ruleSv: branches(ended.sv, none.sv, running.sv, over.sv),
      };
    }
  }
}

/**
 * One set-based statement that recomputes the deadlines of a table's records governed by a policy,
 * writing only rows whose deadline, words or basis change. `scope` (alias `t`) narrows it, e.g. to
 * one customer's records; its parameters follow `$1` (the legal basis).
 */
export function recomputeSql(policy: RetentionPolicy, declaration: PersonalDataDeclaration, financialYearEndMonth: number, scope = 'true'): string {
  const deadline = deadlineSql(policy, declaration, financialYearEndMonth);
  const changed = `(target.retain_until IS DISTINCT FROM d.retain_until OR target.retention_rule IS DISTINCT FROM d.rule_en
                    OR target.retention_rule_sv IS DISTINCT FROM d.rule_sv OR target.legal_basis IS DISTINCT FROM $1)`;
  return `UPDATE ${declaration.table} AS target
             SET legal_basis = $1, retain_until = d.retain_until, retention_rule = d.rule_en, retention_rule_sv = d.rule_sv
            FROM (SELECT t.id, ${deadline.retainUntil} AS retain_until, ${deadline.ruleEn} AS rule_en, ${deadline.ruleSv} AS rule_sv
                    FROM ${declaration.table} t ${deadline.joins}
                   WHERE t.purpose = ${literal(policy.code)} AND t.anonymised_at IS NULL AND (${scope})) d
           WHERE target.id = d.id AND ${changed}`;
}

/** The same deadlines, read rather than written: for the exact policy preview. */
export function deadlinesSql(policy: RetentionPolicy, declaration: ClockedTable, financialYearEndMonth: number, live = 't.anonymised_at IS NULL'): string {
  const deadline = deadlineSql(policy, declaration, financialYearEndMonth);
  return `SELECT t.id, t.retain_until AS before, ${deadline.retainUntil} AS after
            FROM ${declaration.table} t ${deadline.joins}
           WHERE t.purpose = ${literal(policy.code)} AND ${live}`;
}

// --- people ---------------------------------------------------------------------------------------

/**
 * Every role that keeps a person, as rows (person_id, purpose, legal_basis, retain_until, rule,
 * rule_sv, role_en, role_sv). `param` narrows to some people (a uuid[] parameter) or is null.
 */
export function rolesSql(param: string | null): string {
  return personalDataTables()
    .filter((declaration) => declaration.role && declaration.personColumns.length)
    .flatMap((declaration) =>
      declaration.personColumns.map(
        (column) =>
          `SELECT t.${column} AS person_id, t.purpose, t.legal_basis, t.retain_until, t.retention_rule, t.retention_rule_sv,
                  ${literal(declaration.role?.name.en as string)} AS role_en, ${literal(declaration.role?.name.sv as string)} AS role_sv
             FROM ${declaration.table} t
            WHERE t.${column} IS NOT NULL ${param ? `AND t.${column} = ANY(${param})` : ''} ${declaration.role?.where ? `AND (${declaration.role.where})` : ''}`,
      ),
    )
    .join(' UNION ALL ');
}

/**
 * A person is kept while any of his or her roles is kept: the role kept longest (an open-ended
 * one wins) gives the person's purpose, basis and deadline. Set-based; when `scoped`, `$1` is a
 * uuid[] of the people to recompute (each role table then reads only their rows).
 */
export function recomputePeopleSql(scoped: boolean): string {
  return `WITH roles AS (${rolesSql(scoped ? '$1::uuid[]' : null)}),
               governing AS (SELECT DISTINCT ON (person_id) * FROM roles ORDER BY person_id, retain_until DESC NULLS FIRST)
          UPDATE person p
             SET purpose = g.purpose, legal_basis = g.legal_basis, retain_until = g.retain_until,
                 retention_rule = 'as long as the ' || g.role_en || ' record: ' || g.retention_rule,
                 retention_rule_sv = 'så länge som uppgiften som ' || g.role_sv || ': ' || g.retention_rule_sv
            FROM governing g
           WHERE p.id = g.person_id AND p.anonymised_at IS NULL
             AND (p.retain_until IS DISTINCT FROM g.retain_until OR p.purpose <> g.purpose OR p.legal_basis <> g.legal_basis
                  OR p.retention_rule <> 'as long as the ' || g.role_en || ' record: ' || g.retention_rule)`;
}
