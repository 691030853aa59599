import { EntityManager } from 'typeorm';
import { freeTextColumns, personalDataTable } from './registry';
import { recomputePeopleSql, referencedSql } from './registry-sql';

/**
 * What happens to people as their records come and go: a person is kept while a role keeps him or
 * her, goes with the last record, and is anonymised while only records kept for their own sake
 * (orders, the requests register) still refer to him or her.
 */

/** Recomputes people's deadlines from their roles; `personIds` null means everyone. */
export async function recomputePeople(manager: EntityManager, personIds: string[] | null): Promise<void> {
  if (personIds && !personIds.length) return;
  await manager.query(recomputePeopleSql(personIds !== null), personIds ? [personIds] : []);
}

/**
 * After records about these people went: each person whom no record refers to any more, and no
 * active hold keeps, goes now — mentions scrubbed, mails to him or her deleted; the others get
 * their deadline from the roles left. Returns the ids of the people deleted.
 */
export async function releasePeople(manager: EntityManager, personIds: Array<string | null | undefined>): Promise<string[]> {
  const ids = [...new Set(personIds.filter((id): id is string => !!id))];
  if (!ids.length) return [];
  const orphans: Array<{ id: string }> = await manager.query(
    `SELECT t.id FROM person t WHERE t.id = ANY($1) AND NOT (${referencedSql('person')})
        AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.person_id = t.id AND h.released_at IS NULL)
      FOR UPDATE`,
    [ids],
  );
  const gone = orphans.map((row) => row.id);
  if (gone.length) await deletePeople(manager, gone);
  await recomputePeople(
    manager,
    ids.filter((id) => !gone.includes(id)),
  );
  return gone;
}

/** Deletes people with what goes with them (mails to them, released holds), mentions scrubbed first. */
export async function deletePeople(manager: EntityManager, personIds: string[]): Promise<void> {
  if (!personIds.length) return;
  await scrubMentions(manager, personIds);
  await forgetKeptAnswers(manager, personIds);
  await deletePersonDependants(manager, personIds);
  await manager.query('DELETE FROM legal_hold WHERE person_id = ANY($1) AND released_at IS NOT NULL', [personIds]);
  await manager.query('DELETE FROM person WHERE id = ANY($1)', [personIds]);
}

/** Anonymises people other records still refer to: identity and contact details gone, the row kept. */
export async function anonymisePeople(manager: EntityManager, personIds: string[]): Promise<void> {
  if (!personIds.length) return;
  await scrubMentions(manager, personIds);
  await forgetKeptAnswers(manager, personIds);
  await deletePersonDependants(manager, personIds);
  await manager.query(`UPDATE person SET ${personalDataTable('person').anonymise}, anonymised_at = now() WHERE id = ANY($1)`, [personIds]);
}

/**
 * Answers kept for idempotent retries (an hour at most) that show these records go with them, so
 * no copy of culled or erased data is left in the retry cache.
 */
export async function forgetKeptAnswers(manager: EntityManager, recordIds: string[]): Promise<void> {
  if (recordIds.length) await manager.query('DELETE FROM idempotent_request WHERE record_ids && $1::uuid[]', [recordIds]);
}

/** What goes with a person whether deleted or anonymised (the mails sent to him or her). */
async function deletePersonDependants(manager: EntityManager, personIds: string[]): Promise<void> {
  for (const dependant of personalDataTable('person').dependants) {
    if (!dependant.cascades) await manager.query(`DELETE FROM ${dependant.table} WHERE ${dependant.column} = ANY($1)`, [personIds]);
  }
}

/**
 * Replaces mentions of the people's names, e-mails, phones and personnummer in every declared
 * free-text column — the cost follows the candidate rows, not the tables.
 */
export async function scrubMentions(manager: EntityManager, personIds: string[]): Promise<void> {
  const started = process.hrtime.bigint();
  try {
    await scrub(manager, personIds);
  } finally {
    SCRUB_CLOCK.seconds += Number(process.hrtime.bigint() - started) / 1e9;
  }
}

/** Seconds spent scrubbing in this process, for the retention benchmark's "scrub share". */
export const SCRUB_CLOCK = { seconds: 0 };

