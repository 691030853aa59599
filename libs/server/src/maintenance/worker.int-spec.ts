import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MAINTENANCE_JOBS, QUEUES } from '@privdesk/domain';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { exitOf, startProcess, waitFor } from '../../test/processes';
import { testConfig } from '../../test/test-app';
import { redisOptions } from '../queue/queue.module';
import { WorkerModule } from '../worker/worker.module';

describe('worker on Redis (BullMQ)', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });
    await worker.init();
    dataSource = worker.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await worker?.close();
  });

  it('registers the hourly session purge with the job scheduler', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.maintenance));
    const schedulers = await queue.getJobSchedulers();

    expect(schedulers).toEqual([expect.objectContaining({ key: MAINTENANCE_JOBS.purgeExpiredSessions, pattern: '15 * * * *', tz: 'Europe/Stockholm' })]);
  });

  it('purges expired sessions and keeps live ones when the job runs', async () => {
    await dataSource.query(
      `INSERT INTO staff_session (id, user_id, data, expires_at) VALUES ('expired-1', NULL, '{}', now() - interval '1 minute'), ('live-1', NULL, '{}', now() + interval '1 hour')`,
    );
    const config = testConfig();
    const connection = redisOptions(config.REDIS_URL as string);
    const queue = new Queue(QUEUES.maintenance, { connection, prefix: config.QUEUE_PREFIX });
    const events = new QueueEvents(QUEUES.maintenance, { connection, prefix: config.QUEUE_PREFIX });
    try {
      await events.waitUntilReady();
      const job = await queue.add(MAINTENANCE_JOBS.purgeExpiredSessions, {});
      const result = await job.waitUntilFinished(events, 30_000);

      expect(result).toEqual({ purged: 1 });
      const left = await dataSource.query(`SELECT id FROM staff_session WHERE id IN ('expired-1', 'live-1')`);
      expect(left).toEqual([{ id: 'live-1' }]);
    } finally {
      await events.close();
      await queue.close();
    }
  });
});

describe('worker process (built)', () => {
  it('starts, connects to PostgreSQL and Redis, and exits 0 on SIGTERM', async () => {
    const config = testConfig();
    const worker = startProcess('dist/apps/worker/main.js', [], {
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      SESSION_SECRET: config.SESSION_SECRET,
      LOG_LEVEL: 'info',
    });
    await waitFor(async () => (worker.output().includes('Worker ready (queues on Redis)') ? true : undefined), 'the worker to start', 30_000);

    worker.child.kill('SIGTERM');

    expect(await exitOf(worker.child)).toBe(0);
  });
});
