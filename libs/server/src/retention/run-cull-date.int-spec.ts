import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, QUEUES, stockholmDate } from '@privdesk/domain';
import { Queue } from 'bullmq';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { JobOutboxService } from '../outbox/job-outbox.service';

/** "Run cull now" culls as of today or an earlier day, never a later one (Europe/Stockholm). */
describe('running a cull by hand: the date (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await TestClient.signedIn(app, 'admin');
  });

  afterAll(async () => {
    // No worker runs here: the culls this file started leave the queue with it, not for another file's worker.
    await app?.get(JobOutboxService).relay();
    await app?.get<Queue>(getQueueToken(QUEUES.retention), { strict: false }).obliterate({ force: true });
    await app?.close();
  });

  const culls = async () => (await dataSourceOf(app).query(`SELECT subject FROM retention_task WHERE kind = 'cull' ORDER BY created_at`)).map((row: { subject: string }) => row.subject);

  it.each([
    ['tomorrow', () => addCalendarDays(stockholmDate(new Date()), 1)],
    ['next year', () => addCalendarDays(stockholmDate(new Date()), 366)],
  ])('refuses a cull as of %s with a field message, and starts nothing', async (_when, asOf) => {
    const before = await culls();

    const response = await admin.post('/api/retention/runs', { asOf: asOf() });

    expect(response.status).toBe(400);
    expect(response.body.fields.asOf).toEqual([expect.stringContaining('today')]);
    expect(await culls()).toEqual(before);
  });

  it('runs a cull as of today, or of an earlier day', async () => {
    const today = stockholmDate(new Date());

    expect((await admin.post('/api/retention/runs', { asOf: today })).status).toBe(201);
    expect((await admin.post('/api/retention/runs', { asOf: addCalendarDays(today, -7) })).status).toBe(201);
    expect((await admin.post('/api/retention/runs', {})).body.subject).toBe(today);
  });
});
