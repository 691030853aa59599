import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QUEUES, RETENTION_JOBS } from '@privdesk/domain';
import { Queue } from 'bullmq';
import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { exitOf, freePort, startProcess, startRedis, waitFor } from '../../test/processes';
import { seedExpiredContacts } from '../../test/seed-expired';
import { dataSourceOf, startTestApp, testConfig, TestClient } from '../../test/test-app';
import { redisOptions } from '../queue/queue.module';
import { WorkerModule } from '../worker/worker.module';

const AS_OF = '2026-11-25';

async function taskRow(dataSource: DataSource, id: string) {
  const [task] = await dataSource.query('SELECT status, done, total, counts FROM retention_task WHERE id = $1', [id]);
  return task;
}

describe('a worker killed mid-cull (SIGKILL)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('leaves no half-culled record, and the next worker finishes with a clean run’s end state and counts', async () => {
    const dataSource = dataSourceOf(app);
    const count = 1500;
    const customerId = await seedExpiredContacts(dataSource, count, 'Fault');
    const [{ id: taskId }] = await dataSource.query(`INSERT INTO retention_task (kind, subject) VALUES ('cull', $1) RETURNING id`, [AS_OF]);
    const config = testConfig();
    const queue = new Queue(QUEUES.retention, { connection: redisOptions(config.REDIS_URL as string), prefix: config.QUEUE_PREFIX });
    const env = {
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      SESSION_SECRET: config.SESSION_SECRET,
      CULL_BATCH_SIZE: '25',
      LOG_LEVEL: 'warn',
    };
    try {
      await queue.add(RETENTION_JOBS.cull, { taskId });
      const first = startProcess('dist/apps/worker/main.js', [], env);
      await waitFor(async () => ((await taskRow(dataSource, taskId)).done >= 200 ? true : undefined), 'the cull to get going', 60_000);
      first.child.kill('SIGKILL');
      await exitOf(first.child);

      const midway = await taskRow(dataSource, taskId);
      expect(midway.status).toBe('running');
      const [{ contacts }] = await dataSource.query('SELECT count(*)::int AS contacts FROM contact_person WHERE customer_id = $1', [customerId]);
      const [{ entries }] = await dataSource.query(`SELECT count(*)::int AS entries FROM certificate_entry WHERE run_id = $1 AND record_type = 'contact_person'`, [taskId]);
      // Every batch committed whole: each contact is either still there or certified as deleted.
      expect(contacts + entries).toBe(count);
      expect(midway.counts['contact_person|P6'].deleted).toBe(entries);
      expect(contacts).toBeGreaterThan(0);

      const second = startProcess('dist/apps/worker/main.js', [], env);
      try {
        await waitFor(async () => ((await taskRow(dataSource, taskId)).status === 'completed' ? true : undefined), 'the next worker to finish the run', 90_000);
      } finally {
        second.child.kill('SIGTERM');
        await exitOf(second.child);
      }
      const [remaining] = await dataSource.query(
        `SELECT (SELECT count(*)::int FROM contact_person WHERE customer_id = $1) AS contacts, (SELECT count(*)::int FROM person WHERE first_name = 'Fault') AS people`,
        [customerId],
      );
      expect(remaining).toEqual({ contacts: 0, people: 0 });
      const [certificate] = await dataSource.query('SELECT totals, counts FROM deletion_certificate WHERE run_id = $1', [taskId]);
      expect(certificate.totals).toMatchObject({ deleted: 2 * count, anonymised: 0 });
      const [{ total, distinct }] = await dataSource.query('SELECT count(*)::int AS total, count(DISTINCT id_hash)::int AS distinct FROM certificate_entry WHERE run_id = $1', [taskId]);
      expect({ total, distinct }).toEqual({ total: 2 * count, distinct: 2 * count });
    } finally {
      await queue.close();
    }
  }, 240_000);
});

