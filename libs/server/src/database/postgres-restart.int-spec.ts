import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { exitOf, freePort, startProcess, waitFor } from '../../test/processes';
import { seedExpiredContacts } from '../../test/seed-expired';
import { dataSourceOf, startTestApp, testConfig, TestClient } from '../../test/test-app';
import { migrateDatabase } from './migrate';

/**
 * PostgreSQL restarted hard (`pg_ctl restart -m immediate`, as a crash or failover would) while a
 * cull runs in the worker and the API is under load, on a server this test starts for itself.
 */
const AS_OF = '2026-11-25';
const binaries = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((version) => `/usr/lib/postgresql/${version}/bin`).find((dir) => existsSync(join(dir, 'pg_ctl'))) : undefined;
const asRoot = userInfo().uid === 0;

/** PostgreSQL's tools refuse to run as root; as root they run as the `postgres` user. */
function pgTool(tool: string, args: string[]): string {
  const command = join(binaries as string, tool);
  return asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' }) : execFileSync(command, args, { encoding: 'utf8' });
}

describe('PostgreSQL restarted during a cull and under API load', () => {
  const folder = mkdtempSync(join(tmpdir(), 'privdesk-pg-restart-'));
  const dataDir = join(folder, 'data');
  let port = 0;
  let url = '';
  let app: NestFastifyApplication;

  const pgCtl = (...args: string[]) => pgTool('pg_ctl', ['-D', dataDir, '-l', join(folder, 'postgres.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`, ...args]);

  beforeAll(async () => {
    if (!binaries) throw new Error('This test needs PostgreSQL’s server programs (Debian: postgresql); none under /usr/lib/postgresql');
    port = await freePort();
    url = `postgres://postgres@127.0.0.1:${port}/privdesk_restart`;
    chmodSync(folder, 0o755);
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(folder, uid, gid);
    }
    pgTool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    pgCtl('start');
    const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await client.connect();
    await client.query('CREATE DATABASE privdesk_restart');
    await client.end();
    await migrateDatabase(url);
    app = await startTestApp({ DATABASE_URL: url });
  }, 120_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    try {
      pgCtl('stop', '-m', 'immediate');
    } catch {
      // already stopped
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('reconnects the API’s pool, loses no committed deletion and completes the cull', async () => {
    const dataSource: DataSource = dataSourceOf(app);
    const count = 3000;
    const customerId = await seedExpiredContacts(dataSource, count, 'Restart');
    const admin = await TestClient.signedIn(app, 'admin');
    const config = testConfig({ DATABASE_URL: url });
    const worker = startProcess('dist/apps/worker/main.js', [], {
      ...process.env,
      DATABASE_URL: url,
      REDIS_URL: config.REDIS_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      SESSION_SECRET: config.SESSION_SECRET,
      CULL_BATCH_SIZE: '25',
      LOG_LEVEL: 'warn',
    });

    // Load: four clients reading the customer list without pause, for the whole test.
    const statuses = new Map<number, number>();
    let loading = true;
    const load = Array.from({ length: 4 }, async () => {
      while (loading) {
        const response = await admin.get('/api/customers?pageSize=25');
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    });
    try {
      const run = await admin.post('/api/retention/runs', { asOf: AS_OF });
      expect(run.status).toBe(201);
      const task = async () => (await dataSource.query('SELECT status, done, counts FROM retention_task WHERE id = $1', [run.body.id]))[0];
      await waitFor(async () => ((await task()).done >= 300 ? true : undefined), 'the cull to get going', 90_000);

      pgCtl('restart', '-m', 'immediate');

      // The pool drops its dead connections and opens new ones: reads succeed again without a restart of the API.
      await waitFor(async () => ((await admin.get('/api/customers?pageSize=25')).status === 200 ? true : undefined), 'the API to read again', 60_000);
      const finished = await waitFor(async () => {
        const row = await task().catch(() => undefined);
        return row?.status === 'completed' ? row : undefined;
      }, 'the cull to complete after the restart', 180_000);

      const [left] = await dataSource.query(
        `SELECT (SELECT count(*)::int FROM contact_person WHERE customer_id = $1) AS contacts, (SELECT count(*)::int FROM person WHERE first_name = 'Restart') AS people`,
        [customerId],
      );
      expect(left).toEqual({ contacts: 0, people: 0 });
      // Each record removed exactly once and certified: nothing committed before the crash was lost or done twice.
      const [{ total, distinct }] = await dataSource.query('SELECT count(*)::int AS total, count(DISTINCT id_hash)::int AS distinct FROM certificate_entry WHERE run_id = $1', [run.body.id]);
      expect({ total, distinct }).toEqual({ total: 2 * count, distinct: 2 * count });
      expect(finished.counts['contact_person|P6'].deleted).toBe(count);
      const [certificate] = await dataSource.query('SELECT totals FROM deletion_certificate WHERE run_id = $1', [run.body.id]);
      expect(certificate.totals).toMatchObject({ deleted: 2 * count });
    } finally {
      loading = false;
      await Promise.all(load);
      worker.child.kill('SIGTERM');
      await exitOf(worker.child);
    }
    // While the server was away the API said so (503) rather than failing (500), and it served before and after.
    expect(statuses.get(500) ?? 0).toBe(0);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200]));
    expect([...statuses.keys()].filter((status) => status !== 200 && status !== 503)).toEqual([]);
  }, 420_000);
});