async function scrub(manager: EntityManager, personIds: string[]): Promise<void> {
  const people: MentionSource[] = await manager.query('SELECT first_name, last_name, email, phone, personnummer FROM person WHERE id = ANY($1) AND anonymised_at IS NULL', [personIds]);
  const terms = [...new Set(people.flatMap((person) => mentionsOf(person)).filter((term) => term.length >= 4))];
  if (!terms.length) return;
  // A row mentioning a term holds each of its words as PostgreSQL splits them; the longest (a
  // surname, the whole address, the digits) finds the candidate rows through the words' index.
  const keyed: Array<{ term: string; word: string | null }> = await manager.query(
    `SELECT term, (SELECT word FROM unnest(tsvector_to_array(to_tsvector('simple', term))) AS word ORDER BY length(word) DESC, word LIMIT 1) AS word
       FROM unnest($1::text[]) AS term`,
    [terms],
  );
  const termsByWord = new Map<string, string[]>();
  for (const { term, word } of keyed) if (word) termsByWord.set(word, [...(termsByWord.get(word) ?? []), term]);
  if (!termsByWord.size) return;
  const words = [...termsByWord.keys()];
  // One scrub at a time: two culls (or a cull and an erasure) rewriting the same rows in different
  // orders deadlocked on the tickets their entries' triggers update. Held until the batch commits.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('privdesk-scrub'))`);
  // From the frequency of each of thousands of words the planner guesses that most of the table
  // matches and scans all of it (minutes at a million tickets); the words' GIN index answers in
  // milliseconds, so for these queries it is the only way allowed.
  await manager.query('SET LOCAL enable_seqscan = off');
  try {
    for (const { table, column } of uniqueFreeTextColumns()) {
      // The words arrive through a sub-select: estimating the overlap of thousands of constant words
      // from the column's statistics took the planner longer than the index takes to answer.
      const candidates: Array<{ id: string; text: string; words: string[] }> = await manager.query(
        `SELECT id, ${column} AS text, tsvector_to_array(to_tsvector('simple', ${column})) AS words
           FROM ${table} WHERE ${column} <> '' AND tsvector_to_array(to_tsvector('simple', coalesce(${column}, ''))) && (SELECT $1::text[])`,
        [words],
      );
      // Each row is checked only for the terms whose word it holds: one regex of thousands of
      // alternatives, run in every candidate row, took minutes per batch.
      const changed: Array<{ id: string; text: string }> = [];
      for (const row of candidates) {
        const rowTerms = [...new Set(row.words.flatMap((word) => termsByWord.get(word) ?? []))];
        if (!rowTerms.length) continue;
        const text = row.text.replace(new RegExp(rowTerms.map(escapeRegex).join('|'), 'gi'), '[borttaget]');
        if (text !== row.text) changed.push({ id: row.id, text });
      }
      if (!changed.length) continue;
      await manager.query(`UPDATE ${table} t SET ${column} = changed.text FROM unnest($1::uuid[], $2::text[]) AS changed(id, text) WHERE t.id = changed.id`, [
        changed.map((row) => row.id),
        changed.map((row) => row.text),
      ]);
    }
  } finally {
    await manager.query('SET LOCAL enable_seqscan TO DEFAULT');
  }
}

/** Each declared free-text column once (a dependant such as the mail outbox is declared by several tables). */
function uniqueFreeTextColumns(): Array<{ table: string; column: string }> {
  const seen = new Set<string>();
  return freeTextColumns().filter(({ table, column }) => !seen.has(`${table}.${column}`) && !!seen.add(`${table}.${column}`));
}

interface MentionSource {
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  personnummer: string | null;
}

export function mentionsOf(person: MentionSource): string[] {
  const terms = [`${person.first_name} ${person.last_name}`];
  if (person.email) terms.push(person.email);
  if (person.phone) terms.push(person.phone, person.phone.replace(/\D/g, ''));
  if (person.personnummer) terms.push(person.personnummer, person.personnummer.slice(2), person.personnummer.replace('-', ''));
  return terms;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
