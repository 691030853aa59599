import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, addCalendarMonths, stockholmDate } from '@privdesk/domain';
import IORedis from 'ioredis';
import { multipart } from '../../test/multipart';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { RecomputeService } from '../retention/recompute.service';

/**
 * The registry's promise, end to end through the API: every record knows why and until when,
 * every policy edit moves every record it governs, mail is personal data, a person goes with his
 * or her last record, and an erasure leaves nothing behind but what its letter names.
 */
describe('privacy by construction: one registry drives deadlines, export and erasure (API, real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let sales: TestClient;
  let technician: TestClient;
  const today = stockholmDate(new Date());
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => dataSourceOf(app).query(query, params);

  const apply = (fields: Record<string, string>) => {
    const { body, contentType } = multipart(fields, [{ field: 'documents', filename: 'cv.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 CV') }]);
    return app.inject({ method: 'POST', url: '/api/public/applications', payload: body, headers: { 'content-type': contentType } });
  };

  /** Saves a policy and runs its recomputation here (no worker in this file); returns the task. */
  const savePolicy = async (code: string, change: Record<string, unknown>) => {
    const saved = await admin.edit(`/api/policies/${code}`, change);
    expect(saved.status).toBe(200);
    await app.get(RecomputeService).run(saved.body.task.id);
    return (await admin.get(`/api/retention/tasks/${saved.body.task.id}`)).body;
  };

  beforeAll(async () => {
    app = await startTestApp({ DEVICE_PASSWORD_KEY: 'device-password-key-for-the-tests-0123456789' });
    [admin, sales, technician] = await Promise.all([TestClient.signedIn(app, 'admin'), TestClient.signedIn(app, 'sales'), TestClient.signedIn(app, 'technician')]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('moves the deadline of every record a policy governs when the policy is saved, and the preview counts them exactly', async () => {
    expect((await apply({ firstName: 'Pia', lastName: 'Policy', email: 'pia.policy@exempel.se', position: 'Tekniker', consent: 'true', language: 'sv' })).statusCode).toBe(202);
    const quote = (
      await sales.post('/api/quotes', {
        holder: { firstName: 'Olof', lastName: 'Offert', email: 'olof.offert@exempel.se' },
        title: 'Nätverk',
        validUntil: addCalendarDays(today, 10),
        lines: [{ kind: 'service', description: 'Installation', quantity: 1, unitPrice: 1000 }],
      })
    ).body;
    const contact = (await sales.post('/api/marketing/contacts', { person: { firstName: 'Mia', lastName: 'Mässa', email: 'mia.massa@exempel.se' }, audience: 'business', companyName: 'Mässa AB', source: 'event', receivedOn: today, consent: false })).body;
    await app.inject({ method: 'POST', url: '/api/public/inquiries', payload: { name: 'Ivar Inquiry', email: 'ivar@exempel.se', message: 'Hej!' } });
    const request = (await admin.post('/api/subject-requests', { kind: 'access', channel: 'email', receivedOn: today, requesterName: 'Rut Request', identityChecked: false })).body;

    const deadline = async (table: string, where: string, params: unknown[]) => (await sql<{ d: string }>(`SELECT retain_until::text AS d FROM ${table} WHERE ${where}`, params))[0]?.d;
    const applicant = () => deadline('applicant', 'person_id = (SELECT id FROM person WHERE email = $1)', ['pia.policy@exempel.se']);
    const inquiry = () => deadline('inquiry', 'person_id = (SELECT id FROM person WHERE email = $1)', ['ivar@exempel.se']);
    const cases: Array<[string, Record<string, unknown>, () => Promise<string | undefined>, string]> = [
      ['P1', { rule: { kind: 'months-from-event', months: 12 } }, applicant, addCalendarMonths(today, 12)],
      ['P2', { rule: { kind: 'quote', months: 6 } }, () => deadline('quote', 'id = $1', [quote.id]), addCalendarMonths(today, 6)],
      ['P5', { rule: { kind: 'months-from-event', months: 12 } }, () => deadline('marketing_contact', 'id = $1', [contact.id]), addCalendarMonths(today, 12)],
      ['P8', { rule: { kind: 'months-from-event', months: 3 } }, inquiry, addCalendarMonths(today, 3)],
      ['A2', { rule: { kind: 'months-from-event', months: 24 } }, () => deadline('subject_request', 'id = $1', [request.id]), addCalendarMonths(today, 24)],
    ];
    for (const [code, change, read, expected] of cases) {
      expect(await read()).not.toBe(expected);
      const preview = await admin.post(`/api/policies/${code}/preview`, change);
      expect({ code, preview: preview.body }).toEqual({ code, preview: { code, records: 1, changed: 1, expiredAfter: 0 } });
      const task = await savePolicy(code, change);
      expect({ code, task: { status: task.status, done: task.done, total: task.total } }).toEqual({ code, task: { status: 'completed', done: 1, total: 1 } });
      expect({ code, deadline: await read() }).toEqual({ code, deadline: expected });
    }
    // The person behind the applicant follows the role's new deadline.
    expect(await deadline('person', 'email = $1', ['pia.policy@exempel.se'])).toBe(addCalendarMonths(today, 12));
  });

  it('moves the deletion certificates when their own policy (A1) is saved', async () => {
    const [{ id }] = await sql<{ id: string }>(
      `INSERT INTO deletion_certificate (run_id, as_of, started_at, finished_at, counts, totals, purpose, retain_until)
       VALUES (gen_random_uuid(), $1, now(), now(), '[]', '{}', 'A1', $2) RETURNING id`,
      [today, addCalendarMonths(today, 120)],
    );
    expect((await admin.post('/api/policies/A1/preview', { rule: { kind: 'months-from-event', months: 60 } })).body).toMatchObject({ records: 1, changed: 1 });
    await savePolicy('A1', { rule: { kind: 'months-from-event', months: 60 } });
    expect((await sql<{ d: string }>('SELECT retain_until::text AS d FROM deletion_certificate WHERE id = $1', [id]))[0].d).toBe(addCalendarMonths(today, 60));
    await savePolicy('A1', { rule: { kind: 'months-from-event', months: 120 } });
  });

  it('moves won orders with agreements when the bookkeeping policy (P7) is saved', async () => {
    const company = (await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Orderbolaget AB' } })).body;
    const holder = (await sales.post(`/api/customers/${company.id}/contacts`, { person: { firstName: 'Otto', lastName: 'Order', email: 'otto.order@exempel.se' } })).body;
    const order = (await sales.post('/api/quotes', { customerId: company.id, holderId: holder.person.id, title: 'Server', validUntil: addCalendarDays(today, 30), lines: [{ kind: 'item', description: 'Server', quantity: 1, unitPrice: 20000 }] })).body;
    await sales.post(`/api/quotes/${order.id}/win`, {});
    const year = Number(today.slice(0, 4));
    expect((await sql<{ d: string }>('SELECT retain_until::text AS d FROM quote WHERE id = $1', [order.id]))[0].d).toBe(`${year + 7}-12-31`);

    const preview = (await admin.post('/api/policies/P7/preview', { rule: { kind: 'bookkeeping', years: 10 } })).body;
    expect(preview.changed).toBeGreaterThanOrEqual(1);
    await savePolicy('P7', { rule: { kind: 'bookkeeping', years: 10 } });
    expect((await sql<{ d: string }>('SELECT retain_until::text AS d FROM quote WHERE id = $1', [order.id]))[0].d).toBe(`${year + 10}-12-31`);
    await savePolicy('P7', { rule: { kind: 'bookkeeping', years: 7 } });
  });

  it('treats every mail as personal data: purpose, deadline, export, and gone with its person', async () => {
    const email = 'kim.kund@exempel.se';
    const contact = (await sales.post('/api/marketing/contacts', { person: { firstName: 'Kim', lastName: 'Kund', email }, audience: 'consumer', source: 'sign_up', receivedOn: today, consent: true, consentText: 'Ja tack' })).body;
    expect((await sales.post('/api/marketing/sends', { subject: 'Nyhetsbrev', body: 'Hej Kim Kund, här är nyheterna.', dryRun: false })).status).toBeLessThan(300);
    const [mail] = await sql<{ purpose: string; sent_for: string; person_id: string; retain_until: string; record_type: string }>(
      'SELECT purpose, sent_for, person_id, retain_until::text, record_type FROM outbox_email WHERE to_address = $1',
      [email],
    );
    expect(mail).toEqual({ purpose: 'A3', sent_for: 'P5', person_id: contact.personId, retain_until: addCalendarMonths(today, 3), record_type: 'marketing_contact' });

    const exported = (await admin.get(`/api/people/${contact.personId}/export`)).body;
    expect(exported.records.map((record: { recordType: string }) => record.recordType).sort()).toEqual(['marketing_contact', 'outbox_email']);
    expect(exported.records.find((record: { recordType: string }) => record.recordType === 'outbox_email').privacy).toMatchObject({ purpose: 'A3', retainUntil: addCalendarMonths(today, 3) });

    // The objection: the marketing record, the mail and the person go; only the keyed hash stays.
    expect((await sales.post(`/api/people/${contact.personId}/marketing-objection`, {})).status).toBeLessThan(300);
    expect(await sql('SELECT 1 FROM person WHERE id = $1', [contact.personId])).toEqual([]);
    expect(await sql('SELECT 1 FROM outbox_email WHERE to_address = $1', [email])).toEqual([]);
    expect((await admin.get(`/api/people?q=${encodeURIComponent(email)}`)).body).toEqual({ people: [], suppressed: true });
  });

  it('deletes the person with the last record: deleting a marketing contact leaves no one behind', async () => {
    const contact = (await sales.post('/api/marketing/contacts', { person: { firstName: 'Dan', lastName: 'Deleted', email: 'dan.deleted@exempel.se' }, audience: 'business', companyName: 'Dan AB', source: 'event', receivedOn: today, consent: false })).body;
    expect((await sales.delete(`/api/marketing/contacts/${contact.id}`)).status).toBeLessThan(300);
    expect(await sql('SELECT 1 FROM person WHERE id = $1', [contact.personId])).toEqual([]);
  });

  it('erases a private customer with its own tickets (no requester), answers the request, and leaves no trace the letter does not name', async () => {
    const who = { firstName: 'Erika', lastName: 'Eraserson', email: 'erika.eraserson@exempel.se', phone: '070-987 65 43', personnummer: '19800229-0008' };
    const customer = (await sales.post('/api/customers', { type: 'person', person: who })).body;
    expect(customer.id).toBeDefined();
    const personId = customer.person.id;
    const ownTicket = (await technician.post('/api/tickets', { customerId: customer.id, subject: 'Skrivaren strular', description: 'Erika Eraserson ringde från 070-987 65 43', priority: 'low' })).body;
    const withRequester = (await technician.post('/api/tickets', { customerId: customer.id, requesterId: personId, subject: 'VPN', description: 'Mail från erika.eraserson@exempel.se', priority: 'low' })).body;
    expect((await technician.edit(`/api/tickets/${withRequester.id}`, { requesterId: null })).status).toBe(200);
    const checkin = (await technician.post('/api/checkins', { customerId: customer.id, handedInById: personId, deviceType: 'laptop', make: 'Lenovo', model: 'T14', reportedFault: 'Startar inte' })).body;
    await technician.post(`/api/checkins/${checkin.id}/return`, { pickedUpBy: 'Erika Eraserson' });
    const request = (await admin.post('/api/subject-requests', { kind: 'erasure', channel: 'email', receivedOn: today, personId, requesterName: 'Erika Eraserson', requesterContact: who.email, identityChecked: true, identityMethod: 'BankID' })).body;

    const proposal = (await admin.get(`/api/people/${personId}/erasure-proposal`)).body;
    const proposed = (type: string) => proposal.items.filter((item: { recordType: string }) => item.recordType === type).map((item: { id: string; outcome: string }) => `${item.id}:${item.outcome}`).sort();
    expect(proposed('ticket')).toEqual([`${ownTicket.id}:erase`, `${withRequester.id}:erase`].sort());
    expect(proposed('customer')).toEqual([`${customer.id}:erase`]);

    const erased = await admin.post(`/api/people/${personId}/erase`, { requestId: request.id });
    expect(erased.status).toBe(200);
    const count = (outcome: string) => proposal.items.filter((item: { outcome: string }) => item.outcome === outcome).length;
    const keptAsIs = erased.body.kept.filter((item: { outcome: string }) => item.outcome === 'keep').length;
    expect({ erased: erased.body.erased, anonymised: erased.body.anonymised, kept: keptAsIs }).toEqual({ erased: count('erase'), anonymised: count('anonymise'), kept: count('keep') });
    const answered = (await admin.get(`/api/subject-requests/${request.id}`)).body;
    expect(answered).toMatchObject({ status: 'answered', answeredOn: today });
    expect(answered.answer).toContain(erased.body.letter.sv);
    expect((await admin.get(`/api/people?q=${encodeURIComponent(who.email)}`)).body.people).toEqual([]);
    expect((await admin.get(`/api/people?q=Eraserson`)).body.people).toEqual([]);

    // Every text column of every table, and every queued job's data: nothing names her, except the
    // request kept as proof of answering (which the letter names).
    const needles = [`${who.firstName} ${who.lastName}`, who.lastName, who.email, who.phone, '0709876543', who.personnummer, '198002290008', '800229-0008'];
    const columns = await sql<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY') AND table_name NOT IN ('schema_migration')`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const rows = await sql<{ hit: string }>(`SELECT "${column}"::text AS hit FROM "${table}" WHERE "${column}"::text ILIKE ANY($1)`, [needles.map((needle) => `%${needle}%`)]);
      for (const row of rows) found.push(`${table}.${column}: ${row.hit.slice(0, 80)}`);
    }
    const keptByLetter = found.filter((hit) => hit.startsWith('subject_request.requester_name'));
    expect(found.filter((hit) => !keptByLetter.includes(hit))).toEqual([]);
    // The queue's job data in Redis carries ids only.
    const redis = new IORedis(process.env['REDIS_URL'] as string, { maxRetriesPerRequest: 1 });
    try {
      const inRedis: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env['QUEUE_PREFIX']}:*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          if ((await redis.type(key)) !== 'hash') continue;
          const text = JSON.stringify(await redis.hgetall(key)).toLowerCase();
          for (const needle of needles) if (text.includes(needle.toLowerCase())) inRedis.push(`${key}: ${needle}`);
        }
      } while (cursor !== '0');
      expect(inRedis).toEqual([]);
    } finally {
      redis.disconnect();
    }
    expect(erased.body.kept.map((item: { recordType: string }) => item.recordType)).toContain('subject_request');
  });

  it('never answers 500 on erasure: a person who is only a private customer with a ticket is erased whole', async () => {
    const customer = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Sam', lastName: 'Solo', email: 'sam.solo@exempel.se' } })).body;
    await technician.post('/api/tickets', { customerId: customer.id, subject: 'Hjälp', description: 'Datorn', priority: 'low' });
    const erased = await admin.post(`/api/people/${customer.person.id}/erase`, {});
    expect(erased.status).toBe(200);
    expect(await sql('SELECT 1 FROM customer WHERE id = $1', [customer.id])).toEqual([]);
    expect(await sql('SELECT 1 FROM ticket WHERE customer_id = $1', [customer.id])).toEqual([]);
  });
});
