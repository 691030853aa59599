import { EntityManager } from 'typeorm';

/** The record types the cull visits, in order: links before the records they link, people last. */
export const CULL_ORDER = ['contact_person', 'agreement', 'customer', 'person'] as const;
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
];

export const CULL_STEPS: Record<CullRecordType, CullStepDefinition> = {
  contact_person: {
    table: 'contact_person',
    personSql: 't.person_id',
    labelSql: PERSON_LABEL,
    // A contact person is only a link between a person and a customer: it goes entirely.
    cull: async (manager, ids) => {
      await manager.query('DELETE FROM contact_person WHERE id = ANY($1)', [ids]);
      return { deleted: ids, anonymised: [] };
    },
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
    revisitSql: 'NOT EXISTS (SELECT 1 FROM agreement a WHERE a.customer_id = t.id)',
    // A customer with agreements still kept for bookkeeping stays (its person is anonymised when
    // the person's own deadline passes); the others go, with their contacts and organisations.
    cull: async (manager, ids) => {
      const kept: Array<{ customer_id: string }> = await manager.query('SELECT DISTINCT customer_id FROM agreement WHERE customer_id = ANY($1)', [ids]);
      const keptIds = new Set(kept.map((row) => row.customer_id));
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
    revisitSql: 'NOT EXISTS (SELECT 1 FROM customer c WHERE c.person_id = t.id) AND NOT EXISTS (SELECT 1 FROM contact_person cp WHERE cp.person_id = t.id)',
    // People still referenced (by a customer kept for bookkeeping) are anonymised, the rest deleted.
    // Either way their name, e-mail, phone and personnummer are scrubbed from free text first.
    cull: async (manager, ids) => {
      await scrubMentions(manager, ids);
      const referenced: Array<{ id: string }> = await manager.query(
        `SELECT p.id FROM person p WHERE p.id = ANY($1)
           AND (EXISTS (SELECT 1 FROM customer c WHERE c.person_id = p.id) OR EXISTS (SELECT 1 FROM contact_person cp WHERE cp.person_id = p.id))`,
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
async function scrubMentions(manager: EntityManager, personIds: string[]): Promise<void> {
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
