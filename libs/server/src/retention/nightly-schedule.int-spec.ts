import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QUEUES, RETENTION_JOBS } from '@privdesk/domain';
import { defaultRepeatStrategy, Queue, RepeatOptions } from 'bullmq';
import { testConfig } from '../../test/test-app';
import { redisOptions } from '../queue/queue.module';
import { WorkerModule } from '../worker/worker.module';

const HOUR = 3_600_000;
const stockholm = (millis: number) => new Date(millis).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** The last Sunday of a month (UTC midnight), the day the clocks change in the EU. */
function lastSunday(year: number, month: number): Date {
  const last = new Date(Date.UTC(year, month, 0));
  return new Date(last.getTime() - last.getUTCDay() * 24 * HOUR);
}

/**
 * The nightly cull runs once a night, also on the two nights a year when Stockholm's clocks change:
 * at 03:00 summer time on the night 02:00 does not exist, and at the first 02:00 (summer time) on
 * the night it comes twice. Checked with BullMQ's own next-run computation (cron-parser with the
 * time zone) over the schedule the worker registers in Redis.
 */
describe('the nightly cull on the nights the clocks change (worker, Redis)', () => {
  let worker: INestApplicationContext;
  let nightly: RepeatOptions;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });
    await worker.init();
    const queue = worker.get<Queue>(getQueueToken(QUEUES.retention), { strict: false });
    const scheduler = await queue.getJobScheduler(RETENTION_JOBS.nightly);
    expect(scheduler).toMatchObject({ pattern: '0 2 * * *', tz: 'Europe/Stockholm' });
    nightly = { pattern: scheduler?.pattern as string, tz: scheduler?.tz as string };
  });

  afterAll(async () => {
    await worker?.close();
  });

  /** The runs BullMQ chains one after another (each computed from the one before) in [from, to). */
  function chainedRuns(from: string, to: string): number[] {
    const runs: number[] = [];
    let at = Date.parse(from);
    for (;;) {
      at = defaultRepeatStrategy(at, nightly) as number;
      if (at >= Date.parse(to)) return runs;
      runs.push(at);
    }
  }

  it.each([
    ['2026-03-29', 'spring: 02:00 does not exist, the run is at 03:00 summer time', '2026-03-29T01:00:00.000Z', '2026-03-29 03:00:00'],
    ['2026-10-25', 'autumn: 02:00 comes twice, the run is at the first (summer time)', '2026-10-25T00:00:00.000Z', '2026-10-25 02:00:00'],
  ])('runs exactly once on the night to %s (%s)', (_night, _case, expectedUtc, expectedLocal) => {
    const expected = Date.parse(expectedUtc);
    // The nights before and after, chained as the scheduler does.
    const runs = chainedRuns(new Date(expected - 3 * 24 * HOUR - 6 * HOUR).toISOString(), new Date(expected + 3 * 24 * HOUR + 6 * HOUR).toISOString());
    const nights = runs.map((run) => stockholm(run).slice(0, 10));

    expect(runs).toHaveLength(7);
    expect(new Set(nights).size).toBe(7);
    expect(runs.filter((run) => Math.abs(run - expected) < 12 * HOUR)).toEqual([expected]);
    expect(stockholm(expected)).toBe(expectedLocal);
    // Every other night at 02:00 local time.
    expect(runs.filter((run) => run !== expected).map((run) => stockholm(run).slice(11))).toEqual(Array(6).fill('02:00:00'));
  });

  it.each([
    ['2026-03-29', '2026-03-28T01:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:00:00.000Z'],
    ['2026-10-25', '2026-10-24T00:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-26T01:00:00.000Z'],
  ])('plans the same single run on the night to %s from any moment: a worker restarted in the night does not add one', (_night, previous, run, following) => {
    // Every five minutes from just after the night before's run to just before the following one.
    for (let at = Date.parse(previous) + 1; at < Date.parse(following); at += 5 * 60_000) {
      const next = defaultRepeatStrategy(at, nightly) as number;
      expect({ from: new Date(at).toISOString(), next: new Date(next).toISOString() }).toEqual({ from: new Date(at).toISOString(), next: at < Date.parse(run) ? run : following });
    }
  });

  it('stores in Redis the one run of the next nights the clocks change, for a schedule upserted the evening before or during the night', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const spring = lastSunday(year, 3);
    const autumn = lastSunday(year, 10);
    const queue = new Queue(`dst-check-${Date.now().toString(36)}`, { connection: redisOptions(testConfig().REDIS_URL as string), prefix: testConfig().QUEUE_PREFIX });
    const nextAfter = async (startDate: number) => {
      await queue.upsertJobScheduler('nightly', { ...nightly, startDate }, { name: 'nightly' });
      return (await queue.getJobScheduler('nightly'))?.next as number;
    };
    try {
      // Spring: from the evening before (22:00 UTC) and from 01:30 winter time (00:30 UTC): 03:00 summer time (01:00 UTC).
      expect(new Date(await nextAfter(spring.getTime() - 2 * HOUR)).toISOString()).toBe(new Date(spring.getTime() + HOUR).toISOString());
      expect(new Date(await nextAfter(spring.getTime() + HOUR / 2)).toISOString()).toBe(new Date(spring.getTime() + HOUR).toISOString());
      // Autumn: the first 02:00 (00:00 UTC); once it has run, the next is the following night, not the second 02:00 (01:00 UTC).
      expect(new Date(await nextAfter(autumn.getTime() - 2 * HOUR)).toISOString()).toBe(autumn.toISOString());
      expect(new Date(await nextAfter(autumn.getTime() + 1)).toISOString()).toBe(new Date(autumn.getTime() + 25 * HOUR).toISOString());
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });
});
