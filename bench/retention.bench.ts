/**
 * Retention benchmark (not a test): seeds N expired records and measures the cull's rows/s beside
 * raw batched SQL doing the same deletions and anonymisations on the same database in the same run.
 * Run: npm run bench -- retention [--rows 1000000]
 */
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/server/src/core/config';
import { migrateDatabase } from '../libs/server/src/database/migrate';
import { CullService } from '../libs/server/src/retention/cull.service';
import { WorkerModule } from '../libs/server/src/worker/worker.module';
import { seedExpiredContacts } from '../libs/server/test/seed-expired';
import { BenchResult, dropDatabase, writeResults } from './bench-results';

const AS_OF = '2026-11-25';
const BATCH = 2000;

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The people stay referenced by contacts that are still kept, so the cull anonymises them. */
async function seedAnonymisable(dataSource: DataSource, rows: number): Promise<void> {
  await seedExpiredContacts(dataSource, rows, 'Anon');
  await dataSource.query(`UPDATE contact_person SET retain_until = NULL WHERE person_id IN (SELECT id FROM person WHERE first_name = 'Anon')`);
}

async function cull(dataSource: DataSource, service: CullService): Promise<void> {
  const [{ id }] = await dataSource.query(`INSERT INTO retention_task (kind, subject) VALUES ('cull', $1) RETURNING id`, [AS_OF]);
  await service.run(id);
}

async function rawDelete(dataSource: DataSource): Promise<void> {
  for (const table of ['contact_person', 'person']) {
    for (;;) {
      const deleted = await dataSource.query(
        `WITH gone AS (DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE retain_until < $1 AND anonymised_at IS NULL ORDER BY id LIMIT ${BATCH}) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [AS_OF],
      );
      if (deleted[0].n === 0) break;
    }
  }
}

async function rawAnonymise(dataSource: DataSource): Promise<void> {
  for (;;) {
    const updated = await dataSource.query(
      `WITH changed AS (UPDATE person SET first_name = 'Anonymiserad', last_name = 'person', email = NULL, phone = NULL, street = NULL, postal_code = NULL,
              city = NULL, personnummer = NULL, anonymised_at = now()
        WHERE id IN (SELECT id FROM person WHERE retain_until < $1 AND anonymised_at IS NULL ORDER BY id LIMIT ${BATCH}) RETURNING 1)
       SELECT count(*)::int AS n FROM changed`,
      [AS_OF],
    );
    if (updated[0].n === 0) break;
  }
}

export async function retentionBench(rows: number): Promise<BenchResult[]> {
  const server = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/privdesk_bench_${Date.now()}`;
  await migrateDatabase(server.toString());
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
    const report = (name: string, seconds: number, baseline: number, records: number, aim: number) => {
      const result = { name, records, seconds, rowsPerSecond: records / seconds, baselineSeconds: baseline, baselineRowsPerSecond: records / baseline, ratio: seconds / baseline, aim };
      results.push(result);
      console.log(`${name}: ${records} records in ${seconds.toFixed(1)} s (${Math.round(result.rowsPerSecond)}/s); raw SQL ${baseline.toFixed(1)} s; ${result.ratio.toFixed(2)}× (aim ≤ ${aim}×)`);
    };

    // Delete path: N contact persons and their N people, culled; then the same rows by raw SQL.
    console.log(`Seeding ${rows} expired contact persons and people …`);
    await seedExpiredContacts(dataSource, rows, 'Bench');
    await dataSource.query('VACUUM ANALYZE');
    const culled = await time(() => cull(dataSource, service));
    await seedExpiredContacts(dataSource, rows, 'Raw');
    await dataSource.query('VACUUM ANALYZE');
    const raw = await time(() => rawDelete(dataSource));
    report('retention.delete', culled, raw, 2 * rows, 1.25);

    // Anonymise path: N people still referenced, anonymised (free text scrubbed); then a raw UPDATE of the same columns.
    console.log(`Seeding ${rows} people to anonymise …`);
    await seedAnonymisable(dataSource, rows);
    await dataSource.query('VACUUM ANALYZE');
    const anonymised = await time(() => cull(dataSource, service));
    await dataSource.query(`DELETE FROM contact_person`);
    await dataSource.query(`DELETE FROM person`);
    await seedAnonymisable(dataSource, rows);
    await dataSource.query('VACUUM ANALYZE');
    const rawAnon = await time(() => rawAnonymise(dataSource));
    report('retention.anonymise', anonymised, rawAnon, rows, 2);
  } finally {
    await context.close();
    await dropDatabase(server);
  }
  return results;
}

if (require.main === module) {
  const index = process.argv.indexOf('--rows');
  const rows = index > 0 ? Number(process.argv[index + 1]) : 1_000_000;
  retentionBench(rows)
    .then((results) => writeResults('retention', results))
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
