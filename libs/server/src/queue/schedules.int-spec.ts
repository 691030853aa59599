import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QUEUES, RETENTION_JOBS, SCHEDULED_JOBS } from '@privdesk/domain';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ChildProcess } from 'node:child_process';
import { freePort, startRedis, waitFor } from '../../test/processes';
import { startTestApp, testConfig, TestClient } from '../../test/test-app';
import { WorkerModule } from '../worker/worker.module';
import { redisOptions } from './queue.module';

/** Redis that loses its data while everything runs: a flush, or a restart without persistence. */
describe('recurring jobs after Redis lost its data', () => {
  let redis: ChildProcess;
  let url: string;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = startRedis(port);
    await waitFor(async () => {
      const probe = new Redis({ ...redisOptions(url), maxRetriesPerRequest: 1, lazyConnect: true });
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG' ? true : undefined;
      } finally {
        probe.disconnect();
      }
    }, 'the test Redis');
    app = await startTestApp({ REDIS_URL: url });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig({ REDIS_URL: url })), { logger: false });
    await worker.init();
  }, 60_000);

  afterAll(async () => {
    await worker?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    redis?.kill('SIGKILL');
  });

  it('says in health which schedules are missing, and the running worker registers them again', async () => {
    const anonymous = new TestClient(app);
    const all = Object.entries(SCHEDULED_JOBS).flatMap(([queue, jobs]) => jobs.map((job) => `${queue}/${job}`));
    expect((await anonymous.get('/api/health')).body).toMatchObject({ status: 'ok', missingSchedules: [] });

    const flusher = new Redis(redisOptions(url));
    await flusher.flushall();
    flusher.disconnect();
    const degraded = await anonymous.get('/api/health');
    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({ status: 'degraded', queue: { status: 'up' } });
    expect([...degraded.body.missingSchedules].sort()).toEqual([...all].sort());

    // Within a check of the worker (every 15 s), without a restart.
    await waitFor(async () => ((await anonymous.get('/api/health')).status === 200 ? true : undefined), 'the schedules to be registered again', 60_000);
    const queue = new Queue(QUEUES.retention, { connection: redisOptions(url), prefix: testConfig().QUEUE_PREFIX });
    try {
      const nightly = (await queue.getJobSchedulers()).find((scheduler) => scheduler.key === RETENTION_JOBS.nightly);
      expect(nightly).toMatchObject({ pattern: '0 2 * * *', tz: 'Europe/Stockholm' });
    } finally {
      await queue.close();
    }
  }, 120_000);
});
