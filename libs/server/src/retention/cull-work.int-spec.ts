import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dataSourceOf, startTestApp, testConfig, TestClient } from '../../test/test-app';
import { WorkerModule } from '../worker/worker.module';
import { CullService } from './cull.service';

/** The cull over the daily work: tickets, check-ins and quotes go on their own deadlines; orders stay for bookkeeping. */
describe('culling tickets, check-ins and quotes', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: TestClient;
  const sql = (query: string, params: unknown[] = []) => dataSourceOf(app).query(query, params);
  const exists = async (table: string, id: string) => (await sql(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length === 1;

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

  it('deletes expired tickets with their timeline, check-ins and unwon quotes; keeps won orders and anonymises the people they name', async () => {
    const customer = (await admin.post('/api/customers', { type: 'person', person: { firstName: 'Greta', lastName: 'Gallrad', email: 'greta@gallrad.se', phone: '070-111 22 33' } })).body;
    const personId = customer.person.id;
    const ticket = (await admin.post('/api/tickets', { customerId: customer.id, requesterId: personId, subject: 'Greta Gallrad kan inte logga in', description: 'Ring 070-111 22 33', priority: 'low' })).body;
    await admin.post(`/api/tickets/${ticket.id}/entries`, { kind: 'note', body: 'Pratade med Greta Gallrad' });
    const checkin = (
      await admin.post('/api/checkins', { customerId: customer.id, handedInById: personId, deviceType: 'laptop', make: 'Asus', model: 'Zenbook', reportedFault: 'Trasig' })
    ).body;
    const lines = [{ kind: 'item', description: 'Dator', quantity: 1, unitPrice: 100 }];
    const lost = (await admin.post('/api/quotes', { customerId: customer.id, title: 'Förlorad', validUntil: '2026-12-31', lines })).body;
    await admin.post(`/api/quotes/${lost.id}/lose`, {});
    const won = (await admin.post('/api/quotes', { customerId: customer.id, title: 'Order åt Greta Gallrad', validUntil: '2026-12-31', lines })).body;
    await admin.post(`/api/quotes/${won.id}/win`, {});
    // A second company's ticket on a later deadline keeps its own records.
    const later = (await admin.post('/api/tickets', { customerId: customer.id, subject: 'Senare ärende', description: 'x', priority: 'low' })).body;

    const asOf = '2030-01-01';
    await sql(`UPDATE ticket SET retain_until = '2029-01-01' WHERE id = $1`, [ticket.id]);
    await sql(`UPDATE ticket SET retain_until = '2031-01-01' WHERE id = $1`, [later.id]);
    await sql(`UPDATE device_checkin SET retain_until = '2029-01-01' WHERE id = $1`, [checkin.id]);
    await sql(`UPDATE quote SET retain_until = '2029-01-01' WHERE id = $1`, [lost.id]);
    await sql(`UPDATE customer SET retain_until = '2029-01-01' WHERE id = $1`, [customer.id]);
    await sql(`UPDATE person SET retain_until = '2029-01-01' WHERE id = $1`, [personId]);
    await sql(`INSERT INTO staff_task (assignee_id, kind, title, link, record_id, idempotency_key) SELECT id, 'ticket_due', 't', 'l', $1, 'cull-test' FROM staff_user LIMIT 1`, [ticket.id]);

    const [{ id: taskId }] = await sql(`INSERT INTO retention_task (kind, subject) VALUES ('cull', $1) RETURNING id`, [asOf]);
    const { task } = await worker.get(CullService).run(taskId);
    expect(task.status).toBe('completed');

    expect(await exists('ticket', ticket.id)).toBe(false);
    expect(await sql('SELECT 1 FROM ticket_entry WHERE ticket_id = $1', [ticket.id])).toEqual([]);
    expect(await sql(`SELECT 1 FROM staff_task WHERE record_id = $1`, [ticket.id])).toEqual([]);
    expect(await exists('device_checkin', checkin.id)).toBe(false);
    expect(await exists('quote', lost.id)).toBe(false);
    expect(await exists('quote', won.id)).toBe(true);
    expect(await exists('ticket', later.id)).toBe(true);
    // Still referenced by the order and the later ticket: kept, anonymised, and named nowhere in free text.
    expect(await exists('customer', customer.id)).toBe(true);
    const [person] = await sql('SELECT first_name, email, phone, anonymised_at FROM person WHERE id = $1', [personId]);
    expect(person).toMatchObject({ first_name: 'Anonymiserad', email: null, phone: null });
    const [order] = await sql('SELECT title, status FROM quote WHERE id = $1', [won.id]);
    expect(order).toEqual({ title: 'Order åt [borttaget]', status: 'won' });

    const [certificate] = await sql('SELECT counts FROM deletion_certificate WHERE run_id = $1', [taskId]);
    const count = (recordType: string) => certificate.counts.find((c: { recordType: string }) => c.recordType === recordType);
    expect(count('ticket')).toMatchObject({ deleted: 1 });
    expect(count('device_checkin')).toMatchObject({ deleted: 1 });
    expect(count('quote')).toMatchObject({ deleted: 1 });
  });
});
