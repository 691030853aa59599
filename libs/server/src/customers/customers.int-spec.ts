import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarMonths, stockholmDate } from '@privdesk/domain';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';

const TOLVAN = '19121212-1212'; // Skatteverket's published test number

describe('customers, contacts and agreements with privacy on every record (API)', () => {
  let app: NestFastifyApplication;
  let sales: TestClient;
  let technician: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    [sales, technician, admin] = await Promise.all([
      TestClient.signedIn(app, 'sales'),
      TestClient.signedIn(app, 'technician'),
      TestClient.signedIn(app, 'admin'),
    ]);
  });

  afterAll(async () => {
    await app.close();
  });

  it('keeps "kept until" in step with the agreement: customer end + 5 years, contact person the end, agreement 7 years after its financial year', async () => {
    const company = await sales.post('/api/customers', {
      type: 'organisation',
      organisation: { name: 'Retention Test AB', orgNumber: '556016-0680', email: 'info@retention.se', city: 'Umeå' },
    });
    expect(company.status).toBe(201);
    expect(company.body.customerNumber).toBeGreaterThanOrEqual(10001);
    const today = stockholmDate(new Date());
    expect(company.body.privacy).toMatchObject({ purpose: 'P3', legalBasis: 'contract', retainUntil: addCalendarMonths(today, 24) });

    const contact = await sales.post(`/api/customers/${company.body.id}/contacts`, {
      person: { firstName: 'Karin', lastName: 'Kontakt', email: 'karin@retention.se' },
      title: 'IT-ansvarig',
    });
    expect(contact.status).toBe(201);
    expect(contact.body.privacy).toMatchObject({ purpose: 'P6', legalBasis: 'legitimate_interest' });

    const agreement = await sales.post(`/api/customers/${company.body.id}/agreements`, { title: 'Serviceavtal', startDate: '2025-01-01' });
    expect(agreement.status).toBe(201);
    expect(agreement.body.privacy).toMatchObject({ purpose: 'P7', legalBasis: 'legal_obligation', retainUntil: null });

    const running = await sales.get(`/api/customers/${company.body.id}`);
    expect(running.body.privacy).toMatchObject({ retainUntil: null, rule: 'while the agreement runs, then 5 years' });
    expect(running.body.contacts[0].privacy).toMatchObject({ retainUntil: null, rule: 'while the agreement runs' });

    const ended = await sales.edit(`/api/customers/${company.body.id}/agreements/${agreement.body.id}`, { endDate: '2026-06-30' });
    expect(ended.status).toBe(200);
    expect(ended.body.privacy).toMatchObject({ retainUntil: '2033-12-31' });

    const after = await sales.get(`/api/customers/${company.body.id}`);
    expect(after.body.privacy).toEqual({
      purpose: 'P3',
      legalBasis: 'contract',
      retainUntil: '2031-06-30',
      rule: 'agreement end + 5 years',
      ruleSv: 'avtalets slut + 5 år',
    });
    expect(after.body.contacts[0].privacy).toMatchObject({ purpose: 'P6', retainUntil: '2026-06-30', rule: 'agreement end' });
    expect(after.body.contacts[0].person.privacy).toMatchObject({ purpose: 'P6', retainUntil: '2026-06-30' });
    expect(after.body.agreements[0].privacy.retainUntil).toBe('2033-12-31');
  });

  it('starts a contact person’s clock when he or she leaves', async () => {
    const company = await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Leaver AB' } });
    await sales.post(`/api/customers/${company.body.id}/agreements`, { title: 'Avtal', startDate: '2024-01-01' });
    const contact = await sales.post(`/api/customers/${company.body.id}/contacts`, { person: { firstName: 'Lena', lastName: 'Lämnar' } });
    expect(contact.body.privacy.retainUntil).toBeNull();

    const left = await sales.edit(`/api/customers/${company.body.id}/contacts/${contact.body.id}`, { leftOn: '2026-09-30' });

    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ leftOn: '2026-09-30', privacy: { retainUntil: '2026-09-30', rule: 'role ended' } });
  });

  it('keeps a person as long as the longest of his or her roles', async () => {
    const first = await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Roles One AB' } });
    const second = await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Roles Two AB' } });
    await sales.post(`/api/customers/${first.body.id}/agreements`, { title: 'Kort', startDate: '2020-01-01', endDate: '2025-12-31' });
    await sales.post(`/api/customers/${second.body.id}/agreements`, { title: 'Löpande', startDate: '2024-01-01' });
    const contact = await sales.post(`/api/customers/${first.body.id}/contacts`, { person: { firstName: 'Per', lastName: 'Person' } });

    expect(contact.body.person.privacy.retainUntil).toBe('2025-12-31');
    const again = await sales.post(`/api/customers/${second.body.id}/contacts`, { personId: contact.body.person.id });

    expect(again.status).toBe(201);
    expect(again.body.person.id).toBe(contact.body.person.id);
    expect(again.body.person.privacy.retainUntil).toBeNull();
    const duplicate = await sales.post(`/api/customers/${second.body.id}/contacts`, { personId: contact.body.person.id });
    expect(duplicate.status).toBe(409);
  });

  it('masks the personnummer in lists and details, and shows it in full only to admin and sales, audited', async () => {
    const person = await sales.post('/api/customers', {
      type: 'person',
      person: { firstName: 'Tolvan', lastName: 'Tolvansson', email: 'tolvan@example.se', personnummer: '191212121212' },
    });
    expect(person.status).toBe(201);
    expect(person.body.personnummerMasked).toBe('19121212-****');
    expect(JSON.stringify(person.body)).not.toContain('1212-1212');

    const list = await technician.get('/api/customers?q=tolvansson');
    expect(list.body.items[0].personnummerMasked).toBe('19121212-****');

    const personId = person.body.person.id;
    expect((await technician.get(`/api/people/${personId}/personnummer`)).status).toBe(403);
    const shown = await sales.get(`/api/people/${personId}/personnummer`);
    expect(shown.body).toEqual({ personnummer: TOLVAN });

    const audit = await admin.get(`/api/audit?entityId=${personId}&action=person.personnummer.viewed`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: 'person.personnummer.viewed', entityType: 'person', fields: ['personnummer'] });
    expect(JSON.stringify(audit.body)).not.toContain('1212');
  });

  it('audits changes of personal data by field name, never by value', async () => {
    const customer = await sales.post('/api/customers', { type: 'person', person: { firstName: 'Eva', lastName: 'Ändrad', phone: '070-111 22 33' } });
    const updated = await sales.edit(`/api/customers/${customer.body.id}`, { person: { phone: '070-999 88 77', city: 'Luleå', lastName: 'Ändrad' } });

    expect(updated.status).toBe(200);
    expect(updated.body.person).toMatchObject({ phone: '070-999 88 77', city: 'Luleå' });
    const audit = await admin.get(`/api/audit?entityId=${customer.body.person.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'person.updated', fields: ['city', 'phone'] });
    const rows = await dataSourceOf(app).query(`SELECT fields::text AS fields FROM audit_entry`);
    expect(rows.map((row: { fields: string }) => row.fields).join(' ')).not.toMatch(/070|Luleå|Ändrad/);
  });

  it('rejects bad input with field messages and loses nothing', async () => {
    const before = (await sales.get('/api/customers')).body.total;

    const invalid = await sales.post('/api/customers', {
      type: 'person',
      person: { firstName: '  ', lastName: 'X', email: 'not-mail', personnummer: '19121212-1213', phone: 'call me' },
      nickname: 'x',
    });
    const wrongShape = await sales.post('/api/customers', { type: 'organisation' });
    const badOrg = await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Bad AB', orgNumber: '556016-0681' } });
    const badDates = await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Dates AB' } });
    const agreement = await sales.post(`/api/customers/${badDates.body.id}/agreements`, { title: 'A', startDate: '2026-05-01', endDate: '2026-04-30' });
    const impossibleDate = await sales.post(`/api/customers/${badDates.body.id}/agreements`, { title: 'A', startDate: '2026-02-30' });

    expect(invalid.status).toBe(400);
    expect(invalid.body.fields).toEqual({
      nickname: ['property nickname should not exist'],
      'person.firstName': ['Enter a first name'],
      'person.email': ['Enter a valid e-mail address'],
      'person.phone': ['Enter a phone number with digits, spaces, dashes and an optional leading +'],
      'person.personnummer': ['Not a valid personnummer or samordningsnummer (YYYYMMDD-NNNN; check the date and the last digit)'],
    });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.fields).toHaveProperty('organisation');
    expect(badOrg.status).toBe(400);
    expect(badOrg.body.fields).toHaveProperty(['organisation.orgNumber']);
    expect(agreement.status).toBe(400);
    expect(agreement.body.fields).toEqual({ endDate: ['The end date cannot be before the start date'] });
    expect(impossibleDate.status).toBe(400);
    expect((await sales.get('/api/customers')).body.total).toBe(before + 1);
  });

  it('answers conflicts with 409 and unknown records with 404', async () => {
    await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'First AB', orgNumber: '202100-5489' } });
    const sameOrg = await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Second AB', orgNumber: '2021005489' } });
    const samePerson = await sales.post('/api/customers', { type: 'person', person: { firstName: 'Tolvan', lastName: 'Igen', personnummer: TOLVAN } });
    const missing = await sales.get('/api/customers/00000000-0000-4000-8000-000000000000');
    const badId = await sales.get('/api/customers/12345');
    const contactOnPerson = await sales.post(`/api/customers/${(await sales.get('/api/customers?type=person')).body.items[0].id}/contacts`, {
      person: { firstName: 'A', lastName: 'B' },
    });

    expect(sameOrg.status).toBe(409);
    expect(sameOrg.body.fields).toHaveProperty(['organisation.orgNumber']);
    expect(samePerson.status).toBe(409);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The customer was not found' });
    expect(badId.status).toBe(400);
    expect(contactOnPerson.status).toBe(400);
  });

  it('lists customers with search by name, number, e-mail and phone, type filter, sorting and paging', async () => {
    const created = [];
    for (const [index, name] of ['Ödla Data AB', 'Ärla Konsult AB', 'Abborre IT AB'].entries()) {
      created.push((await sales.post('/api/customers', { type: 'organisation', organisation: { name, phone: `08-55 00 0${index}`, email: `kontakt${index}@paging.se` } })).body);
    }

    const byName = await technician.get('/api/customers?q=ärla');
    const byNumber = await technician.get(`/api/customers?q=${created[2].customerNumber}`);
    const byEmail = await technician.get('/api/customers?q=kontakt0@paging');
    const byPhone = await technician.get('/api/customers?q=0855000 1');
    const sorted = await technician.get('/api/customers?q=paging.se&sort=name&dir=asc');
    const paged = await technician.get('/api/customers?q=paging.se&sort=name&dir=asc&pageSize=2&page=2');
    const people = await technician.get('/api/customers?type=person');
    const badQuery = await technician.get('/api/customers?pageSize=1000&sort=secret');

    expect(byName.body.items.map((item: { name: string }) => item.name)).toEqual(['Ärla Konsult AB']);
    expect(byNumber.body.items[0].id).toBe(created[2].id);
    expect(byEmail.body.items.map((item: { name: string }) => item.name)).toEqual(['Ödla Data AB']);
    expect(byPhone.body.items.map((item: { name: string }) => item.name)).toEqual(['Ärla Konsult AB']);
    expect(sorted.body.total).toBe(3);
    expect(sorted.body.items[0].name).toBe('Abborre IT AB');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
    expect(people.body.items.every((item: { type: string }) => item.type === 'person')).toBe(true);
    expect(badQuery.status).toBe(400);
    expect(Object.keys(badQuery.body.fields).sort()).toEqual(['pageSize', 'sort']);
  });

  it('finds a company by the name or address of one of its contact persons, as a caller gives them', async () => {
    const company = (await sales.post('/api/customers', { type: 'organisation', organisation: { name: 'Anropet AB' } })).body;
    await sales.post(`/api/customers/${company.id}/contacts`, { person: { firstName: 'Anna', lastName: 'Ringersson', email: 'anna@anropet.se' } });
    for (const q of ['Anna Ringersson', 'ringersson', 'anna@anropet']) {
      const found = await technician.get(`/api/customers?q=${encodeURIComponent(q)}`);
      expect({ q, names: found.body.items.map((item: { name: string }) => item.name) }).toEqual({ q, names: ['Anropet AB'] });
    }
  });

  it('lets the policy table be read by every role', async () => {
    const policies = await technician.get('/api/policies');

    expect(policies.status).toBe(200);
    expect(policies.body.map((policy: { code: string }) => policy.code)).toEqual(['A1', 'A2', 'A3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9']);
  });
});
