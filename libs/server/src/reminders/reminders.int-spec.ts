import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, QUEUES, REMINDER_JOBS, stockholmDate } from '@privdesk/domain';
import { eventually, runJob } from '../../test/run-job';
import { createStaff, dataSourceOf, startTestApp, testConfig, TestClient } from '../../test/test-app';
import { companyWithContact } from '../../test/work-fixtures';
import { MailService } from '../outbox/mail.service';
import { WorkerModule } from '../worker/worker.module';

/** Reminders run through BullMQ on the real Redis, into the mail outbox. */
describe('reminders: quote follow-ups, ticket SLA, service windows and quote expiry (worker)', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let sales: TestClient;
  let admin: TestClient;
  const today = stockholmDate(new Date());
  const mailsTo = async (address: string) => dataSourceOf(app).query('SELECT subject, body, status FROM outbox_email WHERE to_address = $1 ORDER BY created_at', [address]);
  const tasksOf = async (recordId: string) => dataSourceOf(app).query('SELECT assignee_id, kind, title FROM staff_task WHERE record_id = $1', [recordId]);

  beforeAll(async () => {
    const overrides = { PUBLIC_URL: 'https://privdesk.example.se' };
    app = await startTestApp(overrides);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(overrides)), { logger: false });
    await worker.init();
    [sales, admin] = await Promise.all([TestClient.signedIn(app, 'sales'), TestClient.signedIn(app, 'admin')]);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  it('follows up quotes about to expire once: a task for the owner, a mail with an opt-out link to the holder, none to a suppressed holder', async () => {
    const lines = [{ kind: 'item', description: 'Dator', quantity: 1, unitPrice: 9990 }];
    const soon = await sales.post('/api/quotes', { holder: { firstName: 'Frida', lastName: 'Följupp', email: 'frida@kund.se' }, title: 'Datorer', validUntil: addCalendarDays(today, 5), lines });
    const objector = await sales.post('/api/quotes', { holder: { firstName: 'Olle', lastName: 'Invänd', email: 'olle@kund.se' }, title: 'Skärmar', validUntil: addCalendarDays(today, 3), lines });
    const later = await sales.post('/api/quotes', { holder: { firstName: 'Lina', lastName: 'Senare', email: 'lina@kund.se' }, title: 'Nätverk', validUntil: addCalendarDays(today, 30), lines });
    expect((await sales.post(`/api/people/${objector.body.holderId}/marketing-objection`)).status).toBe(204);
    expect((await sales.get(`/api/quotes/${objector.body.id}`)).body.holderSuppressed).toBe(true);

    const first = await runJob(worker, QUEUES.reminders, REMINDER_JOBS.quoteFollowUp);
    const second = await runJob(worker, QUEUES.reminders, REMINDER_JOBS.quoteFollowUp);
    expect(first).toMatchObject({ suppressed: 1 });
    expect(second).toMatchObject({ tasks: 0, mails: 0 });

    expect(await tasksOf(soon.body.id)).toEqual([{ assignee_id: expect.any(String), kind: 'quote_follow_up', title: expect.stringContaining(`#${soon.body.quoteNumber}`) }]);
    expect(await tasksOf(objector.body.id)).toHaveLength(1);
    expect(await tasksOf(later.body.id)).toEqual([]);
    const [mail] = await mailsTo('frida@kund.se');
    expect(mail.subject).toContain(`#${soon.body.quoteNumber}`);
    expect(mail.body).toContain('https://privdesk.example.se/api/public/marketing/opt-out?email=frida%40kund.se&token=');
    expect(await mailsTo('olle@kund.se')).toEqual([]);
    expect(await mailsTo('lina@kund.se')).toEqual([]);
    const ownTasks = await sales.get('/api/tasks');
    expect(ownTasks.body.map((task: { link: string }) => task.link)).toEqual(expect.arrayContaining([`/quotes/${soon.body.id}`, `/quotes/${objector.body.id}`]));
    const done = await sales.post(`/api/tasks/${ownTasks.body[0].id}/done`);
    expect(done.body.doneAt).not.toBeNull();
    expect((await sales.get('/api/tasks')).body).toHaveLength(ownTasks.body.length - 1);

    // The link in the mail opts the holder out; the next follow-up respects it.
    const link = new URL(/https:\/\/\S+/.exec(mail.body)?.[0] ?? 'https://missing.example');
    const anonymous = new TestClient(app);
    const page = await anonymous.get(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form method="post"');
    expect((await anonymous.post(`${link.pathname}?email=frida%40kund.se&token=${'0'.repeat(64)}`)).status).toBe(400);
    expect((await anonymous.post(`${link.pathname}${link.search}`)).status).toBe(200);
    expect((await sales.get(`/api/quotes/${soon.body.id}`)).body.holderSuppressed).toBe(true);
    const suppressed = await dataSourceOf(app).query('SELECT email_hash FROM marketing_suppression');
    expect(JSON.stringify(suppressed)).not.toContain('kund.se');

    await worker.get(MailService).deliverPending();
    expect((await mailsTo('frida@kund.se')).map((m: { status: string }) => m.status)).toEqual(['stored']);
  });

  it('tells the assignee once when a ticket nears its due time', async () => {
    const technician = await createStaff(app, 'technician');
    const { customerId } = await companyWithContact(sales);
    const ticket = await sales.post('/api/tickets', { customerId, subject: 'Server nere', description: 'x', priority: 'urgent', assigneeId: technician.id });
    const calm = await sales.post('/api/tickets', { customerId, subject: 'Ny mus', description: 'x', priority: 'low', assigneeId: technician.id });
    // Registered three and a half hours ago: past 75 % of the urgent window.
    await dataSourceOf(app).query(`UPDATE ticket SET created_at = now() - interval '210 minutes', due_at = now() + interval '30 minutes', warn_at = now() - interval '1 minute' WHERE id = $1`, [ticket.body.id]);

    await runJob(worker, QUEUES.reminders, REMINDER_JOBS.ticketSla);
    await runJob(worker, QUEUES.reminders, REMINDER_JOBS.ticketSla);
    expect(await tasksOf(ticket.body.id)).toEqual([{ assignee_id: technician.id, kind: 'ticket_due', title: expect.stringContaining(`#${ticket.body.ticketNumber}`) }]);
    expect(await tasksOf(calm.body.id)).toEqual([]);
    expect(await mailsTo(technician.email)).toEqual([expect.objectContaining({ subject: expect.stringContaining(`#${ticket.body.ticketNumber}`) })]);
  });

  it('mails a service window once to every contact of customers whose agreement runs then', async () => {
    const running = await companyWithContact(sales, { agreementFrom: '2025-01-01' });
    // The same address twice, as people were registered before one address meant one person.
    const [copy] = await dataSourceOf(app).query(
      `INSERT INTO person (first_name, last_name, email, purpose, legal_basis, retention_rule, retention_rule_sv) VALUES ('Sam', 'Samma', $1, 'P6', 'legitimate_interest', 'r', 'r') RETURNING id`,
      [running.email.toUpperCase()],
    );
    const second = await sales.post(`/api/customers/${running.customerId}/contacts`, { personId: copy.id });
    expect(second.status).toBe(201);
    const without = await companyWithContact(sales);
    const person = await sales.post('/api/customers', { type: 'person', person: { firstName: 'Pia', lastName: 'Privat', email: 'pia@hem.se' } });
    await sales.post(`/api/customers/${person.body.id}/agreements`, { title: 'Hemservice', startDate: '2024-01-01', endDate: '2025-12-31' });

    const window = await admin.post('/api/service-windows', {
      kind: 'service_window',
      title: 'Byte av brandvägg',
      message: 'Vi byter brandvägg i datahallen; internet kan vara nere en kort stund.',
      startsAt: `${addCalendarDays(today, 10)}T22:00:00+01:00`,
      endsAt: `${addCalendarDays(today, 11)}T02:00:00+01:00`,
    });
    expect(window.status).toBe(201);
    const mailed = await eventually(async () => {
      const list = (await admin.get('/api/service-windows')).body as Array<{ id: string; recipients: number | null }>;
      return list.find((item) => item.id === window.body.id && item.recipients !== null);
    }, 'the service window job');
    expect(mailed.recipients).toBeGreaterThanOrEqual(1);
    const toRunning = await mailsTo(running.email);
    expect(toRunning).toEqual([expect.objectContaining({ subject: expect.stringContaining('Byte av brandvägg') })]);
    expect(await mailsTo(running.email.toUpperCase())).toEqual([]);
    expect(await mailsTo(without.email)).toEqual([]);
    expect(await mailsTo('pia@hem.se')).toEqual([]);

    expect(await runJob(worker, QUEUES.reminders, REMINDER_JOBS.serviceWindow, { windowId: window.body.id })).toEqual({ queued: 0 });
    expect((await sales.post('/api/service-windows', { kind: 'service_window', title: 'x', message: 'x', startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T11:00:00Z' })).status).toBe(403);
    const bad = await admin.post('/api/service-windows', { kind: 'outage', title: '', message: 'x', startsAt: 'tomorrow', endsAt: '2026-12-01T11:00:00Z' });
    expect(Object.keys(bad.body.fields).sort()).toEqual(['kind', 'startsAt', 'title']);
  });

  it('expires open quotes past their validity through the scheduled job', async () => {
    const lines = [{ kind: 'item', description: 'Dator', quantity: 1, unitPrice: 100 }];
    const stale = await sales.post('/api/quotes', { holder: { firstName: 'Ebba', lastName: 'Expired' }, title: 'Gammal', issuedOn: '2026-01-01', validUntil: '2026-01-31', lines });
    const result = await runJob<{ expired: number }>(worker, QUEUES.reminders, REMINDER_JOBS.expireQuotes);
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect((await sales.get(`/api/quotes/${stale.body.id}`)).body.status).toBe('expired');
    expect(await runJob(worker, QUEUES.reminders, REMINDER_JOBS.expireQuotes)).toEqual({ expired: 0 });
  });
});
