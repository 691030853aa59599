import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, STALE_VERSION, stockholmDate } from '@privdesk/domain';
import { startTestApp, TestClient } from '../../test/test-app';
import { companyWithContact } from '../../test/work-fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * No edit is lost silently: two people open the same record, one saves, and the other's save from
 * the stale form is refused with 409 until it is re-applied on the current version.
 */
describe('versioned edits (API, real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let colleague: TestClient;
  let technicianId: string;
  const today = stockholmDate(new Date());
  let serial = 0;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, colleague] = await Promise.all([TestClient.signedIn(app, 'admin'), TestClient.signedIn(app, 'admin')]);
    technicianId = (await admin.post('/api/users', { email: 'tekniker-versioner@test.privdesk.local', name: 'Tekniker', role: 'technician', password: 'a long enough password' })).body.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  interface Case {
    /** Creates the record; answers the URL its edits go to. */
    create: () => Promise<string>;
    /** The first editor's change, saved first. */
    first: Json;
    /** The second editor's change to another field, sent from the stale form. */
    second: Json;
    /** Both changes are in the stored record. */
    both: (record: Json) => void;
  }

  const privateCustomer = async () => {
    const created = await admin.post('/api/customers', { type: 'person', person: { firstName: 'Vera', lastName: `Version${++serial}`, email: `vera${serial}@example.se` } });
    return created.body as Json;
  };

  const CASES: Array<[string, Case]> = [
    [
      'a private customer',
      {
        create: async () => `/api/customers/${(await privateCustomer()).id}`,
        first: { person: { phone: '070-111 11 11' } },
        second: { person: { city: 'Luleå' } },
        both: (customer) => expect(customer.person).toMatchObject({ phone: '070-111 11 11', city: 'Luleå' }),
      },
    ],
    [
      'a company customer',
      {
        create: async () => `/api/customers/${(await companyWithContact(admin)).customerId}`,
        first: { organisation: { phone: '08-111 11 11' } },
        second: { organisation: { city: 'Kiruna' } },
        both: (customer) => expect(customer.organisation).toMatchObject({ phone: '08-111 11 11', city: 'Kiruna' }),
      },
    ],
    [
      'a contact person',
      {
        create: async () => {
          const { customerId } = await companyWithContact(admin);
          const contact = (await admin.get(`/api/customers/${customerId}`)).body.contacts[0];
          return `/api/customers/${customerId}/contacts/${contact.id}`;
        },
        first: { person: { phone: '070-222 22 22' } },
        second: { title: 'IT-ansvarig' },
        both: (contact) => expect(contact).toMatchObject({ title: 'IT-ansvarig', person: { phone: '070-222 22 22' } }),
      },
    ],
    [
      'an agreement',
      {
        create: async () => {
          const { customerId } = await companyWithContact(admin, { agreementFrom: '2026-01-01' });
          const agreement = (await admin.get(`/api/customers/${customerId}`)).body.agreements[0];
          return `/api/customers/${customerId}/agreements/${agreement.id}`;
        },
        first: { endDate: '2027-12-31' },
        second: { title: 'Serviceavtal Guld' },
        both: (agreement) => expect(agreement).toMatchObject({ endDate: '2027-12-31', title: 'Serviceavtal Guld' }),
      },
    ],
    [
      'a ticket',
      {
        create: async () => {
          const { customerId } = await companyWithContact(admin);
          return `/api/tickets/${(await admin.post('/api/tickets', { customerId, subject: 'Skrivaren', description: 'Skriver inte ut', priority: 'normal' })).body.id}`;
        },
        first: { priority: 'high' },
        second: { status: 'open' },
        both: (ticket) => expect(ticket).toMatchObject({ priority: 'high', status: 'open' }),
      },
    ],
    [
      'a quote',
      {
        create: async () => {
          const holder = { firstName: 'Olle', lastName: `Offert${++serial}`, email: `olle${serial}@example.se` };
          const lines = [{ kind: 'item', description: 'Disk', quantity: 1, unitPrice: 1000 }];
          return `/api/quotes/${(await admin.post('/api/quotes', { holder, title: 'Ny disk', validUntil: today, lines })).body.id}`;
        },
        first: { title: 'Ny disk och minne' },
        second: { validUntil: addCalendarDays(today, 30) },
        both: (quote) => expect(quote).toMatchObject({ title: 'Ny disk och minne', validUntil: addCalendarDays(today, 30) }),
      },
    ],
    [
      'a check-in',
      {
        create: async () => {
          const { customerId, personId } = await companyWithContact(admin, { dpaSignedOn: '2026-01-15' });
          const checkin = await admin.post('/api/checkins', { customerId, handedInById: personId, deviceType: 'laptop', make: 'Lenovo', model: 'T14', reportedFault: 'Startar inte' });
          return `/api/checkins/${checkin.body.id}`;
        },
        first: { workDone: 'Bytte SSD' },
        second: { condition: 'Repig' },
        both: (checkin) => expect(checkin).toMatchObject({ workDone: 'Bytte SSD', condition: 'Repig' }),
      },
    ],
    [
      'a user',
      {
        create: async () => {
          const user = await admin.post('/api/users', { email: `anna${++serial}@test.privdesk.local`, name: 'Anna', role: 'sales', password: 'a long enough password' });
          return `/api/users/${user.body.id}`;
        },
        first: { name: 'Anna Andersson' },
        second: { role: 'technician' },
        both: (user) => expect(user).toMatchObject({ name: 'Anna Andersson', role: 'technician' }),
      },
    ],
    [
      'a data-subject request',
      {
        create: async () => {
          const request = await admin.post('/api/subject-requests', { kind: 'access', channel: 'email', receivedOn: today, requesterName: 'Rut Rätt', identityChecked: false });
          return `/api/subject-requests/${request.body.id}`;
        },
        first: { notes: 'Ringde och bekräftade' },
        second: { identityChecked: true, identityMethod: 'BankID' },
        both: (request) => expect(request).toMatchObject({ notes: 'Ringde och bekräftade', identityChecked: true, identityMethod: 'BankID' }),
      },
    ],
    [
      'a partner contact',
      {
        create: async () => {
          const contact = await admin.post('/api/partner-contacts', { person: { firstName: 'Lena', lastName: `Lev${++serial}`, email: `lena${serial}@grossisten.se` }, organisationName: 'Grossisten AB', kind: 'supplier' });
          return `/api/partner-contacts/${contact.body.id}`;
        },
        first: { person: { phone: '070-333 33 33' } },
        second: { title: 'Key account manager' },
        both: (contact) => expect(contact).toMatchObject({ phone: '070-333 33 33', title: 'Key account manager' }),
      },
    ],
    [
      'a retention policy',
      {
        create: async () => '/api/policies/P8',
        first: { dataCategories: { sv: 'Namn och e-post', en: 'Name and e-mail' } },
        second: { clockStarts: { sv: 'När kontakten upphör', en: 'When contact ends' } },
        both: (policy) => expect(policy).toMatchObject({ dataCategories: { en: 'Name and e-mail' }, clockStarts: { en: 'When contact ends' } }),
      },
    ],
  ];

  it.each(CASES)('%s: the stale save is refused with 409, nothing is lost, and re-applied it keeps both', async (_kind, { create, first, second, both }) => {
    const url = await create();
    const loaded = await admin.versionOf(url);
    // Both open the record; the colleague saves first.
    const saved = await colleague.patch(url, { ...first, version: loaded });
    expect(saved.status).toBe(200);
    expect(await admin.versionOf(url)).toBe(loaded + 1);

    const stale = await admin.patch(url, { ...second, version: loaded });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: STALE_VERSION, params: { currentVersion: loaded + 1 }, fields: { version: [expect.any(String)] } });
    // The refused edit changed nothing: the colleague's change stands alone.
    expect(await admin.versionOf(url)).toBe(loaded + 1);

    const reapplied = await admin.patch(url, { ...second, version: loaded + 1 });
    expect(reapplied.status).toBe(200);
    both(await admin.current(url));
    expect(await admin.versionOf(url)).toBe(loaded + 2);
  });

  it('refuses a policy’s further legal bases saved from a stale form', async () => {
    const version = await admin.versionOf('/api/policies/P2');
    const bases = [{ legalBasis: 'contract', statement: { sv: 'Offerten', en: 'The quote' } }];
    expect((await colleague.put('/api/policies/P2/additional-bases', { bases, version })).status).toBe(200);
    const stale = await admin.put('/api/policies/P2/additional-bases', { bases: [], version });
    expect(stale.body).toMatchObject({ statusCode: 409, code: STALE_VERSION });
    expect((await admin.current('/api/policies/P2')).additionalBases).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous saves of the same version through', async () => {
    const url = `/api/customers/${(await privateCustomer()).id}`;
    const version = await admin.versionOf(url);
    const answers = await Promise.all([
      admin.patch(url, { person: { phone: '070-444 44 44' }, version }),
      colleague.patch(url, { person: { city: 'Umeå' }, version }),
      admin.patch(url, { person: { street: 'Storgatan 1' }, version }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    expect(await admin.versionOf(url)).toBe(version + 1);
  });

  it('leaves the version alone when an edit changes nothing', async () => {
    const customer = await privateCustomer();
    const url = `/api/customers/${customer.id}`;
    const unchanged = await admin.patch(url, { person: { firstName: 'Vera' }, version: customer.version });
    expect(unchanged.body.version).toBe(customer.version);
  });

  it('makes a contact person’s form stale when the same person is edited as a supplier contact', async () => {
    const { customerId, email } = await companyWithContact(admin);
    const contactUrl = `/api/customers/${customerId}/contacts/${(await admin.get(`/api/customers/${customerId}`)).body.contacts[0].id}`;
    const contactVersion = await admin.versionOf(contactUrl);
    const personId = (await admin.current(contactUrl)).person.id;
    const partner = await admin.post('/api/partner-contacts', { personId, organisationName: 'Grossisten AB', kind: 'partner' });
    expect(partner.status).toBe(201);
    await colleague.edit(`/api/partner-contacts/${partner.body.id}`, { person: { phone: '070-555 55 55' } });

    const stale = await admin.patch(contactUrl, { title: 'Inköpare', version: contactVersion });
    expect(stale.status).toBe(409);
    expect((await admin.current(contactUrl)).person).toMatchObject({ email, phone: '070-555 55 55' });
  });

  it('refuses an edit of a ticket reassigned to a technician since it was opened', async () => {
    const { customerId } = await companyWithContact(admin);
    const ticket = (await admin.post('/api/tickets', { customerId, subject: 'Nätverket', description: 'Långsamt', priority: 'low' })).body;
    await colleague.patch(`/api/tickets/${ticket.id}`, { assigneeId: technicianId, version: ticket.version });
    const stale = await admin.patch(`/api/tickets/${ticket.id}`, { assigneeId: null, version: ticket.version });
    expect(stale.status).toBe(409);
    expect((await admin.get(`/api/tickets/${ticket.id}`)).body.assigneeId).toBe(technicianId);
  });
});

