import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, stockholmDate } from '@privdesk/domain';
import { multipart } from '../../test/multipart';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';

/** Every table and column that refers to a person, as the README describes a person's roles. */
const ROLES = [
  ['customer', 'person_id'],
  ['contact_person', 'person_id'],
  ['ticket', 'requester_id'],
  ['device_checkin', 'handed_in_by_id'],
  ['quote', 'holder_id'],
  ['marketing_contact', 'person_id'],
  ['applicant', 'person_id'],
  ['inquiry', 'person_id'],
  ['subject_request', 'person_id'],
  ['legal_hold', 'person_id'],
] as const;

/** People registered twice before one address meant one person: listed, and merged by an admin (API). */
describe('duplicate people and merging them (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let sales: TestClient;
  let technician: TestClient;
  const today = stockholmDate(new Date());
  const sql = (query: string, params: unknown[] = []) => dataSourceOf(app).query(query, params);

  /** A person straight in the database, as the forms stored duplicates before the rule. */
  const insertPerson = async (firstName: string, lastName: string, email: string, extra: { phone?: string; daysAgo?: number } = {}): Promise<string> => {
    const [row] = await sql(
      `INSERT INTO person (first_name, last_name, email, phone, purpose, legal_basis, retain_until, retention_rule, retention_rule_sv, created_at)
       VALUES ($1, $2, $3, $4, 'P3', 'contract', NULL, 'r', 'r', now() - make_interval(days => $5)) RETURNING id`,
      [firstName, lastName, email, extra.phone ?? null, extra.daysAgo ?? 0],
    );
    return row.id;
  };

  const roleCounts = async (personId: string): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const [table, column] of ROLES) counts[table] = (await sql(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [personId]))[0].n;
    return counts;
  };

  beforeAll(async () => {
    app = await startTestApp({ DEVICE_PASSWORD_KEY: 'device-password-key-for-the-tests-0123456789' });
    [admin, sales, technician] = await Promise.all([TestClient.signedIn(app, 'admin'), TestClient.signedIn(app, 'sales'), TestClient.signedIn(app, 'technician')]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the people sharing an address, whatever its case, with their records', async () => {
    const first = await insertPerson('Lisa', 'Lista', 'lisa.lista@exempel.se', { daysAgo: 3 });
    const second = await insertPerson('Lisa', 'Lista', ' LISA.Lista@exempel.se', { daysAgo: 1 });
    await insertPerson('Lisa', 'Annan', 'lisa.annan@exempel.se');
    await sales.post('/api/marketing/contacts', { personId: second, audience: 'consumer', source: 'event', receivedOn: today, consent: false });

    const list = await admin.get('/api/people/duplicates?q=lisa');

    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    expect(list.body.items).toEqual([
      {
        email: 'lisa.lista@exempel.se',
        people: [
          expect.objectContaining({ person: expect.objectContaining({ id: first, fullName: 'Lisa Lista' }), roles: [] }),
          expect.objectContaining({ person: expect.objectContaining({ id: second, email: ' LISA.Lista@exempel.se' }), roles: [{ table: 'marketing_contact', count: 1 }] }),
        ],
      },
    ]);
  });

  it('moves every role of the merged person to the kept one, keeps one row where both had it, fills blanks, deletes the merged person and audits by id', async () => {
    const EMAIL = 'dora.dubblett@exempel.se';
    // The kept person: contact of a company, marketing contact.
    const company = (await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Dubbel AB', dpaSignedOn: '2025-01-01' } })).body;
    const kept = (await sales.post(`/api/customers/${company.id}/contacts`, { person: { firstName: 'Dora', lastName: 'Dubblett', email: EMAIL }, title: 'Inköp' })).body.person.id;
    await sales.post('/api/marketing/contacts', { personId: kept, audience: 'business', companyName: 'Dubbel AB', source: 'representative', receivedOn: today, consent: false });

    // The duplicate, registered earlier, in every role.
    const merged = await insertPerson('Dora', 'Dubblett', 'Dora.Dubblett@Exempel.se', { phone: '070-111 22 33', daysAgo: 30 });
    const other = (await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Annat AB', dpaSignedOn: '2025-01-01' } })).body;
    const own = await sales.post('/api/customers', { type: 'person', person: { firstName: 'Dora', lastName: 'Dubblett', email: EMAIL }, existingPersonId: merged });
    expect(own.status).toBe(201);
    expect((await sales.post(`/api/customers/${company.id}/contacts`, { personId: merged, title: 'Ekonomi' })).status).toBe(201);
    expect((await sales.post(`/api/customers/${other.id}/contacts`, { personId: merged })).status).toBe(201);
    expect((await technician.post('/api/tickets', { customerId: company.id, requesterId: merged, subject: 'Skrivaren', description: 'd', priority: 'low' })).status).toBe(201);
    expect((await technician.post('/api/checkins', { customerId: company.id, handedInById: merged, deviceType: 'laptop', make: 'HP', model: 'x', reportedFault: 'f' })).status).toBe(201);
    expect((await sales.post('/api/quotes', { customerId: company.id, holderId: merged, title: 'Skärmar', validUntil: addCalendarDays(today, 30), lines: [{ kind: 'item', description: 'Skärm', quantity: 1, unitPrice: 100 }] })).status).toBe(201);
    expect((await sales.post('/api/marketing/contacts', { personId: merged, audience: 'consumer', source: 'event', receivedOn: today, consent: false })).status).toBe(201);
    const application = multipart({ firstName: 'Dora', lastName: 'Dubblett', email: 'dora.dubblett@EXEMPEL.se', position: 'Tekniker', consent: 'true', language: 'sv' }, [
      { field: 'documents', filename: 'cv.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 CV') },
    ]);
    const applied = await app.inject({ method: 'POST', url: '/api/public/applications', payload: application.body, headers: { 'content-type': application.contentType } });
    expect(applied.statusCode).toBe(202);
    expect((await app.inject({ method: 'POST', url: '/api/public/inquiries', payload: { name: 'Dora Dubblett', email: EMAIL, message: 'Hej' } })).statusCode).toBeLessThan(300);
    expect((await admin.post('/api/subject-requests', { kind: 'access', channel: 'email', receivedOn: today, personId: merged, requesterName: 'Dora', identityChecked: false })).status).toBe(201);
    expect((await admin.post('/api/retention/holds', { personId: merged, reason: 'Tvist' })).status).toBe(201);

    // The public forms linked the oldest person with the address: the duplicate.
    expect(await roleCounts(merged)).toEqual({
      customer: 1, contact_person: 2, ticket: 1, device_checkin: 1, quote: 1, marketing_contact: 1, applicant: 1, inquiry: 1, subject_request: 1, legal_hold: 1,
    });
    const group = (await admin.get(`/api/people/duplicates?q=${EMAIL}`)).body.items[0];
    expect(group.people.map((entry: { person: { id: string } }) => entry.person.id)).toEqual([merged, kept]);

    // Only admins merge.
    expect((await sales.post(`/api/people/${kept}/merge`, { mergeId: merged })).status).toBe(403);
    expect((await technician.post(`/api/people/${kept}/merge`, { mergeId: merged })).status).toBe(403);
    expect((await admin.post(`/api/people/${kept}/merge`, { mergeId: kept })).status).toBe(400);

    const result = await admin.post(`/api/people/${kept}/merge`, { mergeId: merged });

    expect(result.status).toBe(200);
    expect(result.body.person).toMatchObject({ id: kept, firstName: 'Dora', email: EMAIL, phone: '070-111 22 33' });
    expect(result.body.filled).toEqual(['phone']);
    expect(result.body.dropped).toEqual(expect.arrayContaining([{ table: 'contact_person', count: 1 }, { table: 'marketing_contact', count: 1 }]));
    expect(await roleCounts(merged)).toEqual(Object.fromEntries(ROLES.map(([table]) => [table, 0])));
    // Both were contacts of Dubbel AB and marketing contacts: one row each stays.
    expect(await roleCounts(kept)).toEqual({
      customer: 1, contact_person: 2, ticket: 1, device_checkin: 1, quote: 1, marketing_contact: 1, applicant: 1, inquiry: 1, subject_request: 1, legal_hold: 1,
    });
    expect(await sql('SELECT title FROM contact_person WHERE person_id = $1 AND customer_id = $2', [kept, company.id])).toEqual([{ title: 'Inköp' }]);
    expect(await sql('SELECT 1 FROM person WHERE id = $1', [merged])).toEqual([]);

    const trail = await sql(`SELECT actor_id, entity_id, fields, details::text AS details FROM audit_entry WHERE action = 'person.merged'`);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ entity_id: kept, fields: ['phone'] });
    expect(JSON.parse(trail[0].details)).toMatchObject({ keptId: kept, mergedId: merged });
    expect(trail[0].details).not.toMatch(/Dora|Dubblett|exempel/i);

    // The customer record now names the kept person; no duplicates are left.
    expect((await admin.get(`/api/customers/${own.body.id}`)).body.person.id).toBe(kept);
    expect((await admin.get(`/api/people/duplicates?q=${EMAIL}`)).body.items).toEqual([]);
    expect((await admin.post(`/api/people/${kept}/merge`, { mergeId: merged })).status).toBe(404);
  });

  it('refuses the duplicates list to everyone but admins', async () => {
    expect((await sales.get('/api/people/duplicates')).status).toBe(403);
    expect((await technician.get('/api/people/duplicates')).status).toBe(403);
    const anonymous = new TestClient(app);
    await anonymous.get('/api/auth/session');
    expect((await anonymous.get('/api/people/duplicates')).status).toBe(401);
  });
});
