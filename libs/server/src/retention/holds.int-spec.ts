import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { waitFor } from '../../test/processes';
import { dataSourceOf, startTestApp, testConfig, TestClient } from '../../test/test-app';
import { companyWithContact } from '../../test/work-fixtures';
import { WorkerModule } from '../worker/worker.module';

/** The hold's last day: a cull as of this day keeps the record, the cull a day later takes it. */
const UNTIL = '2024-06-30';
const DAY_AFTER = '2024-07-01';

describe('a legal hold on one record, until its last day', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });
    await worker.init();
    admin = await TestClient.signedIn(app, 'admin');
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const ticketExists = async (id: string) => (await dataSourceOf(app).query('SELECT 1 FROM ticket WHERE id = $1', [id])).length === 1;

  async function runCull(asOf: string) {
    const requested = await admin.post('/api/retention/runs', { asOf });
    expect(requested.status).toBe(201);
    return waitFor(async () => {
      const task = (await admin.get(`/api/retention/tasks/${requested.body.id}`)).body;
      return task.status === 'completed' ? task : undefined;
    }, 'the cull to complete', 30_000);
  }

  /** Tickets of one company, their deadline (P4) long past; the company and its contact are not expired. */
  async function expiredTickets(count: number): Promise<string[]> {
    const { customerId } = await companyWithContact(admin);
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const created = await admin.post('/api/tickets', { customerId, subject: `Skrivaren ${index}`, description: 'Skriver inte ut', priority: 'low' });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    await dataSourceOf(app).query(`UPDATE ticket SET retain_until = '2020-01-01' WHERE id = ANY($1)`, [ids]);
    return ids;
  }

  it('keeps exactly the held ticket through a cull as of the hold’s last day, and lets the cull a day later take it', async () => {
    const [held, free, other] = await expiredTickets(3);
    const hold = await admin.post('/api/retention/holds', { recordType: 'ticket', recordId: held, reason: 'Reklamation under utredning', until: UNTIL });
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({ recordType: 'ticket', recordId: held, until: UNTIL });

    await runCull(UNTIL);

    expect(await ticketExists(held)).toBe(true);
    expect(await ticketExists(free)).toBe(false);
    expect(await ticketExists(other)).toBe(false);

    await runCull(DAY_AFTER);

    expect(await ticketExists(held)).toBe(false);
  });

  it('keeps the held ticket through a cull before the last day, and counts it as held', async () => {
    const [held, free] = await expiredTickets(2);
    await admin.post('/api/retention/holds', { recordType: 'ticket', recordId: held, reason: 'Tvist om reparation', until: UNTIL });

    const task = await runCull('2024-01-15');

    expect(await ticketExists(held)).toBe(true);
    expect(await ticketExists(free)).toBe(false);
    const certificate = (await admin.get(`/api/retention/certificates/${task.certificateId}`)).body;
    expect(certificate.counts).toEqual(expect.arrayContaining([expect.objectContaining({ recordType: 'ticket', policy: 'P4', deleted: 1, held: 1 })]));
    const check = (await admin.get(`/api/retention/certificates/check?recordType=ticket&id=${held}`)).body;
    expect(check).toMatchObject({ culled: false, matches: [] });
  });

  it('holds only the record named: a hold on one ticket keeps no other record of the same customer or type', async () => {
    const [held, sibling] = await expiredTickets(2);
    const [stranger] = await expiredTickets(1);
    await admin.post('/api/retention/holds', { recordType: 'ticket', recordId: held, reason: 'Försäkringsärende', until: null });

    await runCull(DAY_AFTER);

    expect(await ticketExists(held)).toBe(true);
    expect(await ticketExists(sibling)).toBe(false);
    expect(await ticketExists(stranger)).toBe(false);
  });

  it('lets a released hold go at the next cull', async () => {
    const [held] = await expiredTickets(1);
    const hold = await admin.post('/api/retention/holds', { recordType: 'ticket', recordId: held, reason: 'Utredning klar snart' });
    await runCull(DAY_AFTER);
    expect(await ticketExists(held)).toBe(true);

    expect((await admin.post(`/api/retention/holds/${hold.body.id}/release`)).status).toBeLessThan(300);
    await runCull(DAY_AFTER);

    expect(await ticketExists(held)).toBe(false);
  });
});
