/**
 * Policy recompute benchmark (not a test): N support tickets governed by P4, their customers with
 * agreements (running, ended, none), and the policy saved again and again. Privdesk's recompute
 * (every governed row's deadline and words, then the people behind the rows that changed) runs
 * beside a single raw `UPDATE ticket SET retain_until = …` computing the same deadlines, interleaved,
 * medians of the repeats with their spread.
 * Run: npm run bench -- recompute [--rows 1000000] [--repeats 5]
 */
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { hashPassword } from '../libs/server/src/auth/password';
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../libs/server/src/core/config';
import { migrateDatabase } from '../libs/server/src/database/migrate';
import { RecomputeService } from '../libs/server/src/retention/recompute.service';
import { WorkerModule } from '../libs/server/src/worker/worker.module';
import { BenchResult, dropDatabase, writeResults } from './bench-results';
import { seedTickets } from './tickets-seed';

const RULES = [
  { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 },
  { kind: 'agreement', yearsAfterEnd: 1, monthsWithoutAgreement: 36 },
] as const;

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

/** Agreements shaped like a small IT company's: a fifth running, two fifths ended at some point in the last years, the rest none. */
async function seedAgreements(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO agreement (customer_id, title, start_date, end_date, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv)
     SELECT c.id, 'Serviceavtal', date '2021-01-01',
            CASE WHEN c.n % 5 = 0 THEN NULL ELSE date '2022-01-01' + (c.n * 37 % 1400)::int END,
            'P7', 'legal_obligation', NULL, 'bookkeeping', 'bokföring'
       FROM (SELECT id, row_number() OVER (ORDER BY customer_number) AS n FROM customer) c
      WHERE c.n % 5 IN (0, 1, 2)`,
  );
}

/** The same deadlines as P4's rule, written by hand: the baseline. */
function rawUpdate(rule: (typeof RULES)[number]): string {
  const day = `(x.created_at AT TIME ZONE 'Europe/Stockholm')::date`;
  return `UPDATE ticket t
             SET retain_until = CASE WHEN coalesce(ag.open, false) OR ag.last_end >= ${day}
                                     THEN CASE WHEN ag.open THEN NULL ELSE (ag.last_end + make_interval(years => ${rule.yearsAfterEnd}))::date END
                                     ELSE (${day} + make_interval(months => ${rule.monthsWithoutAgreement}))::date END
            FROM ticket x LEFT JOIN (SELECT customer_id, bool_or(end_date IS NULL) AS open, max(end_date) AS last_end FROM agreement GROUP BY customer_id) ag
              ON ag.customer_id = x.customer_id
           WHERE t.id = x.id AND x.purpose = 'P4'`;
}

export async function recomputeBench(rows: number, repeats: number): Promise<{ results: BenchResult[]; details: Record<string, unknown> }> {
  const server = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/privdesk_bench_recompute_${Date.now()}`;
  await migrateDatabase(server.toString());
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  console.log(`Seeding ${rows.toLocaleString('en')} tickets …`);
  await seedTickets(client, rows, { email: 'bench@bench.privdesk.local', passwordHash: await hashPassword('bench-password-123') }, (line) => console.log(line));
  await client.end();

  const config = loadConfig({
    DATABASE_URL: server.toString(),
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `privdesk-bench-${Date.now()}`,
    SESSION_SECRET: 'benchmark-session-secret-long-enough-123',
    LOG_LEVEL: 'silent',
  });
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  const dataSource = context.get<DataSource>(getDataSourceToken());
  const service = context.get(RecomputeService);
  try {
    await seedAgreements(dataSource);
    await dataSource.query('VACUUM ANALYZE');
    const [{ governed }] = await dataSource.query(`SELECT count(*)::int AS governed FROM ticket WHERE purpose = 'P4'`);
    const privdesk: number[] = [];
    const raw: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      // Alternating rules, so every run changes the rows the other one wrote.
      await dataSource.query(`UPDATE retention_policy SET rule = $1 WHERE code = 'P4'`, [JSON.stringify(RULES[0])]);
      const [{ id }] = await dataSource.query(`INSERT INTO retention_task (kind, subject) VALUES ('recompute', 'P4') RETURNING id`);
      privdesk.push(await time(() => service.run(id)));
      raw.push(await time(() => dataSource.query(rawUpdate(RULES[1]))));
      console.log(`  repeat ${repeat + 1}: Privdesk ${privdesk[repeat].toFixed(2)} s, raw UPDATE ${raw[repeat].toFixed(2)} s`);
      await dataSource.query('VACUUM ticket');
    }
    const seconds = median(privdesk);
    const baseline = median(raw);
    const result: BenchResult = {
      name: 'recompute.P4',
      records: governed,
      seconds,
      rowsPerSecond: governed / seconds,
      baselineSeconds: baseline,
      baselineRowsPerSecond: governed / baseline,
      ratio: seconds / baseline,
      aim: 1.5,
    };
    console.log(`recompute.P4: ${governed} records, median ${seconds.toFixed(2)} s; raw UPDATE median ${baseline.toFixed(2)} s; ${result.ratio.toFixed(2)}× (aim ≤ 1.5×)`);
    return {
      results: [result],
      details: { repeats, spread: { privdesk: { min: Math.min(...privdesk), max: Math.max(...privdesk) }, raw: { min: Math.min(...raw), max: Math.max(...raw) } }, runs: { privdesk, raw } },
    };
  } finally {
    await context.close();
    await dropDatabase(server);
  }
}

if (require.main === module) {
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  recomputeBench(option('--rows', 1_000_000), option('--repeats', 5))
    .then(({ results, details }) => writeResults('recompute', results, details))
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
