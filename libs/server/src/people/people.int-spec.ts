import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarDays, stockholmDate } from '@privdesk/domain';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { companyWithContact } from '../../test/work-fixtures';

/** One person per e-mail address, whichever form registers him or her (API). */
describe('one person per e-mail address (API)', () => {
  let app: NestFastifyApplication;
  let sales: TestClient;
  let technician: TestClient;
  const today = stockholmDate(new Date());
  const lines = [{ kind: 'item', description: 'Skärm', quantity: 1, unitPrice: 2490 }];

  /** The people stored with this address, whatever its case and spaces. */
  const peopleWith = async (email: string): Promise<Array<{ id: string; phone: string | null }>> =>
    dataSourceOf(app).query('SELECT id, phone FROM person WHERE lower(trim(email)) = lower(trim($1)) ORDER BY created_at', [email]);

  beforeAll(async () => {
    app = await startTestApp({ DEVICE_PASSWORD_KEY: 'device-password-key-for-the-tests-0123456789' });
    [sales, technician] = await Promise.all([TestClient.signedIn(app, 'sales'), TestClient.signedIn(app, 'technician')]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('stores a marketing contact posted twice, once in upper case, as one person: the staff are told who is registered', async () => {
    const contact = { audience: 'consumer', source: 'event', receivedOn: today, consent: true, consentText: 'Ja' };
    const first = await sales.post('/api/marketing/contacts', { ...contact, person: { firstName: 'Mira', lastName: 'Mässa', email: 'mira.massa@exempel.se' } });
    const again = await sales.post('/api/marketing/contacts', { ...contact, person: { firstName: 'Mira', lastName: 'Mässa', email: 'mira.massa@exempel.se' } });
    const shouting = await sales.post('/api/marketing/contacts', { ...contact, person: { firstName: 'Mira', lastName: 'Mässa', email: '  MIRA.MASSA@Exempel.SE ' } });

    expect(first.status).toBe(201);
    for (const response of [again, shouting]) {
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'person_exists',
        params: { matchedOn: 'email', person: { id: first.body.personId, fullName: 'Mira Mässa', email: 'mira.massa@exempel.se', personnummerMasked: null, roles: 1 } },
        fields: { 'person.email': [expect.stringContaining('Mira Mässa')] },
      });
    }
    expect(await peopleWith('mira.massa@exempel.se')).toHaveLength(1);
    // Using the registered person: he or she is a marketing contact already.
    expect((await sales.post('/api/marketing/contacts', { ...contact, person: { firstName: 'Mira', lastName: 'Mässa', email: 'MIRA.massa@exempel.se' }, existingPersonId: first.body.personId })).status).toBe(409);
    expect(await peopleWith('mira.massa@exempel.se')).toHaveLength(1);
  });

  it('makes one person of two customers posted at the same time with the same address: the second is told who is registered', async () => {
    const post = (email: string) => sales.post('/api/customers', { type: 'person', person: { firstName: 'Pia', lastName: 'Parallell', email } });
    const answers = await Promise.all([post('pia.parallell@exempel.se'), post('Pia.Parallell@exempel.se')]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const created = answers.find((answer) => answer.status === 201)?.body;
    const refused = answers.find((answer) => answer.status === 409)?.body;
    expect(refused).toMatchObject({ code: 'person_exists', params: { person: { id: created.person.id } } });
    expect(await peopleWith('pia.parallell@exempel.se')).toHaveLength(1);
    expect((await dataSourceOf(app).query('SELECT count(*)::int AS n FROM customer WHERE person_id = $1', [created.person.id]))[0].n).toBe(1);
  });

  it('turns an existing customer into a contact person of a company on request, filling in blank fields only', async () => {
    const customer = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Kalle', lastName: 'Kund', email: 'kalle.kund@exempel.se' } })).body;
    const { customerId } = await companyWithContact(sales);

    const asked = await sales.post(`/api/customers/${customerId}/contacts`, { person: { firstName: 'Karl', lastName: 'Kund', email: 'KALLE.KUND@exempel.se', phone: '070-222 33 44' }, title: 'VD' });
    expect(asked.status).toBe(409);
    expect(asked.body).toMatchObject({ code: 'person_exists', params: { person: { id: customer.person.id, roles: 1 } } });

    const used = await sales.post(`/api/customers/${customerId}/contacts`, {
      person: { firstName: 'Karl', lastName: 'Kund', email: 'KALLE.KUND@exempel.se', phone: '070-222 33 44' },
      existingPersonId: customer.person.id,
      title: 'VD',
    });
    expect(used.status).toBe(201);
    // The stored name and address stay; the blank phone is filled in.
    expect(used.body.person).toMatchObject({ id: customer.person.id, firstName: 'Kalle', email: 'kalle.kund@exempel.se', phone: '070-222 33 44' });
    expect(await peopleWith('kalle.kund@exempel.se')).toHaveLength(1);
    const [audit] = await dataSourceOf(app).query(`SELECT fields FROM audit_entry WHERE action = 'person.updated' AND entity_id = $1`, [customer.person.id]);
    expect(audit.fields).toEqual(['phone']);

    // Another person's id is not accepted for this address.
    const { personId: someoneElse } = await companyWithContact(sales);
    const wrong = await sales.post('/api/customers', { type: 'person', person: { firstName: 'Kalle', lastName: 'Kund', email: 'kalle.kund@exempel.se' }, existingPersonId: someoneElse });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toHaveProperty(['existingPersonId']);
  });

  it('uses the registered person as a prospect quote holder when the staff choose him or her', async () => {
    const marketing = await sales.post('/api/marketing/contacts', { person: { firstName: 'Olga', lastName: 'Offert', email: 'olga.offert@exempel.se' }, audience: 'consumer', source: 'event', receivedOn: today, consent: false });
    const personId = marketing.body.personId;
    const quote = { holder: { firstName: 'Olga', lastName: 'Offert', email: 'Olga.Offert@exempel.se ' }, title: 'Ny dator', validUntil: addCalendarDays(today, 30), lines };

    const asked = await sales.post('/api/quotes', quote);
    expect(asked.status).toBe(409);
    expect(asked.body).toMatchObject({ code: 'person_exists', params: { person: { id: personId } }, fields: { 'holder.email': [expect.any(String)] } });

    const created = await sales.post('/api/quotes', { ...quote, existingPersonId: personId });
    expect(created.status).toBe(201);
    expect(created.body.holderId).toBe(personId);
    expect(await peopleWith('olga.offert@exempel.se')).toHaveLength(1);
  });

  it('asks at the counter too, and a staff edit cannot give a person another person’s address', async () => {
    const { customerId, email, personId } = await companyWithContact(sales);
    const checkin = { customerId, deviceType: 'laptop', make: 'HP', model: 'x', reportedFault: 'Startar inte' };

    const asked = await technician.post('/api/checkins', { ...checkin, handedInBy: { firstName: 'Kim', lastName: 'K', email: email.toUpperCase() } });
    expect(asked.status).toBe(409);
    expect(asked.body).toMatchObject({ code: 'person_exists', params: { person: { id: personId } }, fields: { 'handedInBy.email': [expect.any(String)] } });
    const used = await technician.post('/api/checkins', { ...checkin, handedInBy: { firstName: 'Kim', lastName: 'K', email }, existingPersonId: personId });
    expect(used.status).toBe(201);
    expect(used.body.handedInById).toBe(personId);

    const other = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Eva', lastName: 'Egen', email: 'eva.egen@exempel.se' } })).body;
    const edit = await sales.edit(`/api/customers/${other.id}`, { person: { email: ` ${email.toUpperCase()}` } });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'person_exists', params: { person: { id: personId } } });
  });

  it('links the public forms to the oldest person registered with the address, whatever its case, without changing him or her', async () => {
    const customer = (await sales.post('/api/customers', { type: 'person', person: { firstName: 'Frida', lastName: 'Form', email: 'frida.form@exempel.se' } })).body;
    // A second person with the address, as registered before one address meant one person.
    const [copy] = await dataSourceOf(app).query(
      `INSERT INTO person (first_name, last_name, email, purpose, legal_basis, retention_rule, retention_rule_sv) VALUES ('Frida', 'Form', 'FRIDA.FORM@exempel.se', 'P3', 'contract', 'r', 'r') RETURNING id`,
    );

    const inquiry = await app.inject({ method: 'POST', url: '/api/public/inquiries', payload: { name: 'F Form', email: ' Frida.FORM@exempel.se', phone: '070-999 88 77', message: 'Hej' } });
    expect(inquiry.statusCode).toBeLessThan(300);

    const people = await peopleWith('frida.form@exempel.se');
    expect(people).toEqual([
      { id: customer.person.id, phone: null },
      { id: copy.id, phone: null },
    ]);
    const [linked] = await dataSourceOf(app).query('SELECT person_id FROM inquiry ORDER BY received_at DESC LIMIT 1');
    expect(linked.person_id).toBe(customer.person.id);
  });
});
