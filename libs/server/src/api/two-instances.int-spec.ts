import { QUEUES, RETENTION_JOBS } from '@privdesk/domain';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../core/config';
import { createDataSource } from '../database/data-source';
import { hashPassword } from '../auth/password';
import { exitOf, freePort, startProcess, waitFor } from '../../test/processes';
import { seedExpiredContacts } from '../../test/seed-expired';
import { testConfig } from '../../test/test-app';
import { redisOptions } from '../queue/queue.module';

/**
 * Two API processes and two workers on one PostgreSQL and one Redis, as a scaled-out installation
 * runs: sessions, limits, schedules and jobs are shared, and nothing runs twice.
 */
const AS_OF = '2026-11-25';
const LOGIN_LIMIT = 4;

/** A browser's cookie jar and CSRF echo, over real HTTP to whichever instance it is given. */
class Browser {
  readonly cookies = new Map<string, string>();

  async call(base: string, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const token = this.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && token) headers['x-xsrf-token'] = decodeURIComponent(token);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
    const text = await response.text();
    return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }
}

describe('two API processes and two workers on one PostgreSQL and Redis', () => {
  // Read once this file's own database is set up (beforeAll), never at collection time.
  let config: AppConfig;
  const processes: Array<ReturnType<typeof startProcess>> = [];
  const bases: string[] = [];
  let dataSource: DataSource;
  let queue: Queue;
  const admin = { email: 'two-instances-admin@test.privdesk.local', password: 'two instances, one truth' };

  beforeAll(async () => {
    config = testConfig();
    dataSource = createDataSource(config.DATABASE_URL);
    await dataSource.initialize();
    await dataSource.query(`INSERT INTO staff_user (email, name, role, password_hash, active) VALUES ($1, 'Two Instances', 'admin', $2, true)`, [admin.email, await hashPassword(admin.password)]);
    queue = new Queue(QUEUES.retention, { connection: redisOptions(config.REDIS_URL as string), prefix: config.QUEUE_PREFIX });
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      SESSION_SECRET: config.SESSION_SECRET,
      COOKIE_SECURE: 'false',
      WEB_DIST: '',
      LOGIN_ATTEMPTS_PER_MINUTE: String(LOGIN_LIMIT),
      CULL_BATCH_SIZE: '20',
      CULL_PARTS: '2',
      LOG_LEVEL: 'warn',
    };
    for (let instance = 0; instance < 2; instance++) {
      const port = await freePort();
      bases.push(`http://127.0.0.1:${port}`);
      processes.push(startProcess('dist/apps/api/main.js', [], { ...env, PORT: String(port), HOST: '127.0.0.1' }));
      processes.push(startProcess('dist/apps/worker/main.js', [], env));
    }
    for (const base of bases) {
      await waitFor(async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined), `the API at ${base}`, 90_000).catch((error) => {
        throw new Error(`${error.message}\n${processes.map((started) => started.output()).join('\n---\n')}`);
      });
    }
  }, 150_000);

  afterAll(async () => {
    for (const started of processes) started.child.kill('SIGTERM');
    await Promise.all(processes.map((started) => exitOf(started.child)));
    await queue?.close();
    await dataSource?.destroy();
  });

  it('keeps a session made on one API valid on the other, CSRF included', async () => {
    const browser = new Browser();
    await browser.call(bases[0], 'GET', '/api/auth/session');
    expect((await browser.call(bases[0], 'POST', '/api/auth/login', admin)).status).toBe(200);
    expect((await browser.call(bases[1], 'GET', '/api/auth/session')).body.user.email).toBe(admin.email);
    const created = await browser.call(bases[1], 'POST', '/api/customers', { type: 'organisation', organisation: { name: 'Två Instanser AB' } });
    expect(created.status).toBe(201);
    expect((await browser.call(bases[0], 'GET', `/api/customers/${created.body.id}`)).status).toBe(200);
    expect((await browser.call(bases[1], 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await browser.call(bases[0], 'GET', '/api/customers')).status).toBe(401);
  });

  it('counts sign-in attempts across both APIs', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LOGIN_LIMIT + 1; attempt++) {
      const browser = new Browser();
      const base = bases[attempt % 2];
      await browser.call(base, 'GET', '/api/auth/session');
      statuses.push((await browser.call(base, 'POST', '/api/auth/login', { email: 'limited@test.privdesk.local', password: `wrong ${attempt}` })).status);
    }
    expect(statuses).toEqual([...Array(LOGIN_LIMIT).fill(401), 429]);
  });

  it('registers one scheduler per schedule, however many workers register them', async () => {
    const expected = new Map<string, string[]>();
    await waitFor(async () => {
      for (const name of Object.values(QUEUES)) {
        const other = new Queue(name, { connection: redisOptions(config.REDIS_URL as string), prefix: config.QUEUE_PREFIX });
        try {
          expected.set(name, (await other.getJobSchedulers()).map((scheduler) => scheduler.key));
        } finally {
          await other.close();
        }
      }
      return expected.get(QUEUES.retention)?.includes(RETENTION_JOBS.nightly) ? true : undefined;
    }, 'the schedules');
    for (const [name, keys] of expected) expect({ queue: name, keys: [...keys].sort() }).toEqual({ queue: name, keys: [...new Set(keys)].sort() });
    expect([...expected.values()].flat().length).toBeGreaterThanOrEqual(8);
  });

  it('runs a cull requested on either API once, split between both workers without overlap', async () => {
    const count = 2000;
    const customerId = await seedExpiredContacts(dataSource, count, 'Shared');
    const browser = new Browser();
    await browser.call(bases[1], 'GET', '/api/auth/session');
    await browser.call(bases[1], 'POST', '/api/auth/login', admin);
    const run = await browser.call(bases[1], 'POST', '/api/retention/runs', { asOf: AS_OF });
    expect(run.status).toBe(201);
    await waitFor(async () => ((await browser.call(bases[0], 'GET', `/api/retention/tasks/${run.body.id}`)).body.status === 'completed' ? true : undefined), 'the cull', 180_000);

    // Both APIs relay the job outbox; the outbox row's key makes them one job, run once.
    const jobs = (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])).filter((job) => job.data.taskId === run.body.id);
    expect(jobs.map((job) => job.data.part ?? 0).sort()).toEqual([0, 1]);
    expect(jobs.every((job) => job.finishedOn && job.attemptsMade === 1 && job.returnvalue?.status === 'completed')).toBe(true);
    const workers = new Set(jobs.map((job) => job.returnvalue.worker));
    expect(workers.size).toBe(2);
    for (const job of jobs) expect(job.returnvalue.batches).toBeGreaterThan(0);

    const [left] = await dataSource.query(`SELECT count(*)::int AS contacts FROM contact_person WHERE customer_id = $1`, [customerId]);
    expect(left.contacts).toBe(0);
    const [{ total, distinct }] = await dataSource.query('SELECT count(*)::int AS total, count(DISTINCT id_hash)::int AS distinct FROM certificate_entry WHERE run_id = $1', [run.body.id]);
    expect({ total, distinct }).toEqual({ total: 2 * count, distinct: 2 * count });
    expect(await dataSource.query('SELECT count(*)::int AS n FROM deletion_certificate WHERE run_id = $1', [run.body.id])).toEqual([{ n: 1 }]);
  }, 240_000);
});
