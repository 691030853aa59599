import { EntityManager } from 'typeorm';

/** The record types the cull visits, in order: links before the records they link, people last. */
export const CULL_ORDER = ['ticket', 'device_checkin', 'quote', 'marketing_contact', 'applicant', 'inquiry', 'subject_request', 'contact_person', 'agreement', 'customer', 'person'] as const;
export type CullRecordType = (typeof CULL_ORDER)[number];

export interface CullResult {
  deleted: string[];
  anonymised: string[];
}

export interface CullStepDefinition {
  table: string;
  /** SQL (alias `t`) for the person a record is about: a hold on the person holds the record. */
  personSql: string;
  /** SQL (alias `t`) naming the record for people reading a list (admins only). */
  labelSql: string;
  /** SQL (alias `t`): an anonymised record is taken again when this holds (what kept it is gone). */
  revisitSql?: string;
  /** Deletes or anonymises the records, set-based, inside the batch's transaction. */
  cull(manager: EntityManager, ids: string[]): Promise<CullResult>;
}

const PERSON_LABEL = `(SELECT p.first_name || ' ' || p.last_name FROM person p WHERE p.id = t.person_id)`;

/** Text columns where people's names and contact details turn up in free text. */
const FREE_TEXT_COLUMNS: Array<{ table: string; column: string }> = [
  { table: 'agreement', column: 'title' },
  { table: 'contact_person', column: 'title' },
  { table: 'ticket', column: 'subject' },
  { table: 'ticket', column: 'description' },
  { table: 'ticket_entry', column: 'body' },
  { table: 'device_checkin', column: 'reported_fault' },
  { table: 'device_checkin', column: 'work_done' },
  { table: 'quote', column: 'title' },
  { table: 'inquiry', column: 'message' },
];

/** A customer or person is still referenced by one of these: anonymised rather than deleted. */
const CUSTOMER_REFERENCES = ['agreement', 'ticket', 'device_checkin', 'quote'];
const PERSON_REFERENCES = [
  { table: 'customer', column: 'person_id' },
  { table: 'contact_person', column: 'person_id' },
  { table: 'ticket', column: 'requester_id' },
  { table: 'device_checkin', column: 'handed_in_by_id' },
  { table: 'quote', column: 'holder_id' },
  { table: 'marketing_contact', column: 'person_id' },
  { table: 'applicant', column: 'person_id' },
  { table: 'inquiry', column: 'person_id' },
];
const referencesCustomer = (alias: string) => CUSTOMER_REFERENCES.map((table) => `EXISTS (SELECT 1 FROM ${table} r WHERE r.customer_id = ${alias}.id)`).join(' OR ');
const referencesPerson = (alias: string) => PERSON_REFERENCES.map(({ table, column }) => `EXISTS (SELECT 1 FROM ${table} r WHERE r.${column} = ${alias}.id)`).join(' OR ');

/** Tasks point at records by id; they go with the record. */
async function deleteRecords(manager: EntityManager, table: string, ids: string[]): Promise<CullResult> {
  await manager.query('DELETE FROM staff_task WHERE record_id = ANY($1)', [ids]);
  await manager.query(`DELETE FROM ${table} WHERE id = ANY($1)`, [ids]);
  return { deleted: ids, anonymised: [] };
}

const CUSTOMER_LABEL = `(SELECT c.customer_number || ' ' || coalesce(o.name, cp.first_name || ' ' || cp.last_name) FROM customer c LEFT JOIN organisation o ON o.id = c.organisation_id LEFT JOIN person cp ON cp.id = c.person_id WHERE c.id = t.customer_id)`;

