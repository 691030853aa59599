import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, addCalendarMonths, BusinessCalendar, businessMinutesBetween, DEFAULT_BUSINESS_CALENDAR, slaDueAt, stockholmDate } from '@privdesk/domain';
import { createStaff, dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { companyWithContact } from '../../test/work-fixtures';

describe('support tickets: lifecycle, timeline, search and who sees what (API)', () => {
  let app: NestFastifyApplication;
  let technician: TestClient;
  let technicianId: string;
  let sales: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createStaff(app, 'technician');
    technicianId = staff.id;
    technician = new TestClient(app);
    await technician.login(staff.email, staff.password);
    [sales, admin] = await Promise.all([TestClient.signedIn(app, 'sales'), TestClient.signedIn(app, 'admin')]);
  });

  afterAll(async () => {
    await app.close();
  });

  it('takes a ticket from new to closed with troubleshooting, a message, time and a part', async () => {
    const { customerId, personId } = await companyWithContact(sales);
    const created = await technician.post('/api/tickets', {
      customerId,
      requesterId: personId,
      subject: 'Skrivaren skriver inte ut',
      description: 'Utskrifterna fastnar i kön sedan i måndags.',
      priority: 'high',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'new', priority: 'high', assigneeId: null, overdue: false, privacy: { purpose: 'P4', legalBasis: 'contract' } });
    // High priority: due after one working day's open hours (weekdays 08–17, Swedish holidays closed).
    expect(created.body.dueAt).toBe(slaDueAt({ registeredAt: new Date(created.body.createdAt), priority: 'high', pausedMinutes: 0 }, DEFAULT_BUSINESS_CALENDAR).toISOString());
    // No agreement: the policy's rule for customers without one — 24 months from registration.
    expect(created.body.privacy.retainUntil).toBe(addCalendarMonths(stockholmDate(new Date()), 24));
    const id = created.body.id;

    const assigned = await technician.edit(`/api/tickets/${id}`, { assigneeId: technicianId });
    expect(assigned.body).toMatchObject({ assigneeId: technicianId, assigneeName: 'Test technician' });

    const note = await technician.post(`/api/tickets/${id}/entries`, { kind: 'note', body: 'Spoolertjänsten hängde; startade om den.' });
    expect(note.status).toBe(201);
    expect(note.body.status).toBe('open');
    await technician.post(`/api/tickets/${id}/entries`, { kind: 'message', body: 'Nu ska det fungera igen, hör av er annars.' });
    await technician.post(`/api/tickets/${id}/entries`, { kind: 'time', body: '', minutes: 45 });
    const part = await technician.post(`/api/tickets/${id}/entries`, { kind: 'part', body: 'Ny matarrulle', partAction: 'replaced', partName: 'Matarrulle HP M404' });
    expect(part.body.entries.map((entry: { kind: string }) => entry.kind)).toEqual(['note', 'message', 'time', 'part']);
    expect(part.body.totalMinutes).toBe(45);
    expect(part.body.entries[3]).toMatchObject({ partAction: 'replaced', partName: 'Matarrulle HP M404' });

    expect((await technician.edit(`/api/tickets/${id}`, { status: 'resolved' })).body.status).toBe('resolved');
    const closed = await technician.edit(`/api/tickets/${id}`, { status: 'closed' });
    expect(closed.body.status).toBe('closed');
    const late = await technician.post(`/api/tickets/${id}/entries`, { kind: 'note', body: 'one more' });
    expect(late.status).toBe(409);

    const audit = await dataSourceOf(app).query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY at`, [id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'ticket.created',
      'ticket.updated',
      'ticket.entry.note',
      'ticket.entry.message',
      'ticket.entry.time',
      'ticket.entry.part',
      'ticket.updated',
      'ticket.updated',
    ]);
  });

  it('hides internal troubleshooting notes from sales, but shows them messages; sales may not add entries', async () => {
    const { customerId } = await companyWithContact(sales);
    const ticket = await sales.post('/api/tickets', { customerId, subject: 'Ny dator till receptionen', description: 'Kunden ringde.', priority: 'normal' });
    expect(ticket.status).toBe(201);
    await technician.post(`/api/tickets/${ticket.body.id}/entries`, { kind: 'note', body: 'Internt: gammal disk, byt till SSD.' });
    await technician.post(`/api/tickets/${ticket.body.id}/entries`, { kind: 'message', body: 'Vi återkommer med offert.' });

    const asSales = await sales.get(`/api/tickets/${ticket.body.id}`);
    expect(asSales.body.internalNotesHidden).toBe(true);
    expect(asSales.body.entries.map((entry: { kind: string }) => entry.kind)).toEqual(['message']);
    const asTechnician = await technician.get(`/api/tickets/${ticket.body.id}`);
    expect(asTechnician.body.entries.map((entry: { kind: string }) => entry.kind)).toEqual(['note', 'message']);

    expect((await sales.post(`/api/tickets/${ticket.body.id}/entries`, { kind: 'message', body: 'x' })).status).toBe(403);
    expect((await sales.patch(`/api/tickets/${ticket.body.id}`, { version: 1, status: 'closed' })).status).toBe(403);
  });

  it('finds tickets by full text in Swedish and English, over subject, description and entries', async () => {
    const { customerId } = await companyWithContact(sales);
    const printers = await technician.post('/api/tickets', { customerId, subject: 'Printers offline on floor 3', description: 'All printers lost network.', priority: 'low' });
    const disk = await technician.post('/api/tickets', { customerId, subject: 'Långsam dator', description: 'Startar långsamt.', priority: 'low' });
    await technician.post(`/api/tickets/${disk.body.id}/entries`, { kind: 'note', body: 'Hårddisken hade dåliga sektorer; bytte hårddiskar mot SSD.' });

    const search = async (q: string) =>
      (await technician.get(`/api/tickets?customerId=${customerId}&q=${encodeURIComponent(q)}`)).body.items.map((item: { id: string }) => item.id);
    expect(await search('printer')).toEqual([printers.body.id]); // English stemming: printers → printer
    expect(await search('hårddisk')).toEqual([disk.body.id]); // Swedish stemming over an entry: hårddiskar → hårddisk
    expect(await search('startade')).toEqual([disk.body.id]); // Swedish: startar/startade → start
    expect(await search('"floor 3" -network')).toEqual([]); // websearch syntax: phrase and exclusion
    expect(await search(`#${printers.body.ticketNumber}`)).toEqual([printers.body.id]);
  });

  it('searches only what the viewer may read: a word only in an internal note finds nothing for sales', async () => {
    const { customerId } = await companyWithContact(sales);
    const ticket = await technician.post('/api/tickets', { customerId, subject: 'Servern startar om', description: 'Varje natt vid tre.', priority: 'normal' });
    await technician.post(`/api/tickets/${ticket.body.id}/entries`, { kind: 'note', body: 'Lösenordet till routern är kanelbulle2026.' });
    await technician.post(`/api/tickets/${ticket.body.id}/entries`, { kind: 'message', body: 'Vi byter nätaggregatet på torsdag.' });
    const total = async (client: TestClient, q: string) => (await client.get(`/api/tickets?q=${encodeURIComponent(q)}`)).body.total;

    expect(await total(sales, 'kanelbulle2026')).toBe(0);
    expect(await total(technician, 'kanelbulle2026')).toBe(1);
    expect(await total(admin, 'kanelbulle2026')).toBe(1);
    // What sales may read is still found: the subject, the description and messages to the customer.
    expect(await total(sales, 'nätaggregatet')).toBe(1);
    expect(await total(sales, 'servern startar')).toBe(1);
    // A note edited away or turned into the ticket's own text follows at once.
    await technician.edit(`/api/tickets/${ticket.body.id}`, { description: 'Varje natt vid tre; kanelbulle2026.' });
    expect(await total(sales, 'kanelbulle2026')).toBe(1);
  });

  it('finds exactly the ticket with a #number, not tickets that mention the number', async () => {
    const { customerId } = await companyWithContact(sales);
    const first = (await technician.post('/api/tickets', { customerId, subject: 'Nätverket ligger nere', description: 'Hela kontoret.', priority: 'high' })).body;
    await technician.post('/api/tickets', { customerId, subject: `Uppföljning av ${first.ticketNumber}`, description: `Se ärende ${first.ticketNumber}.`, priority: 'low' });
    await technician.post('/api/tickets', { customerId, subject: 'Kabel', description: `${first.ticketNumber} meter nätverkskabel.`, priority: 'low' });

    const exact = await technician.get(`/api/tickets?q=${encodeURIComponent(`#${first.ticketNumber}`)}`);
    expect(exact.body.total).toBe(1);
    expect(exact.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
    // Without "#" the number is text too: the ticket and those mentioning it.
    expect((await technician.get(`/api/tickets?customerId=${customerId}&q=${first.ticketNumber}`)).body.total).toBe(3);
    expect((await technician.get('/api/tickets?q=%23999999999')).body.total).toBe(0);
    // Typed on "My tickets" (or any filtered tab) it still finds the ticket: a number is an address.
    const onMyTab = await technician.get(`/api/tickets?view=mine&status=closed&q=${encodeURIComponent(`#${first.ticketNumber}`)}`);
    expect(onMyTab.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
  });

  it('finds tickets by the customer’s and the requester’s names', async () => {
    const { customerId, personId, tag } = await companyWithContact(sales);
    const fromKim = (await technician.post('/api/tickets', { customerId, requesterId: personId, subject: 'Skrivaren', description: 'Matar inte papper.', priority: 'low' })).body;
    const other = (await technician.post('/api/tickets', { customerId, subject: 'Wifi', description: 'Tappar anslutningen.', priority: 'low' })).body;
    const ids = async (q: string) => (await technician.get(`/api/tickets?q=${encodeURIComponent(q)}`)).body.items.map((item: { id: string }) => item.id).sort();
    expect(await ids(`Kim Kontakt${tag}`)).toEqual([fromKim.id]);
    expect(await ids(`kontakt${tag}`)).toEqual([fromKim.id]);
    expect(await ids(`Verkstad ${tag}`)).toEqual([fromKim.id, other.id].sort());
    const privateCustomer = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Petra', lastName: `Privat${tag}` } })).body;
    const hers = (await technician.post('/api/tickets', { customerId: privateCustomer.id, subject: 'Virus', description: 'Konstiga fönster.', priority: 'normal' })).body;
    expect(await ids(`petra privat${tag}`)).toEqual([hers.id]);
  });

  it('ranks only the newest matches of a very common word, and says so', async () => {
    const { customerId } = await companyWithContact(sales);
    await dataSourceOf(app).query(
      `INSERT INTO ticket (customer_id, subject, description, status, priority, due_at, warn_at, purpose, legal_basis, retention_rule, retention_rule_sv)
       SELECT $1, 'Tangentbordet krånglar ' || n, 'x', 'open', 'low', now(), now(), 'P4', 'contract', 'r', 'r' FROM generate_series(1, 1100) n`,
      [customerId],
    );
    const common = await technician.get('/api/tickets?q=tangentbordet&pageSize=100');
    expect(common.body).toMatchObject({ total: 200, capped: true });
    const numbers = common.body.items.map((item: { ticketNumber: number }) => item.ticketNumber);
    const [{ max }] = await dataSourceOf(app).query(`SELECT max(ticket_number) - 199 AS max FROM ticket WHERE customer_id = $1`, [customerId]);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(max);
    const rare = await technician.get(`/api/tickets?q=${encodeURIComponent('krånglar 1050')}`);
    expect(rare.body.capped).toBeUndefined();
  });

  it('lists my tickets, the unassigned queue, and filters by status, priority and due date', async () => {
    const { customerId } = await companyWithContact(sales);
    const mine = await technician.post('/api/tickets', { customerId, subject: 'Mine', description: 'x', priority: 'urgent', assigneeId: technicianId });
    const queued = await technician.post('/api/tickets', { customerId, subject: 'Queued', description: 'x', priority: 'low' });
    const ids = async (query: string) => (await technician.get(`/api/tickets?customerId=${customerId}&${query}`)).body.items.map((item: { id: string }) => item.id);

    expect(await ids('view=mine')).toEqual([mine.body.id]);
    expect(await ids('view=unassigned')).toEqual([queued.body.id]);
    expect(await ids('priority=urgent')).toEqual([mine.body.id]);
    expect(await ids('status=new&sort=priority')).toEqual([mine.body.id, queued.body.id]);
    expect(await ids(`dueBy=${stockholmDate(new Date(Date.now() + 2 * 86_400_000))}`)).toEqual([mine.body.id]);
    const page = await technician.get(`/api/tickets?customerId=${customerId}&pageSize=1&page=2&sort=number`);
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: queued.body.id }] });
  });

  it('follows the agreement: support data is kept while the agreement runs, and its requester with it', async () => {
    const { customerId, personId } = await companyWithContact(sales, { agreementFrom: '2025-01-01' });
    const ticket = await technician.post('/api/tickets', { customerId, requesterId: personId, subject: 'Avtal', description: 'x', priority: 'normal' });
    expect(ticket.body.privacy).toMatchObject({ purpose: 'P4', retainUntil: null, rule: 'while the agreement runs' });
    const customer = await sales.get(`/api/customers/${customerId}`);
    const ends = addCalendarDays(stockholmDate(new Date()), 60);
    await sales.edit(`/api/customers/${customerId}/agreements/${customer.body.agreements[0].id}`, { endDate: ends });
    expect((await technician.get(`/api/tickets/${ticket.body.id}`)).body.privacy).toMatchObject({ retainUntil: ends, rule: 'agreement end' });
    // Support asked for after the agreement ended is not under it: 24 months from registration, not a date already past.
    await sales.edit(`/api/customers/${customerId}/agreements/${customer.body.agreements[0].id}`, { endDate: '2026-03-31' });
    const after = await technician.post('/api/tickets', { customerId, requesterId: personId, subject: 'Efter avtalet', description: 'x', priority: 'normal' });
    expect(after.body.privacy).toMatchObject({ purpose: 'P4', retainUntil: addCalendarMonths(stockholmDate(new Date()), 24) });
  });

  it('runs the SLA clock on the opening hours an admin sets, and stops it while the ticket waits for the customer', async () => {
    const hours = (await technician.get('/api/settings/business-hours')).body;
    expect(hours.calendar).toEqual(DEFAULT_BUSINESS_CALENDAR);
    expect(hours.holidays).toEqual(expect.arrayContaining([{ date: '2026-06-19', name: { sv: 'Midsommarafton', en: 'Midsummer Eve' } }]));
    expect((await technician.put('/api/settings/business-hours', hours.calendar)).status).toBe(403);
    const broken = await admin.put('/api/settings/business-hours', { ...hours.calendar, week: { ...hours.calendar.week, '1': { opens: '17:00', closes: '08:00' }, '2': { opens: '8' } } });
    expect(broken.status).toBe(400);
    expect(Object.keys(broken.body.fields).sort()).toEqual(['week.2.closes', 'week.2.opens']);
    const backwards = await admin.put('/api/settings/business-hours', { ...hours.calendar, week: { ...hours.calendar.week, '1': { opens: '17:00', closes: '08:00' } } });
    expect(backwards.body.fields).toHaveProperty(['week.1.closes']);

    // Open every day around the clock except the holidays: a new ticket's due time follows.
    const always = { opens: '00:00', closes: '24:00' };
    const calendar: BusinessCalendar = { week: { '1': always, '2': always, '3': always, '4': always, '5': always, '6': always, '7': always }, closedOnHolidays: false };
    expect((await admin.put('/api/settings/business-hours', calendar)).body.calendar).toEqual(calendar);
    try {
      const { customerId } = await companyWithContact(sales);
      const ticket = (await technician.post('/api/tickets', { customerId, subject: 'Servern', description: 'Startar om.', priority: 'urgent' })).body;
      expect(ticket.dueAt).toBe(slaDueAt({ registeredAt: new Date(ticket.createdAt), priority: 'urgent', pausedMinutes: 0 }, calendar).toISOString());
      expect(new Date(ticket.dueAt).getTime() - new Date(ticket.createdAt).getTime()).toBe(4 * 3_600_000);

      // Waiting for the customer since three hours (open all the time): the clock stood still, and the due time moves by the wait.
      const waiting = (await technician.edit(`/api/tickets/${ticket.id}`, { status: 'waiting' })).body;
      expect(waiting.slaPausedSince).not.toBeNull();
      expect(waiting.overdue).toBe(false);
      await dataSourceOf(app).query(`UPDATE ticket SET sla_paused_at = now() - interval '3 hours' WHERE id = $1`, [ticket.id]);
      const [{ paused_at: pausedAt }] = await dataSourceOf(app).query(`SELECT sla_paused_at AS paused_at FROM ticket WHERE id = $1`, [ticket.id]);
      const resumed = (await technician.edit(`/api/tickets/${ticket.id}`, { status: 'open' })).body;
      expect(resumed.slaPausedSince).toBeNull();
      const waited = businessMinutesBetween(pausedAt, new Date(), calendar);
      const moved = (new Date(resumed.dueAt).getTime() - new Date(ticket.dueAt).getTime()) / 60_000;
      expect(Math.abs(moved - waited)).toBeLessThanOrEqual(1);
      expect(moved).toBeGreaterThanOrEqual(179);
    } finally {
      await admin.put('/api/settings/business-hours', DEFAULT_BUSINESS_CALENDAR);
    }
  });

  it('answers bad input with field messages and unknown ids with 404', async () => {
    const { customerId, personId } = await companyWithContact(sales);
    const other = await companyWithContact(sales);
    const empty = await technician.post('/api/tickets', { customerId, subject: '  ', description: '', priority: 'whenever', extra: 1 });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.fields).sort()).toEqual(['description', 'extra', 'priority', 'subject']);
    const strange = await technician.post('/api/tickets', { customerId, requesterId: other.personId, subject: 's', description: 'd', priority: 'low' });
    expect(strange.status).toBe(400);
    expect(strange.body.fields.requesterId).toBeDefined();
    const salesAssignee = await createStaff(app, 'sales');
    const badAssignee = await technician.post('/api/tickets', { customerId, requesterId: personId, subject: 's', description: 'd', priority: 'low', assigneeId: salesAssignee.id });
    expect(badAssignee.status).toBe(400);
    const time = await technician.post('/api/tickets', { customerId, subject: 's', description: 'd', priority: 'low' });
    const noMinutes = await technician.post(`/api/tickets/${time.body.id}/entries`, { kind: 'time' });
    expect(noMinutes.status).toBe(400);
    expect(noMinutes.body.fields.minutes).toBeDefined();
    const noPart = await technician.post(`/api/tickets/${time.body.id}/entries`, { kind: 'part', body: 'x' });
    expect(Object.keys(noPart.body.fields).sort()).toEqual(['partAction', 'partName']);
    expect((await technician.get('/api/tickets/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await technician.get('/api/tickets?dueBy=2026-02-30')).status).toBe(400);
    expect((await admin.get('/api/tickets?view=everything')).status).toBe(400);
  });
});