describe('Redis stopped', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = startRedis(port);
    const overrides = { REDIS_URL: `redis://127.0.0.1:${port}` };
    await waitFor(async () => {
      const probe = new Queue('probe', { connection: { ...redisOptions(overrides.REDIS_URL), maxRetriesPerRequest: 1 } });
      try {
        await probe.waitUntilReady();
        return true;
      } finally {
        await probe.close();
      }
    }, 'the test Redis');
    app = await startTestApp(overrides);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(overrides)), { logger: false });
    await worker.init();
  });

  afterAll(async () => {
    // Close while Redis answers: BullMQ waits for its connections to close cleanly.
    await worker?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    redis?.kill('SIGKILL');
  });

  it('keeps the API serving reads and writes, keeps the jobs it wanted to enqueue, and runs them and the schedules when Redis is back', async () => {
    const admin = await TestClient.signedIn(app, 'admin');
    redis.kill('SIGKILL');
    await exitOf(redis);

    const health = await admin.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.queue).toEqual({ backend: 'redis', status: 'down' });
    const created = await admin.post('/api/customers', { type: 'organisation', organisation: { name: 'Utan Redis AB' } });
    expect(created.status).toBe(201);
    expect((await admin.get(`/api/customers/${created.body.id}`)).status).toBe(200);
    const run = await admin.post('/api/retention/runs', { asOf: AS_OF });
    expect(run.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await admin.get(`/api/retention/tasks/${run.body.id}`)).body.status).toBe('queued');

    redis = startRedis(port);
    await waitFor(async () => ((await admin.get(`/api/retention/tasks/${run.body.id}`)).body.status === 'completed' ? true : undefined), 'the queued run to complete', 60_000);
    const queue = new Queue(QUEUES.retention, { connection: redisOptions(`redis://127.0.0.1:${port}`), prefix: testConfig().QUEUE_PREFIX });
    try {
      const schedulers = await waitFor(async () => {
        const found = await queue.getJobSchedulers();
        return found.some((scheduler) => scheduler.key === RETENTION_JOBS.nightly) ? found : undefined;
      }, 'the nightly schedule to be registered again');
      expect(schedulers.find((scheduler) => scheduler.key === RETENTION_JOBS.nightly)).toMatchObject({ pattern: '0 2 * * *', tz: 'Europe/Stockholm' });
    } finally {
      await queue.close();
    }
  }, 120_000);
});

describe('after restoring an older backup', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('re-applies every deletion the certificates record, so culled people do not come back', async () => {
    const dataSource = dataSourceOf(app);
    const customerId = await seedExpiredContacts(dataSource, 3, 'Restore');
    const backup = await dataSource.query(`SELECT * FROM person WHERE first_name = 'Restore'`);
    const contacts = await dataSource.query('SELECT * FROM contact_person WHERE customer_id = $1', [customerId]);
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });
    await worker.init();
    try {
      const admin = await TestClient.signedIn(app, 'admin');
      const run = await admin.post('/api/retention/runs', { asOf: AS_OF });
      await waitFor(async () => ((await admin.get(`/api/retention/tasks/${run.body.id}`)).body.status === 'completed' ? true : undefined), 'the cull');
    } finally {
      await worker.close();
    }
    expect(await dataSource.query(`SELECT id FROM person WHERE first_name = 'Restore'`)).toEqual([]);

    // The "restore": the rows are back as they were.
    for (const person of backup) {
      await dataSource.query(
        `INSERT INTO person (id, first_name, last_name, email, phone, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [person.id, person.first_name, person.last_name, person.email, person.phone, person.purpose, person.legal_basis, person.retain_until, person.retention_rule, person.retention_rule_sv],
      );
    }
    for (const contact of contacts) {
      await dataSource.query(
        `INSERT INTO contact_person (id, customer_id, person_id, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [contact.id, contact.customer_id, contact.person_id, contact.purpose, contact.legal_basis, contact.retain_until, contact.retention_rule, contact.retention_rule_sv],
      );
    }

    const cli = startProcess('dist/apps/api/cli.js', ['reapply-deletions'], {
      ...process.env,
      DATABASE_URL: testConfig().DATABASE_URL,
      SESSION_SECRET: testConfig().SESSION_SECRET,
    });
    expect(await exitOf(cli.child)).toBe(0);
    expect(cli.output()).toContain('"contact_person":{"deleted":3');
    expect(await dataSource.query(`SELECT id FROM person WHERE first_name = 'Restore'`)).toEqual([]);
  }, 120_000);
});