export const CULL_STEPS: Record<CullRecordType, CullStepDefinition> = {
  // A ticket goes with its timeline (entries cascade); its requester is culled on his or her own deadline.
  ticket: {
    table: 'ticket',
    personSql: 't.requester_id',
    labelSql: `'#' || t.ticket_number || ' ' || t.subject || ' — ' || ${CUSTOMER_LABEL}`,
    cull: (manager, ids) => deleteRecords(manager, 'ticket', ids),
  },
  device_checkin: {
    table: 'device_checkin',
    personSql: 't.handed_in_by_id',
    labelSql: `'#' || t.checkin_number || ' ' || t.make || ' ' || t.model || ' — ' || ${CUSTOMER_LABEL}`,
    cull: (manager, ids) => deleteRecords(manager, 'device_checkin', ids),
  },
  // An unwon quote goes (P2); a won one is an order, culled when bookkeeping law lets it go (P7).
  quote: {
    table: 'quote',
    personSql: 't.holder_id',
    labelSql: `'#' || t.quote_number || ' ' || t.title`,
    cull: (manager, ids) => deleteRecords(manager, 'quote', ids),
  },
  // Marketing contacts, applications (documents cascade) and inquiries go on their own deadlines.
  marketing_contact: {
    table: 'marketing_contact',
    personSql: 't.person_id',
    labelSql: PERSON_LABEL,
    cull: (manager, ids) => deleteRecords(manager, 'marketing_contact', ids),
  },
  applicant: {
    table: 'applicant',
    personSql: 't.person_id',
    labelSql: `t.position || ' — ' || ${PERSON_LABEL}`,
    cull: (manager, ids) => deleteRecords(manager, 'applicant', ids),
  },
  inquiry: {
    table: 'inquiry',
    personSql: 't.person_id',
    labelSql: `'#' || t.inquiry_number || ' — ' || ${PERSON_LABEL}`,
    cull: (manager, ids) => deleteRecords(manager, 'inquiry', ids),
  },
  // The requests register is proof of answering (A2); after its period it goes whole.
  subject_request: {
    table: 'subject_request',
    personSql: 't.person_id',
    labelSql: `'#' || t.request_number || ' ' || t.kind || ' — ' || t.requester_name`,
    cull: (manager, ids) => deleteRecords(manager, 'subject_request', ids),
  },
  contact_person: {
    table: 'contact_person',
    personSql: 't.person_id',
    labelSql: PERSON_LABEL,
    // A contact person is only a link between a person and a customer: it goes entirely.
    cull: (manager, ids) => deleteRecords(manager, 'contact_person', ids),
  },
  agreement: {
    table: 'agreement',
    personSql: '(SELECT c.person_id FROM customer c WHERE c.id = t.customer_id)',
    labelSql: `t.title || ' (' || (SELECT c.customer_number FROM customer c WHERE c.id = t.customer_id) || ')'`,
    cull: async (manager, ids) => {
      await manager.query('DELETE FROM agreement WHERE id = ANY($1)', [ids]);
      return { deleted: ids, anonymised: [] };
    },
  },
  customer: {
    table: 'customer',
    personSql: 't.person_id',
    labelSql: `t.customer_number || ' ' || coalesce((SELECT o.name FROM organisation o WHERE o.id = t.organisation_id), ${PERSON_LABEL})`,
    revisitSql: `NOT (${referencesCustomer('t')})`,
    // A customer with records still kept (agreements and orders for bookkeeping, support on its own
    // clock) stays (its person is anonymised when the person's own deadline passes); the others go,
    // with their contacts and organisations.
    cull: async (manager, ids) => {
      const kept: Array<{ id: string }> = await manager.query(`SELECT c.id FROM customer c WHERE c.id = ANY($1) AND (${referencesCustomer('c')})`, [ids]);
      const keptIds = new Set(kept.map((row) => row.id));
      const deleted = ids.filter((id) => !keptIds.has(id));
      if (keptIds.size) await manager.query('UPDATE customer SET anonymised_at = now() WHERE id = ANY($1)', [[...keptIds]]);
      if (deleted.length) {
        const organisations: Array<{ organisation_id: string }> = await manager.query(
          // Wrapped in a CTE so the driver returns the rows (a bare DELETE … RETURNING yields [rows, count]).
          'WITH gone AS (DELETE FROM customer WHERE id = ANY($1) RETURNING organisation_id) SELECT organisation_id FROM gone',
          [deleted],
        );
        const organisationIds = organisations.map((row) => row.organisation_id).filter(Boolean);
        if (organisationIds.length) {
          await manager.query('DELETE FROM organisation o WHERE o.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.organisation_id = o.id)', [organisationIds]);
        }
      }
      return { deleted, anonymised: [...keptIds] };
    },
  },
  person: {
    table: 'person',
    personSql: 't.id',
    labelSql: `t.first_name || ' ' || t.last_name`,
    revisitSql: `NOT (${referencesPerson('t')})`,
    // People still referenced (by a customer or an order kept for bookkeeping) are anonymised, the rest deleted.
    // Either way their name, e-mail, phone and personnummer are scrubbed from free text first.
    cull: async (manager, ids) => {
      await scrubMentions(manager, ids);
      const referenced: Array<{ id: string }> = await manager.query(
        `SELECT p.id FROM person p WHERE p.id = ANY($1) AND (${referencesPerson('p')})`,
        [ids],
      );
      const anonymised = referenced.map((row) => row.id);
      const kept = new Set(anonymised);
      const deleted = ids.filter((id) => !kept.has(id));
      if (anonymised.length) {
        await manager.query(
          `UPDATE person SET first_name = 'Anonymiserad', last_name = 'person', email = NULL, phone = NULL, street = NULL,
             postal_code = NULL, city = NULL, personnummer = NULL, anonymised_at = now() WHERE id = ANY($1)`,
          [anonymised],
        );
      }
      if (deleted.length) {
        await manager.query('DELETE FROM legal_hold WHERE person_id = ANY($1) AND released_at IS NOT NULL', [deleted]);
        await manager.query('DELETE FROM person WHERE id = ANY($1)', [deleted]);
      }
      return { deleted, anonymised };
    },
  },
};

