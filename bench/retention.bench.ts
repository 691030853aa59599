/**
 * Retention benchmark (not a test), on data shaped like a company's: a corpus of N support tickets
 * with two timeline entries each (the tickets benchmark's seed), whose entries mention the contact
 * persons being culled by name, e-mail and phone, so the cull's free-text scrub has real work.
 * Each repeat seeds a fresh cohort of expired contact persons for the cull and an identical one for
 * raw batched SQL doing the same deletions (or anonymisations), in alternating order; the figures
 * are the medians of the repeats with their spread, and the scrub's share of the cull.
 * Run: npm run bench -- retention [--rows 1000000] [--cohort 100000] [--repeats 5]
 */
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../libs/server/src/auth/password';
import { loadConfig } from '../libs/server/src/core/config';
import { migrateDatabase } from '../libs/server/src/database/migrate';
import { SCRUB_CLOCK } from '../libs/server/src/privacy/people-lifecycle';
import { CullService } from '../libs/server/src/retention/cull.service';
import { WorkerModule } from '../libs/server/src/worker/worker.module';
import { BenchResult, dropDatabase, writeResults } from './bench-results';
import { seedTickets } from './tickets-seed';

const AS_OF = '2026-11-25';
const BATCH = 2000;
const FIRST = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Sara', 'Anders', 'Emma', 'Per', 'Lena', 'Nils', 'Ida', 'Olof', 'Sofia', 'Mikael', 'Elin', 'Jonas', 'Hanna', 'Magnus'];
const STEMS = ['Berg', 'Lind', 'Sjö', 'Ek', 'Holm', 'Dahl', 'Lund', 'Ström', 'Nord', 'Sand', 'Björk', 'Al', 'Hag', 'Fors', 'Ros', 'Gran', 'Wall', 'Eng', 'Ljung', 'Back'];
const ENDINGS = ['ström', 'berg', 'qvist', 'gren', 'lund', 'dahl', 'man', 'ling', 'blad', 'holm'];

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const array = (words: string[]) => `ARRAY[${words.map((word) => `'${word}'`).join(',')}]::text[]`;

/**
 * A cohort of contact persons (and their people) at one customer, expired on 2020-01-01, with
 * Swedish names (surnames shared as they are in life: some hundreds for many people), unique
 * addresses and phones; each mentioned in one timeline entry of the corpus. `kept` contacts stay
 * (their people are then anonymised rather than deleted).
 */
async function seedCohort(dataSource: DataSource, size: number, tag: string, kept: boolean): Promise<void> {
  await dataSource.query(
    `WITH org AS (INSERT INTO organisation (name) VALUES ($2 || ' AB') RETURNING id),
          cust AS (INSERT INTO customer (type, organisation_id, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
                   SELECT 'organisation', id, 'P3', 'contract', NULL, 'while the agreement runs', 'medan avtalet löper' FROM org RETURNING id),
          people AS (INSERT INTO person (first_name, last_name, email, phone, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
                     SELECT f, l, lower(f) || '.' || lower(l) || '.' || $2 || g || '@kund.example', '07' || lpad(((g::bigint * 7919 + abs(hashtext($2)::bigint)) % 100000000)::text, 8, '0'),
                            'P6', 'legitimate_interest', '2020-01-01', 'agreement end', 'avtalets slut'
                       FROM (SELECT g, (${array(FIRST)})[1 + g % ${FIRST.length}] AS f,
                                    (${array(STEMS)})[1 + (g / ${FIRST.length}) % ${STEMS.length}] || (${array(ENDINGS)})[1 + (g / ${FIRST.length * STEMS.length}) % ${ENDINGS.length}] AS l
                               FROM generate_series(1, $1::int) g) names
                     RETURNING id)
     INSERT INTO contact_person (customer_id, person_id, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
     SELECT cust.id, people.id, 'P6', 'legitimate_interest', ${kept ? 'NULL' : `'2020-01-01'`}, 'agreement end', 'avtalets slut' FROM cust, people`,
    [size, tag],
  );
  // One mention per person, in entries spread over the corpus.
  await dataSource.query(
    `WITH cohort AS (SELECT p.first_name, p.last_name, p.email, p.phone, row_number() OVER (ORDER BY p.id) AS n
                       FROM person p WHERE p.email LIKE '%.' || $1 || '%@kund.example'),
          total AS (SELECT count(*) AS entries FROM ticket_entry)
     UPDATE ticket_entry e
        SET body = e.body || ' Pratade med ' || c.first_name || ' ' || c.last_name || ' (' || c.email || ', ' || c.phone || ').'
       FROM cohort c, total
      WHERE e.entry_number_for_bench = 1 + (c.n * 104729) % total.entries`,
    [tag],
  );
}

