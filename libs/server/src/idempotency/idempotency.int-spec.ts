import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';

/** Double submits and client retries: with an Idempotency-Key, a create or a send happens once. */
describe('Idempotency-Key on creates and sends (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let sales: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await TestClient.signedIn(app, 'admin');
    sales = await TestClient.signedIn(app, 'sales');
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = (client: TestClient, url: string, body: unknown, key: string) => client.postWithHeaders(url, body, { 'idempotency-key': key });
  const count = async (sql: string, params: unknown[] = []) => (await dataSourceOf(app).query(sql, params))[0].n;

  it('makes one ticket of two parallel creates and of a retry, answering the retry with the same ticket', async () => {
    const customer = (await admin.post('/api/customers', { type: 'organisation', organisation: { name: 'Dubbelklick AB' } })).body;
    const ticket = { customerId: customer.id, subject: 'Skrivaren skriver dubbelt', description: 'Två klick', priority: 'normal' };
    const [first, second] = await Promise.all([post(admin, '/api/tickets', ticket, 'ticket-key-0001'), post(admin, '/api/tickets', ticket, 'ticket-key-0001')]);
    expect([first.status, second.status].sort()).toEqual(expect.arrayContaining([201]));
    expect([first.status, second.status].every((status) => status === 201 || status === 409)).toBe(true);
    const retry = await post(admin, '/api/tickets', ticket, 'ticket-key-0001');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe((first.status === 201 ? first : second).body.id);
    expect(await count(`SELECT count(*)::int AS n FROM ticket WHERE subject = 'Skrivaren skriver dubbelt'`)).toBe(1);

    // Another key is another ticket; the same key for another request is refused.
    expect((await post(admin, '/api/tickets', ticket, 'ticket-key-0002')).status).toBe(201);
    const reused = await post(admin, '/api/tickets', { ...ticket, subject: 'Något annat' }, 'ticket-key-0001');
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect((await post(admin, '/api/tickets', ticket, 'short')).status).toBe(400);
  });

  it('keeps keys per user, and lets a failed request be tried again with its key', async () => {
    const bad = await post(sales, '/api/customers', { type: 'organisation', organisation: { name: '' } }, 'customer-key-0001');
    expect(bad.status).toBe(400);
    const good = await post(sales, '/api/customers', { type: 'organisation', organisation: { name: 'Andra försöket AB' } }, 'customer-key-0001');
    expect(good.status).toBe(201);
    const otherUser = await post(admin, '/api/customers', { type: 'organisation', organisation: { name: 'Andra försöket AB' } }, 'customer-key-0001');
    expect(otherUser.status).toBe(201);
    expect(otherUser.body.id).not.toBe(good.body.id);
  });

  it('mails a marketing send once, however often it is posted with its key', async () => {
    await sales.post('/api/marketing/contacts', { person: { firstName: 'Bo', lastName: 'Bolag', email: 'bo.idem@bolag.se' }, audience: 'business', companyName: 'Bolaget AB', source: 'representative', receivedOn: '2026-11-01', consent: false });
    const send = { subject: 'Bara en gång', body: 'Hej' };
    const answers = await Promise.all([post(sales, '/api/marketing/sends', send, 'send-key-00001'), post(sales, '/api/marketing/sends', send, 'send-key-00001')]);
    await post(sales, '/api/marketing/sends', send, 'send-key-00001');
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    expect(await count(`SELECT count(*)::int AS n FROM outbox_email WHERE subject = 'Bara en gång' AND to_address = 'bo.idem@bolag.se'`)).toBe(1);
  });

  it('forgets a kept answer with the records it shows: an erased person leaves no copy in the retry cache', async () => {
    const created = await post(sales, '/api/customers', { type: 'person', person: { firstName: 'Greta', lastName: 'Glömd', email: 'greta.glomd@exempel.se' } }, 'erase-key-00001');
    expect(created.status).toBe(201);
    const kept = `SELECT count(*)::int AS n FROM idempotent_request WHERE body::text LIKE '%greta.glomd@exempel.se%'`;
    expect(await count(kept)).toBe(1);
    // No agreement, no order: the customer and the person go.
    const erased = await admin.post(`/api/people/${created.body.person.id}/erase`, {});
    expect(erased.status).toBe(200);
    expect(await count(`SELECT count(*)::int AS n FROM person WHERE id = $1`, [created.body.person.id])).toBe(0);
    expect(await count(kept)).toBe(0);
  });
});
