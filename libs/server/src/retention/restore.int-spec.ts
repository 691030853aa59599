import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { stockholmDate } from '@privdesk/domain';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { exitOf, startProcess, waitFor } from '../../test/processes';
import { seedExpiredContacts } from '../../test/seed-expired';
import { dataSourceOf, startTestApp, testConfig, TestClient } from '../../test/test-app';
import { WorkerModule } from '../worker/worker.module';

const run = promisify(execFile);
const AS_OF = '2026-11-25';

/** pg_dump and pg_restore of the newest PostgreSQL installed, else the ones on the PATH. */
function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return name;
  const versions = readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', name))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin', name) : name;
}

/** The same server, another database. */
function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('restoring a backup from before a cull and an erasure, then re-applying the deletions', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: TestClient;
  let directory: string;
  const url = () => testConfig().DATABASE_URL as string;
  const restoredName = `restored_${Date.now().toString(36)}`;

  beforeAll(async () => {
    app = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });
    await worker.init();
    admin = await TestClient.signedIn(app, 'admin');
    directory = mkdtempSync(join(tmpdir(), 'privdesk-restore-'));
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await onServer(databaseUrl(url(), 'postgres'), (client) => client.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
    rmSync(directory, { recursive: true, force: true });
  });

  it('brings back none of the people culled or erased after the backup', async () => {
    const today = stockholmDate(new Date());
    // To be culled: two contact persons whose deadline passed long ago.
    await seedExpiredContacts(dataSourceOf(app), 2, 'Kullaberg');
    // To be erased: a private customer with a ticket that names her.
    const who = { firstName: 'Rakel', lastName: 'Raderadsson', email: 'rakel.raderadsson@exempel.se', phone: '070-555 12 34', personnummer: '19121212-1212' };
    const customer = (await admin.post('/api/customers', { type: 'person', person: who })).body;
    expect(customer.id).toBeDefined();
    const ticket = await admin.post('/api/tickets', { customerId: customer.id, subject: 'Skrivaren', description: 'Rakel Raderadsson ringde från 070-555 12 34', priority: 'low' });
    expect(ticket.status).toBe(201);

    // The backup.
    const backup = join(directory, 'backup.dump');
    await run(postgresTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${backup}`, url()]);

    // After the backup: the nightly cull and an erasure.
    const requested = await admin.post('/api/retention/runs', { asOf: AS_OF });
    expect(requested.status).toBe(201);
    await waitFor(async () => ((await admin.get(`/api/retention/tasks/${requested.body.id}`)).body.status === 'completed' ? true : undefined), 'the cull', 30_000);
    const request = (
      await admin.post('/api/subject-requests', {
        kind: 'erasure',
        channel: 'email',
        receivedOn: today,
        personId: customer.person.id,
        requesterName: `${who.firstName} ${who.lastName}`,
        requesterContact: who.email,
        identityChecked: true,
        identityMethod: 'BankID',
      })
    ).body;
    const erased = await admin.post(`/api/people/${customer.person.id}/erase`, { requestId: request.id });
    expect(erased.status).toBe(200);
    const live = await dataSourceOf(app).query(`SELECT count(*)::int AS n FROM person WHERE first_name IN ('Kullaberg', 'Rakel')`);
    expect(live).toEqual([{ n: 0 }]);

    // The restore into a fresh database, with the certificates carried over from the live one.
    const certificates = join(directory, 'certificates.sql');
    await run(postgresTool('pg_dump'), ['--data-only', '--inserts', '--on-conflict-do-nothing', '-t', 'deletion_certificate', '-t', 'certificate_entry', `--file=${certificates}`, url()]);
    await onServer(databaseUrl(url(), 'postgres'), (client) => client.query(`CREATE DATABASE "${restoredName}"`));
    const restored = databaseUrl(url(), restoredName);
    await run(postgresTool('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${restored}`, backup]);
    const before = await onServer(restored, (client) => client.query(`SELECT count(*)::int AS n FROM person WHERE first_name IN ('Kullaberg', 'Rakel')`));
    expect(before.rows).toEqual([{ n: 3 }]);
    await run('psql', ['--quiet', '--set=ON_ERROR_STOP=1', `--file=${certificates}`, restored]);

    const cli = startProcess('dist/apps/api/cli.js', ['reapply-deletions'], { ...process.env, DATABASE_URL: restored, SESSION_SECRET: testConfig().SESSION_SECRET });
    expect(await exitOf(cli.child)).toBe(0);
    expect(cli.output()).toContain('"contact_person":{"deleted":2');

    // Every text column of every table of the restored database: nobody culled or erased is named,
    // except the erasure request kept as proof of answering — which the backup does not hold.
    // (The company Kullaberg AB stays: it is not a person, and its relationship was not culled.)
    const needles = ['kullaberg1@example.se', 'kullaberg2@example.se', '070-0000001', '070-0000002', who.lastName, who.email, who.phone, '0705551234', who.personnummer, '191212121212'];
    const found = await onServer(restored, async (client) => {
      const columns = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY') AND table_name NOT IN ('schema_migration')`,
      );
      const hits: string[] = [];
      for (const { table_name: table, column_name: column } of columns.rows) {
        const rows = await client.query<{ hit: string }>(`SELECT "${column}"::text AS hit FROM "${table}" WHERE "${column}"::text ILIKE ANY($1)`, [needles.map((needle) => `%${needle}%`)]);
        for (const row of rows.rows) hits.push(`${table}.${column}: ${row.hit.slice(0, 80)}`);
      }
      return hits;
    });
    expect(found).toEqual([]);
    const people = await onServer(restored, (client) => client.query(`SELECT count(*)::int AS n FROM person WHERE first_name IN ('Kullaberg', 'Rakel') OR last_name = 'Raderadsson'`));
    expect(people.rows).toEqual([{ n: 0 }]);
  }, 180_000);
});