async function cull(dataSource: DataSource, service: CullService): Promise<void> {
  const [{ id }] = await dataSource.query(`INSERT INTO retention_task (kind, subject) VALUES ('cull', $1) RETURNING id`, [AS_OF]);
  await service.run(id);
}

/**
 * The scrub by hand, knowing where each mention is (which no real search does): every entry that
 * mentions a person of the cohort rewritten without the name, address and phone, its triggers
 * (the ticket's search vectors) firing as they do for the cull. A floor for the scrub's cost.
 */
async function rawScrub(dataSource: DataSource, tag: string): Promise<void> {
  await dataSource.query(
    `WITH cohort AS (SELECT p.first_name, p.last_name, p.email, p.phone, row_number() OVER (ORDER BY p.id) AS n
                       FROM person p WHERE p.email LIKE '%.' || $1 || '%@kund.example'),
          total AS (SELECT count(*) AS entries FROM ticket_entry)
     UPDATE ticket_entry e
        SET body = replace(replace(replace(e.body, c.first_name || ' ' || c.last_name, '[borttaget]'), c.email, '[borttaget]'), c.phone, '[borttaget]')
       FROM cohort c, total
      WHERE e.entry_number_for_bench = 1 + (c.n * 104729) % total.entries`,
    [tag],
  );
}

/** The same deletions by hand: each batch of expired contacts, then each batch of their people. */
async function rawDelete(dataSource: DataSource): Promise<void> {
  for (const table of ['contact_person', 'person']) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const [{ last }] = await dataSource.query(
        `WITH gone AS (DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE retain_until < $1 AND id > $2 ORDER BY id LIMIT ${BATCH}) RETURNING id)
         SELECT max(id::text) AS last FROM gone`,
        [AS_OF, after],
      );
      if (!last) break;
      after = last;
    }
  }
}

/** The same anonymisation by hand, batch after batch from the last id (no re-scan from the start). */
async function rawAnonymise(dataSource: DataSource): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const [{ last }] = await dataSource.query(
      `WITH changed AS (UPDATE person SET first_name = 'Anonymiserad', last_name = 'person', email = NULL, phone = NULL, street = NULL, postal_code = NULL,
              city = NULL, personnummer = NULL, anonymised_at = now()
        WHERE id IN (SELECT id FROM person WHERE retain_until < $1 AND anonymised_at IS NULL AND id > $2 ORDER BY id LIMIT ${BATCH}) RETURNING id)
       SELECT max(id::text) AS last FROM changed`,
      [AS_OF, after],
    );
    if (!last) break;
    after = last;
  }
}