/**
 * Replaces mentions of the people's names, e-mails, phones and personnummer in free text, in
 * every row of every free-text column — the cost follows the candidate rows, not the tables.
 */
export async function scrubMentions(manager: EntityManager, personIds: string[]): Promise<void> {
  const people: Array<{ first_name: string; last_name: string; email: string | null; phone: string | null; personnummer: string | null }> =
    await manager.query('SELECT first_name, last_name, email, phone, personnummer FROM person WHERE id = ANY($1)', [personIds]);
  const terms = [...new Set(people.flatMap((person) => mentionsOf(person)).filter((term) => term.length >= 4))];
  if (!terms.length) return;
  const pattern = terms.map(escapeRegex).join('|');
  // The words of the terms, matched against the columns' word indexes (GIN on the array of
  // lexemes: fast for thousands of words, unlike one big tsquery); the regex then checks and
  // replaces in the few candidate rows.
  const [{ words }]: Array<{ words: string[] | null }> = await manager.query(
    `SELECT array_agg(DISTINCT word) AS words FROM unnest($1::text[]) AS term, unnest(tsvector_to_array(to_tsvector('simple', term))) AS word`,
    [terms],
  );
  if (!words?.length) return;
  for (const { table, column } of FREE_TEXT_COLUMNS) {
    // Candidates first, without the pattern: planning a query with a huge regex compiles it, which costs seconds.
    const candidates: Array<{ id: string }> = await manager.query(
      `SELECT id FROM ${table} WHERE ${column} <> '' AND tsvector_to_array(to_tsvector('simple', coalesce(${column}, ''))) && $1::text[]`,
      [words],
    );
    if (!candidates.length) continue;
    await manager.query(`UPDATE ${table} SET ${column} = regexp_replace(${column}, $1, '[borttaget]', 'gi') WHERE id = ANY($2) AND ${column} ~* $1`, [
      pattern,
      candidates.map((row) => row.id),
    ]);
  }
}

export function mentionsOf(person: { first_name: string; last_name: string; email: string | null; phone: string | null; personnummer: string | null }): string[] {
  const terms = [`${person.first_name} ${person.last_name}`];
  if (person.email) terms.push(person.email);
  if (person.phone) terms.push(person.phone, person.phone.replace(/\D/g, ''));
  if (person.personnummer) terms.push(person.personnummer, person.personnummer.slice(2), person.personnummer.replace('-', ''));
  return terms;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
