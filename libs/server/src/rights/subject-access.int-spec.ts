import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApp, TestClient } from '../../test/test-app';

describe('finding a person everywhere and the access export (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await TestClient.signedIn(app, 'admin');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('finds one person as customer and as contact person, by name, e-mail, phone and personnummer, and exports every record with its basis and deadline', async () => {
    const asCustomer = (
      await admin.post('/api/customers', {
        type: 'person',
        person: { firstName: 'Tolvan', lastName: 'Tolvansson', email: 'tolvan@exempel.se', phone: '070-121 21 21', personnummer: '19121212-1212' },
      })
    ).body;
    const company = (await admin.post('/api/customers', { type: 'organisation', organisation: { name: 'Tolvans Arbete AB' } })).body;
    await admin.post(`/api/customers/${company.id}/agreements`, { title: 'Avtal', startDate: '2024-01-01', endDate: '2026-06-30' });
    await admin.post(`/api/customers/${company.id}/contacts`, { personId: asCustomer.person.id, title: 'VD' });

    for (const q of ['tolvansson', 'TOLVAN@exempel.se', '0701212121', '191212121212']) {
      const found = await admin.get(`/api/people?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.body.people).toHaveLength(1);
      expect(found.body.suppressed).toBe(false);
      expect(found.body.people[0].person).toMatchObject({ id: asCustomer.person.id, personnummerMasked: '19121212-****' });
      expect(found.body.people[0].records.map((record: { recordType: string }) => record.recordType).sort()).toEqual(['contact_person', 'customer']);
    }

    const exported = await admin.get(`/api/people/${asCustomer.person.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const document = exported.body;
    expect(document.person).toMatchObject({ fullName: 'Tolvan Tolvansson', personnummer: '19121212-1212' });
    expect(document.records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recordType: 'customer', privacy: expect.objectContaining({ purpose: 'P3', legalBasis: 'contract' }), legalBasisName: { sv: 'Avtal', en: 'Contract' } }),
        expect.objectContaining({ recordType: 'contact_person', customerName: 'Tolvans Arbete AB', title: 'VD', privacy: expect.objectContaining({ purpose: 'P6', retainUntil: '2026-06-30' }) }),
      ]),
    );
    const audit = (await admin.get(`/api/audit?entityId=${asCustomer.person.id}&action=person.exported`)).body;
    expect(audit.items).toHaveLength(1);
  });

  it('answers a too short query with 400 and keeps the search to admins', async () => {
    expect((await admin.get('/api/people?q=a')).status).toBe(400);
    const sales = await TestClient.signedIn(app, 'sales');
    expect((await sales.get('/api/people?q=tolvan')).status).toBe(403);
    expect((await sales.get('/api/people/00000000-0000-4000-8000-000000000000/export')).status).toBe(403);
    expect((await admin.get('/api/people/00000000-0000-4000-8000-000000000000/export')).status).toBe(404);
  });
});