export async function retentionBench(rows: number, cohort: number, repeats: number): Promise<BenchResult[]> {
  const server = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/privdesk_bench_${Date.now()}`;
  await migrateDatabase(server.toString());
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  console.log(`Seeding ${rows.toLocaleString('en')} tickets with two entries each …`);
  await seedTickets(client, rows, { email: 'bench@bench.privdesk.local', passwordHash: await hashPassword('bench password') }, console.log);
  // A dense number per entry, so cohorts can mention people in entries spread over the corpus.
  await client.query(`ALTER TABLE ticket_entry ADD COLUMN entry_number_for_bench bigint`);
  await client.query(`UPDATE ticket_entry e SET entry_number_for_bench = n.n FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ticket_entry) n WHERE n.id = e.id`);
  await client.query(`CREATE UNIQUE INDEX ON ticket_entry (entry_number_for_bench)`);
  await client.end();

  const config = loadConfig({
    DATABASE_URL: server.toString(),
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `privdesk-bench-${Date.now()}`,
    SESSION_SECRET: 'benchmark-session-secret-long-enough-123',
    LOG_LEVEL: 'silent',
    CULL_BATCH_SIZE: String(BATCH),
  });
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  const dataSource = context.get<DataSource>(getDataSourceToken());
  const service = context.get(CullService);
  const results: BenchResult[] = [];
  try {
    for (const path of ['delete', 'anonymise'] as const) {
      const kept = path === 'anonymise';
      const culls: number[] = [];
      const raws: number[] = [];
      const rawScrubs: number[] = [];
      const scrubs: number[] = [];
      for (let repeat = 0; repeat < repeats; repeat++) {
        const measureCull = async () => {
          await seedCohort(dataSource, cohort, `c${path[0]}${repeat}`, kept);
          await dataSource.query('VACUUM ANALYZE');
          SCRUB_CLOCK.seconds = 0;
          culls.push(await time(() => cull(dataSource, service)));
          scrubs.push(SCRUB_CLOCK.seconds);
        };
        const measureRaw = async () => {
          const tag = `r${path[0]}${repeat}`;
          await seedCohort(dataSource, cohort, tag, kept);
          await dataSource.query('VACUUM ANALYZE');
          rawScrubs.push(await time(() => rawScrub(dataSource, tag)));
          raws.push(await time(() => (kept ? rawAnonymise(dataSource) : rawDelete(dataSource))));
        };
        // Alternating order: neither side always meets the warmer cache.
        if (repeat % 2 === 0) {
          await measureCull();
          await measureRaw();
        } else {
          await measureRaw();
          await measureCull();
        }
        console.log(
          `  ${path} repeat ${repeat + 1}: cull ${culls.at(-1)?.toFixed(2)} s (scrub ${scrubs.at(-1)?.toFixed(2)} s), raw ${raws.at(-1)?.toFixed(2)} s (+ scrub by hand ${rawScrubs.at(-1)?.toFixed(2)} s)`,
        );
      }
      const records = kept ? cohort : 2 * cohort;
      const ratios = culls.map((seconds, index) => seconds / raws[index]);
      // The same work: the raw deletions plus the raw scrub of the same mentions.
      const sameWorkRatios = culls.map((seconds, index) => seconds / (raws[index] + rawScrubs[index]));
      const scrubRatios = scrubs.map((seconds, index) => seconds / rawScrubs[index]);
      const result = {
        name: `retention.${path}`,
        records,
        seconds: median(culls),
        rowsPerSecond: records / median(culls),
        baselineSeconds: median(raws),
        baselineRowsPerSecond: records / median(raws),
        ratio: median(ratios),
        aim: kept ? 2 : 1.25,
        spread: { ratioMin: Math.min(...ratios), ratioMax: Math.max(...ratios), repeats },
        scrubShare: median(scrubs.map((seconds, index) => seconds / culls[index])),
        rawScrubSeconds: median(rawScrubs),
        ratioWithScrubByHand: median(sameWorkRatios),
        scrubRatio: median(scrubRatios),
        cullWithoutScrubRatio: median(culls.map((seconds, index) => (seconds - scrubs[index]) / raws[index])),
        corpusTickets: rows,
      };
      results.push(result);
      console.log(
        `${result.name}: ${records} records, cull ${result.seconds.toFixed(2)} s, raw ${result.baselineSeconds.toFixed(2)} s; ${result.ratio.toFixed(2)}× (${result.spread.ratioMin.toFixed(2)}–${result.spread.ratioMax.toFixed(2)}; aim ≤ ${result.aim}×); ` +
          `scrub ${(100 * result.scrubShare).toFixed(0)} % of the cull; without the scrub ${result.cullWithoutScrubRatio.toFixed(2)}×; the scrub ${result.scrubRatio.toFixed(2)}× the scrub by hand; ` +
          `all of it ${result.ratioWithScrubByHand.toFixed(2)}× deletions plus scrub by hand`,
      );
    }
  } finally {
    await context.close();
    await dropDatabase(server);
  }
  return results;
}

if (require.main === module) {
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const rows = option('rows', 1_000_000);
  retentionBench(rows, option('cohort', Math.min(rows, 100_000)), option('repeats', 5))
    .then((results) => writeResults('retention', results))
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
