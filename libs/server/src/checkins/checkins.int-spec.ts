import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarMonths, stockholmDate } from '@privdesk/domain';
import { pdfText } from '../../test/pdf-text';
import { createStaff, dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { companyWithContact } from '../../test/work-fixtures';

const DEVICE_KEY = 'device-password-key-for-the-tests-0123456789';

describe('device check-ins at the service counter (API)', () => {
  let app: NestFastifyApplication;
  let technician: TestClient;
  let technicianId: string;
  let colleague: TestClient;
  let admin: TestClient;
  let sales: TestClient;

  beforeAll(async () => {
    app = await startTestApp({ DEVICE_PASSWORD_KEY: DEVICE_KEY });
    const staff = await createStaff(app, 'technician');
    technicianId = staff.id;
    technician = new TestClient(app);
    await technician.login(staff.email, staff.password);
    [colleague, admin, sales] = await Promise.all([TestClient.signedIn(app, 'technician'), TestClient.signedIn(app, 'admin'), TestClient.signedIn(app, 'sales')]);
  });

  afterAll(async () => {
    await app.close();
  });

  it('takes a device in from a person on behalf of a company, prints the receipt, links a ticket and returns it', async () => {
    const { customerId, tag } = await companyWithContact(sales, { dpaSignedOn: '2026-01-15' });
    const intake = await technician.post('/api/checkins', {
      customerId,
      handedInBy: { firstName: 'Bo', lastName: `Bud${tag}`, phone: '070-765 43 21' },
      deviceType: 'laptop',
      make: 'Lenovo',
      model: 'ThinkPad T14',
      serialNumber: 'PF-3XK91',
      accessories: 'Laddare',
      condition: 'Repig lock',
      reportedFault: 'Startar inte efter uppdatering',
      expectedReadyOn: '2026-12-02',
      devicePassword: 'hemligt-lösen-123',
      assignedTechnicianId: technicianId,
    });
    expect(intake.status).toBe(201);
    expect(intake.body).toMatchObject({
      status: 'received',
      handedInByName: `Bo Bud${tag}`,
      deviceLabel: 'Lenovo ThinkPad T14',
      hasPassword: true,
      dpaMissing: false,
      privacy: { purpose: 'P6', legalBasis: 'legitimate_interest', retainUntil: addCalendarMonths(stockholmDate(new Date()), 24) },
    });
    const id = intake.body.id;
    const stored = await dataSourceOf(app).query('SELECT password_ciphertext FROM device_checkin WHERE id = $1', [id]);
    expect(stored[0].password_ciphertext).toMatch(/^v1\./);
    expect(stored[0].password_ciphertext).not.toContain('hemligt');

    const receipt = await technician.get(`/api/checkins/${id}/receipt.pdf`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(receipt.raw);
    expect(text).toContain(`#${intake.body.checkinNumber}`);
    expect(text).toContain(`Bo Bud${tag}`);
    expect(text).toContain('Lenovo ThinkPad T14');
    expect(text).toContain('Startar inte efter uppdatering');
    expect(text).toContain('P6');
    expect(text).toMatch(/intresseavvägning/);
    expect(text).toContain(`till och med ${addCalendarMonths(stockholmDate(new Date()), 24)}`);
    expect(text).not.toContain('hemligt-lösen-123');

    const ticket = await technician.post('/api/tickets', { customerId, subject: 'ThinkPad startar inte', description: 'Se inlämning', priority: 'normal', checkinId: id });
    expect(ticket.body).toMatchObject({ checkinId: id, checkinNumber: intake.body.checkinNumber, deviceLabel: 'Lenovo ThinkPad T14' });
    const diagnosing = await technician.edit(`/api/checkins/${id}`, { status: 'in_repair', workDone: 'Bytte SSD, installerade om Windows' });
    expect(diagnosing.body).toMatchObject({ status: 'in_repair', tickets: [{ id: ticket.body.id }] });

    const returned = await technician.post(`/api/checkins/${id}/return`, { pickedUpBy: 'Bo Bud (legitimation)' });
    expect(returned.status).toBe(201);
    expect(returned.body).toMatchObject({ status: 'returned', pickedUpBy: 'Bo Bud (legitimation)', hasPassword: false });
    expect(returned.body.passwordDestroyedAt).not.toBeNull();
    expect((await dataSourceOf(app).query('SELECT password_ciphertext FROM device_checkin WHERE id = $1', [id]))[0].password_ciphertext).toBeNull();
    expect((await technician.get(`/api/checkins/${id}/password`)).status).toBe(404);
    expect((await technician.post(`/api/checkins/${id}/return`, { pickedUpBy: 'again' })).status).toBe(409);
    expect((await technician.edit(`/api/checkins/${id}`, { status: 'ready' })).status).toBe(409);
  });

  it('shows the password only to the assigned technician, and audits every view', async () => {
    const { customerId, personId } = await companyWithContact(sales, { dpaSignedOn: '2026-01-15' });
    const intake = await technician.post('/api/checkins', {
      customerId,
      handedInById: personId,
      deviceType: 'desktop',
      make: 'Dell',
      model: 'OptiPlex',
      reportedFault: 'Blåskärm',
      devicePassword: 'Sommar2026!',
      assignedTechnicianId: technicianId,
    });
    const id = intake.body.id;
    expect((await technician.get(`/api/checkins/${id}/password`)).body).toEqual({ password: 'Sommar2026!' });
    expect((await colleague.get(`/api/checkins/${id}/password`)).status).toBe(403);
    expect((await admin.get(`/api/checkins/${id}/password`)).status).toBe(403);
    expect((await sales.get(`/api/checkins/${id}/password`)).status).toBe(403);
    await technician.get(`/api/checkins/${id}/password`);
    const views = await dataSourceOf(app).query(`SELECT actor_id FROM audit_entry WHERE entity_id = $1 AND action = 'device_checkin.password.viewed'`, [id]);
    expect(views).toEqual([{ actor_id: technicianId }, { actor_id: technicianId }]);
    const audited = await dataSourceOf(app).query(`SELECT details::text AS details FROM audit_entry WHERE entity_id = $1`, [id]);
    expect(JSON.stringify(audited)).not.toContain('Sommar2026');
  });

  it('lets a technician take an unassigned device for himself, and only an admin move a device from its technician (audited)', async () => {
    const { customerId, personId } = await companyWithContact(sales, { dpaSignedOn: '2026-01-15' });
    const device = { customerId, handedInById: personId, deviceType: 'laptop', make: 'HP', model: 'ProBook', reportedFault: 'Fläkten låter', devicePassword: 'Vinter2026!' };
    const colleagueId = (await colleague.get('/api/auth/session')).body.user.id;
    const adminId = (await admin.get('/api/auth/session')).body.user.id;
    const assigned = (await technician.post('/api/checkins', { ...device, assignedTechnicianId: technicianId })).body.id;

    const takenOver = await colleague.edit(`/api/checkins/${assigned}`, { assignedTechnicianId: colleagueId });
    expect(takenOver.status).toBe(403);
    expect(takenOver.body.message).toBe('The device is assigned to a technician already; only an admin may assign it to someone else');
    expect((await colleague.get(`/api/checkins/${assigned}/password`)).status).toBe(403);
    expect((await colleague.edit(`/api/checkins/${assigned}`, { assignedTechnicianId: null })).status).toBe(403);
    expect((await technician.edit(`/api/checkins/${assigned}`, { assignedTechnicianId: colleagueId })).status).toBe(403);
    // Saving the form with the technician unchanged is no reassignment.
    expect((await colleague.edit(`/api/checkins/${assigned}`, { status: 'diagnosing', assignedTechnicianId: technicianId })).status).toBe(200);

    const unassigned = (await technician.post('/api/checkins', device)).body.id;
    expect((await colleague.edit(`/api/checkins/${unassigned}`, { assignedTechnicianId: technicianId })).status).toBe(403);
    expect((await colleague.edit(`/api/checkins/${unassigned}`, { assignedTechnicianId: colleagueId })).body.assignedTechnicianId).toBe(colleagueId);
    expect((await colleague.get(`/api/checkins/${unassigned}/password`)).body).toEqual({ password: 'Vinter2026!' });

    expect((await admin.edit(`/api/checkins/${assigned}`, { assignedTechnicianId: colleagueId })).status).toBe(200);
    expect((await colleague.get(`/api/checkins/${assigned}/password`)).body).toEqual({ password: 'Vinter2026!' });
    expect((await technician.get(`/api/checkins/${assigned}/password`)).status).toBe(403);
    const assignments = await dataSourceOf(app).query(
      `SELECT entity_id, actor_id, details FROM audit_entry WHERE entity_id IN ($1, $2) AND action = 'device_checkin.assigned' ORDER BY at`,
      [assigned, unassigned],
    );
    expect(assignments).toEqual([
      { entity_id: unassigned, actor_id: colleagueId, details: { technicianId: colleagueId, previousTechnicianId: null } },
      { entity_id: assigned, actor_id: adminId, details: { technicianId: colleagueId, previousTechnicianId: technicianId } },
    ]);
  });

  it('warns when a company has no data processing agreement, and refuses sales at the counter', async () => {
    const { customerId, personId } = await companyWithContact(sales);
    const intake = await technician.post('/api/checkins', { customerId, handedInById: personId, deviceType: 'phone', make: 'Apple', model: 'iPhone 13', reportedFault: 'Trasig skärm' });
    expect(intake.status).toBe(201);
    expect(intake.body.dpaMissing).toBe(true);
    await sales.edit(`/api/customers/${customerId}`, { organisation: { dpaSignedOn: '2026-11-25' } });
    expect((await technician.get(`/api/checkins/${intake.body.id}`)).body.dpaMissing).toBe(false);

    expect((await sales.get('/api/checkins')).status).toBe(403);
    expect((await sales.get(`/api/checkins/${intake.body.id}`)).status).toBe(403);
    expect((await sales.get(`/api/checkins/${intake.body.id}/receipt.pdf`)).status).toBe(403);
    const list = await technician.get(`/api/checkins?customerId=${customerId}&inShop=true`);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([intake.body.id]);
  });

  it('answers bad input with field messages', async () => {
    const { customerId } = await companyWithContact(sales);
    const empty = await technician.post('/api/checkins', { customerId, deviceType: 'toaster', make: '', model: ' ', reportedFault: '' });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.fields).sort()).toEqual(['deviceType', 'handedInBy', 'handedInById', 'make', 'model', 'reportedFault']);
    const ok = { customerId, handedInBy: { firstName: 'A', lastName: 'B' }, deviceType: 'tablet', make: 'Apple', model: 'iPad', reportedFault: 'x' };
    expect((await technician.post('/api/checkins', { ...ok, expectedReadyOn: '2026-13-01' })).body.fields.expectedReadyOn).toBeDefined();
    expect((await technician.post('/api/checkins', { ...ok, customerId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    const created = await technician.post('/api/checkins', ok);
    expect((await technician.edit(`/api/checkins/${created.body.id}`, { status: 'returned' })).status).toBe(400);
    expect((await technician.get('/api/checkins/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('device passwords without a configured key', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses to store a password rather than store it in clear', async () => {
    const technician = await TestClient.signedIn(app, 'technician');
    const { customerId, personId } = await companyWithContact(technician);
    const intake = await technician.post('/api/checkins', { customerId, handedInById: personId, deviceType: 'laptop', make: 'HP', model: 'EliteBook', reportedFault: 'x', devicePassword: 'secret' });
    expect(intake.status).toBe(400);
    expect(intake.body.fields.devicePassword[0]).toContain('DEVICE_PASSWORD_KEY');
  });
});
