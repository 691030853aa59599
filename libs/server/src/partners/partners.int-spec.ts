import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addCalendarMonths, PARTNER_CONTACT_POLICY, stockholmDate } from '@privdesk/domain';
import { pdfText } from '../../test/pdf-text';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';
import { CullService } from '../retention/cull.service';
import { RecomputeService } from '../retention/recompute.service';

/** Contact persons at suppliers and partners (P9): a list with its own policy, found, exported, culled and in the notice. */
describe('supplier and partner contacts (API, real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let sales: TestClient;
  let technician: TestClient;
  const today = stockholmDate(new Date());
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => dataSourceOf(app).query(query, params);

  beforeAll(async () => {
    app = await startTestApp();
    [admin, sales, technician] = await Promise.all([TestClient.signedIn(app, 'admin'), TestClient.signedIn(app, 'sales'), TestClient.signedIn(app, 'technician')]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates, lists, searches, updates and deletes a contact, with field messages and 404', async () => {
    const created = await sales.post('/api/partner-contacts', {
      person: { firstName: 'Lena', lastName: 'Leverantör', email: 'lena@grossisten.se', phone: '070-111 22 33' },
      organisationName: 'Grossisten AB',
      kind: 'supplier',
      title: 'Key account manager',
      notes: 'Ring före tio',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Lena Leverantör',
      email: 'lena@grossisten.se',
      organisationName: 'Grossisten AB',
      kind: 'supplier',
      lastContactOn: today,
      relationshipEndedOn: null,
      privacy: { purpose: 'P9', legalBasis: 'legitimate_interest', retainUntil: addCalendarMonths(today, 24), rule: '24 months from the last contact or the end of the business relationship, whichever is later' },
    });
    const id = created.body.id;
    await sales.post('/api/partner-contacts', { person: { firstName: 'Per', lastName: 'Partner', email: 'per@partnern.se' }, organisationName: 'Partnern HB', kind: 'partner' });

    const all = (await sales.get('/api/partner-contacts')).body;
    expect(all.items.map((item: { organisationName: string }) => item.organisationName)).toEqual(['Grossisten AB', 'Partnern HB']);
    expect((await sales.get('/api/partner-contacts?q=grossist')).body).toMatchObject({ total: 1, items: [{ id }] });
    expect((await sales.get('/api/partner-contacts?q=lena%40')).body.total).toBe(1);
    expect((await sales.get('/api/partner-contacts?kind=partner')).body.items.map((item: { name: string }) => item.name)).toEqual(['Per Partner']);
    expect((await sales.get('/api/partner-contacts?pageSize=1&page=2')).body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ name: 'Per Partner' }] });

    const invalid = await sales.post('/api/partner-contacts', { organisationName: '  ', kind: 'customer', lastContactOn: '2026-02-30' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields).toMatchObject({
      organisationName: ['Enter the organisation'],
      kind: ['Say whether the organisation is a supplier or a partner'],
      lastContactOn: ['Enter a date as YYYY-MM-DD'],
      person: ['Choose the person or enter a new one'],
    });
    const badEmail = await sales.post('/api/partner-contacts', { person: { firstName: 'X', lastName: 'Y', email: 'nej' }, organisationName: 'X AB', kind: 'partner' });
    expect(badEmail.body.fields).toHaveProperty(['person.email']);
    // One person per e-mail address: the same address asks which person is meant.
    const same = await sales.post('/api/partner-contacts', { person: { firstName: 'Lena', lastName: 'L', email: 'LENA@grossisten.se' }, organisationName: 'Annat AB', kind: 'supplier' });
    expect(same.status).toBe(409);
    expect(same.body.fields).toHaveProperty(['person.email']);
    const linked = await sales.post('/api/partner-contacts', { personId: created.body.personId, organisationName: 'Grossisten AB', kind: 'supplier' });
    expect(linked.status).toBe(409);
    expect(linked.body.fields).toEqual({ organisationName: ['Already a contact at this organisation'] });

    // The relationship ended: 24 months from its end (or the last contact, if later).
    const ended = await sales.edit(`/api/partner-contacts/${id}`, { relationshipEndedOn: '2026-03-31', lastContactOn: '2026-01-15', title: 'Säljchef', person: { phone: '070-999 88 77' } });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ title: 'Säljchef', phone: '070-999 88 77', relationshipEndedOn: '2026-03-31', privacy: { retainUntil: '2028-03-31' } });
    const [person] = await sql<{ retain_until: string }>(`SELECT retain_until::text FROM person WHERE id = $1`, [created.body.personId]);
    expect(person.retain_until).toBe('2028-03-31');
    expect((await sales.edit(`/api/partner-contacts/${id}`, { kind: 'vendor', lastContactOn: 'igår' })).body.fields).toMatchObject({ kind: expect.any(Array), lastContactOn: expect.any(Array) });
    expect((await sales.get(`/api/partner-contacts/${id}`)).body.privacy.retainUntil).toBe('2028-03-31');

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await sales.get(`/api/partner-contacts/${missing}`)).status).toBe(404);
    expect((await sales.patch(`/api/partner-contacts/${missing}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await sales.delete(`/api/partner-contacts/${missing}`)).status).toBe(404);
    expect((await sales.get('/api/partner-contacts/not-a-uuid')).status).toBe(400);

    const audit = await sql<{ action: string }>(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY seq`, [id]);
    expect(audit.map((entry) => entry.action)).toEqual(['partner_contact.created', 'partner_contact.updated']);

    // Deleted: the person goes too, since nothing else keeps her.
    expect((await sales.delete(`/api/partner-contacts/${id}`)).status).toBe(204);
    expect((await sales.get(`/api/partner-contacts/${id}`)).status).toBe(404);
    expect(await sql(`SELECT 1 FROM person WHERE id = $1`, [created.body.personId])).toEqual([]);
  });

  it('is for admins and sales, not technicians', async () => {
    expect((await technician.get('/api/partner-contacts')).status).toBe(403);
    expect((await technician.post('/api/partner-contacts', { personId: '00000000-0000-4000-8000-000000000000', organisationName: 'X', kind: 'partner' })).status).toBe(403);
    expect((await technician.get('/api/partner-contacts/policy')).status).toBe(403);
    expect((await admin.get('/api/partner-contacts')).status).toBe(200);
    expect((await new TestClient(app).get('/api/partner-contacts')).status).toBe(401);
  });

  it('says why and how long from the policy table, and follows an edit of the policy', async () => {
    const policy = (await sales.get('/api/partner-contacts/policy')).body;
    expect(policy).toEqual({
      code: 'P9',
      purpose: PARTNER_CONTACT_POLICY.purpose,
      dataCategories: PARTNER_CONTACT_POLICY.dataCategories,
      legalBasis: 'legitimate_interest',
      retention: { sv: '24 månader från den senaste kontakten eller affärsrelationens slut, det som är senast', en: '24 months from the last contact or the end of the business relationship, whichever is later' },
    });

    const contact = (await sales.post('/api/partner-contacts', { person: { firstName: 'Rolf', lastName: 'Regel', email: 'rolf@ramavtal.se' }, organisationName: 'Ramavtal AB', kind: 'partner', lastContactOn: '2026-01-31' })).body;
    expect(contact.privacy.retainUntil).toBe('2028-01-31');
    const saved = await admin.edit('/api/policies/P9', { rule: { kind: 'months-from-event', months: 13 } });
    expect(saved.status).toBe(200);
    await app.get(RecomputeService).run(saved.body.task.id);
    expect((await sales.get(`/api/partner-contacts/${contact.id}`)).body.privacy).toMatchObject({ purpose: 'P9', retainUntil: '2027-02-28', rule: '13 months from the last contact or the end of the business relationship, whichever is later' });
    expect((await sales.get('/api/partner-contacts/policy')).body.retention.sv).toBe('13 månader från den senaste kontakten eller affärsrelationens slut, det som är senast');
    const restored = await admin.edit('/api/policies/P9', { rule: PARTNER_CONTACT_POLICY.rule });
    await app.get(RecomputeService).run(restored.body.task.id);
    expect((await sales.get(`/api/partner-contacts/${contact.id}`)).body.privacy.retainUntil).toBe('2028-01-31');
  });

  it('is found, exported and erased with the person, and the public notice and the record of processing name the purpose in Swedish and English', async () => {
    const EMAIL = 'sara.supplier@leverantoren.se';
    const contact = (await sales.post('/api/partner-contacts', { person: { firstName: 'Sara', lastName: 'Supplier', email: EMAIL }, organisationName: 'Leverantören AB', kind: 'supplier', title: 'Inköp' })).body;

    const found = (await admin.get(`/api/people?q=${encodeURIComponent(EMAIL)}`)).body;
    expect(found.people).toHaveLength(1);
    expect(found.people[0].records).toEqual([
      expect.objectContaining({ recordType: 'partner_contact', id: contact.id, title: 'Inköp', description: 'Contact person at the supplier Leverantören AB', descriptionSv: 'Kontaktperson hos leverantören Leverantören AB', privacy: expect.objectContaining({ purpose: 'P9', legalBasis: 'legitimate_interest', retainUntil: addCalendarMonths(today, 24) }) }),
    ]);
    const exported = (await admin.get(`/api/people/${contact.personId}/export`)).body;
    const record = exported.records.find((r: { recordType: string }) => r.recordType === 'partner_contact');
    expect(record).toMatchObject({ privacy: { purpose: 'P9' }, legalBasisName: { sv: 'Intresseavvägning', en: 'Legitimate interest' } });
    expect(record.source.en).toContain('supplier or partner');
    expect(await pdfText((await admin.get(`/api/people/${contact.personId}/export.pdf`)).raw)).toContain('Leverantören AB');

    const proposal = (await admin.get(`/api/people/${contact.personId}/erasure-proposal`)).body;
    expect(proposal.items.find((item: { recordType: string }) => item.recordType === 'partner_contact')).toMatchObject({ id: contact.id, outcome: 'erase' });

    const notice = (await new TestClient(app).get('/api/public/privacy-notice')).body;
    expect(notice.purposes.map((p: { code: string }) => p.code)).toContain('P9');
    expect(notice.purposes.find((p: { code: string }) => p.code === 'P9')).toMatchObject({
      purpose: { sv: 'Kontaktpersoner hos leverantörer och partner', en: 'Contact persons at suppliers and partners' },
      legalBasisName: { sv: 'Intresseavvägning', en: 'Legitimate interest' },
      retention: { sv: '24 månader från den senaste kontakten eller affärsrelationens slut, det som är senast', en: '24 months from the last contact or the end of the business relationship, whichever is later' },
    });
    const csv = (await admin.get('/api/privacy/record-of-processing.csv')).body as string;
    expect(csv).toContain('Contact persons at suppliers and partners');
    expect(await pdfText((await admin.get('/api/privacy/record-of-processing.pdf')).raw)).toContain('P9');
  });

  it('is culled at its deadline, the person with it, and the person’s name scrubbed from other contacts’ notes', async () => {
    const gone = (await sales.post('/api/partner-contacts', { person: { firstName: 'Gunnel', lastName: 'Gammal', email: 'gunnel@forr.se' }, organisationName: 'Förr AB', kind: 'supplier', lastContactOn: '2023-01-10', relationshipEndedOn: '2023-06-30' })).body;
    expect(gone.privacy.retainUntil).toBe('2025-06-30');
    const stays = (await sales.post('/api/partner-contacts', { person: { firstName: 'Nils', lastName: 'Nu', email: 'nils@nu.se' }, organisationName: 'Nu AB', kind: 'partner', notes: 'Tog över efter Gunnel Gammal' })).body;

    const [{ id: taskId }] = await sql<{ id: string }>(`INSERT INTO retention_task (kind, subject) VALUES ('cull', $1) RETURNING id`, [today]);
    await app.get(CullService, { strict: false }).run(taskId);

    expect(await sql(`SELECT 1 FROM partner_contact WHERE id = $1`, [gone.id])).toEqual([]);
    expect(await sql(`SELECT 1 FROM person WHERE id = $1`, [gone.personId])).toEqual([]);
    const [kept] = await sql<{ notes: string }>(`SELECT notes FROM partner_contact WHERE id = $1`, [stays.id]);
    expect(kept.notes).not.toContain('Gunnel');
    expect(kept.notes).not.toContain('Gammal');
  });
});
