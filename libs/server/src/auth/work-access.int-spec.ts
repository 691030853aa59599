import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEFAULT_BUSINESS_CALENDAR, Role, stockholmDate } from '@privdesk/domain';
import { createStaff, dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { companyWithContact } from '../../test/work-fixtures';

/**
 * The daily work's access matrix (README: "Who may do what"), every cell through the API. Each
 * cell gets fresh records, so an allowed call is checked for real success, not just "not 403".
 */
describe('access matrix for tickets, check-ins, quotes, tasks and service windows', () => {
  let app: NestFastifyApplication;
  const clients = {} as Record<Role, TestClient>;
  let technicianId: string;
  const today = stockholmDate(new Date());
  const lines = [{ kind: 'item', description: 'Dator', quantity: 1, unitPrice: 100 }];

  beforeAll(async () => {
    app = await startTestApp({ DEVICE_PASSWORD_KEY: 'device-password-key-for-the-tests-0123456789' });
    const technician = await createStaff(app, 'technician');
    technicianId = technician.id;
    clients.technician = new TestClient(app);
    await clients.technician.login(technician.email, technician.password);
    [clients.admin, clients.sales] = await Promise.all([TestClient.signedIn(app, 'admin'), TestClient.signedIn(app, 'sales')]);
  });

  afterAll(async () => {
    await app.close();
  });

  const admin = () => clients.admin;
  const ticket = async () => {
    const { customerId } = await companyWithContact(admin());
    return (await admin().post('/api/tickets', { customerId, subject: 's', description: 'd', priority: 'low' })).body.id as string;
  };
  const checkin = async () => {
    const { customerId, personId } = await companyWithContact(admin());
    const created = await admin().post('/api/checkins', { customerId, handedInById: personId, deviceType: 'laptop', make: 'HP', model: 'x', reportedFault: 'f' });
    return created.body.id as string;
  };
  let holders = 0;
  // A new prospect each time: one person per e-mail address.
  const quote = async () => (await admin().post('/api/quotes', { holder: { firstName: 'A', lastName: 'B', email: `ab${++holders}@example.se` }, title: 't', validUntil: today, lines })).body;
  /** Two people with the same address, as stored before one address meant one person. */
  const duplicates = async () => {
    const { personId, email } = await companyWithContact(admin());
    const [copy] = await dataSourceOf(app).query(
      `INSERT INTO person (first_name, last_name, email, purpose, legal_basis, retention_rule, retention_rule_sv) VALUES ('Kim', 'Kopia', upper($1), 'P3', 'contract', 'r', 'r') RETURNING id`,
      [email],
    );
    return { keepId: personId, mergeId: copy.id as string };
  };

  type Cell = { route: string; prepare: () => Promise<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; body?: unknown }>; allowed: Role[] };
  const MATRIX: Cell[] = [
    { route: 'GET /tickets', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/tickets' }) },
    { route: 'GET /tickets/:id', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: `/api/tickets/${await ticket()}` }) },
    {
      route: 'POST /tickets',
      allowed: ['admin', 'technician', 'sales'],
      prepare: async () => ({ method: 'POST', url: '/api/tickets', body: { customerId: (await companyWithContact(admin())).customerId, subject: 's', description: 'd', priority: 'low' } }),
    },
    { route: 'PATCH /tickets/:id', allowed: ['admin', 'technician'], prepare: async () => ({ method: 'PATCH', url: `/api/tickets/${await ticket()}`, body: { status: 'open', version: 1 } }) },
    { route: 'POST /tickets/:id/entries', allowed: ['admin', 'technician'], prepare: async () => ({ method: 'POST', url: `/api/tickets/${await ticket()}/entries`, body: { kind: 'note', body: 'n' } }) },
    { route: 'GET /checkins', allowed: ['admin', 'technician'], prepare: async () => ({ method: 'GET', url: '/api/checkins' }) },
    { route: 'GET /checkins/:id', allowed: ['admin', 'technician'], prepare: async () => ({ method: 'GET', url: `/api/checkins/${await checkin()}` }) },
    {
      route: 'POST /checkins',
      allowed: ['admin', 'technician'],
      prepare: async () => {
        const { customerId, personId } = await companyWithContact(admin());
        return { method: 'POST', url: '/api/checkins', body: { customerId, handedInById: personId, deviceType: 'phone', make: 'm', model: 'm', reportedFault: 'f' } };
      },
    },
    { route: 'PATCH /checkins/:id', allowed: ['admin', 'technician'], prepare: async () => ({ method: 'PATCH', url: `/api/checkins/${await checkin()}`, body: { status: 'diagnosing', version: 1 } }) },
    { route: 'POST /checkins/:id/return', allowed: ['admin', 'technician'], prepare: async () => ({ method: 'POST', url: `/api/checkins/${await checkin()}/return`, body: { pickedUpBy: 'X' } }) },
    { route: 'GET /checkins/:id/receipt.pdf', allowed: ['admin', 'technician'], prepare: async () => ({ method: 'GET', url: `/api/checkins/${await checkin()}/receipt.pdf` }) },
    {
      // Only the assigned technician; the others are refused even as admins.
      route: 'GET /checkins/:id/password (assigned to the technician)',
      allowed: ['technician'],
      prepare: async () => {
        const { customerId, personId } = await companyWithContact(admin());
        const created = await admin().post('/api/checkins', {
          customerId,
          handedInById: personId,
          deviceType: 'laptop',
          make: 'HP',
          model: 'x',
          reportedFault: 'f',
          devicePassword: 'pw',
          assignedTechnicianId: technicianId,
        });
        return { method: 'GET', url: `/api/checkins/${created.body.id}/password` };
      },
    },
    { route: 'GET /quotes', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/quotes' }) },
    { route: 'GET /quotes/:id', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: `/api/quotes/${(await quote()).id}` }) },
    { route: 'GET /quotes/pipeline', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/quotes/pipeline' }) },
    { route: 'POST /quotes', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'POST', url: '/api/quotes', body: { holder: { firstName: 'C', lastName: 'D' }, title: 't', validUntil: today, lines } }) },
    { route: 'PATCH /quotes/:id', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'PATCH', url: `/api/quotes/${(await quote()).id}`, body: { title: 'new', version: 1 } }) },
    { route: 'POST /quotes/:id/win', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'POST', url: `/api/quotes/${(await quote()).id}/win`, body: {} }) },
    { route: 'POST /quotes/:id/lose', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'POST', url: `/api/quotes/${(await quote()).id}/lose`, body: {} }) },
    { route: 'GET /quotes/:id/pdf', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'GET', url: `/api/quotes/${(await quote()).id}/pdf` }) },
    { route: 'GET /settings/quotes', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/settings/quotes' }) },
    { route: 'GET /settings/business-hours', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/settings/business-hours' }) },
    { route: 'PUT /settings/business-hours', allowed: ['admin'], prepare: async () => ({ method: 'PUT', url: '/api/settings/business-hours', body: DEFAULT_BUSINESS_CALENDAR }) },
    { route: 'PUT /settings/quotes', allowed: ['admin'], prepare: async () => ({ method: 'PUT', url: '/api/settings/quotes', body: { techniciansSeePrices: false } }) },
    { route: 'POST /people/:id/marketing-objection', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'POST', url: `/api/people/${(await quote()).holderId}/marketing-objection` }) },
    { route: 'GET /tasks', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/tasks' }) },
    { route: 'GET /staff', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/staff?role=technician' }) },
    { route: 'GET /service-windows', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/service-windows' }) },
    {
      route: 'POST /service-windows',
      allowed: ['admin'],
      prepare: async () => ({ method: 'POST', url: '/api/service-windows', body: { kind: 'system_update', title: 't', message: 'm', startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T11:00:00Z' } }),
    },
    // Data-subject rights and transparency.
    { route: 'GET /people?q=', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/people?q=kontakt' }) },
    { route: 'GET /people/:id/export', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: `/api/people/${(await companyWithContact(admin())).personId}/export` }) },
    { route: 'GET /people/duplicates', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/people/duplicates' }) },
    {
      route: 'POST /people/:id/merge',
      allowed: ['admin'],
      prepare: async () => {
        const { keepId, mergeId } = await duplicates();
        return { method: 'POST', url: `/api/people/${keepId}/merge`, body: { mergeId } };
      },
    },
    { route: 'GET /people/:id/erasure-proposal', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: `/api/people/${(await companyWithContact(admin())).personId}/erasure-proposal` }) },
    { route: 'GET /subject-requests', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/subject-requests' }) },
    {
      route: 'POST /subject-requests',
      allowed: ['admin'],
      prepare: async () => ({ method: 'POST', url: '/api/subject-requests', body: { kind: 'access', channel: 'email', receivedOn: today, requesterName: 'R', identityChecked: false } }),
    },
    { route: 'GET /applicants', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/applicants' }) },
    { route: 'GET /marketing/contacts', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/marketing/contacts' }) },
    { route: 'POST /marketing/sends (dry run)', allowed: ['admin', 'sales'], prepare: async () => ({ method: 'POST', url: '/api/marketing/sends', body: { subject: 's', body: 'b', dryRun: true } }) },
    { route: 'GET /inquiries', allowed: ['admin', 'technician', 'sales'], prepare: async () => ({ method: 'GET', url: '/api/inquiries' }) },
    { route: 'GET /recipients', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/recipients' }) },
    { route: 'GET /cookies', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/cookies' }) },
    { route: 'GET /settings/controller', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/settings/controller' }) },
    { route: 'GET /privacy/record-of-processing.csv', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/privacy/record-of-processing.csv' }) },
    { route: 'GET /audit', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/audit' }) },
    { route: 'GET /audit/verify', allowed: ['admin'], prepare: async () => ({ method: 'GET', url: '/api/audit/verify' }) },
  ];

  const cells = MATRIX.flatMap((cell) => (['admin', 'technician', 'sales'] as Role[]).map((role) => [cell.route, role, cell.allowed.includes(role), cell] as const));

  it.each(cells)('%s as %s: allowed %s', async (_route, role, allowed, cell) => {
    const { method, url, body } = await cell.prepare();
    const client = clients[role];
    const response =
      method === 'GET' ? await client.get(url) : method === 'POST' ? await client.post(url, body) : method === 'PATCH' ? await client.patch(url, body) : await client.put(url, body);
    if (allowed) expect([200, 201, 204]).toContain(response.status);
    else expect(response.status).toBe(403);
  });

  it('refuses every route to someone not signed in', async () => {
    const anonymous = new TestClient(app);
    await anonymous.get('/api/auth/session');
    for (const cell of MATRIX) {
      const { method, url, body } = await cell.prepare();
      const response = method === 'GET' ? await anonymous.get(url) : method === 'POST' ? await anonymous.post(url, body) : method === 'PATCH' ? await anonymous.patch(url, body) : await anonymous.put(url, body);
      expect({ route: cell.route, status: response.status }).toEqual({ route: cell.route, status: 401 });
    }
  });
});
