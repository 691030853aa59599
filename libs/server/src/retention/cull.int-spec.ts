import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { stockholmDate } from '@privdesk/domain';
import { dataSourceOf, startTestApp, testConfig, TestClient } from '../../test/test-app';
import { waitFor } from '../../test/processes';
import { WorkerModule } from '../worker/worker.module';

const AS_OF = '2026-11-25';

describe('culling through BullMQ on Redis, with holds, reviews and certificates', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: TestClient;
  let technician: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig()), { logger: false });
    await worker.init();
    admin = await TestClient.signedIn(app, 'admin');
    technician = await TestClient.signedIn(app, 'technician');
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const exists = async (table: string, id: string) => (await dataSourceOf(app).query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length === 1;
  const personRow = async (id: string) => (await dataSourceOf(app).query('SELECT first_name, email, personnummer, anonymised_at FROM person WHERE id = $1', [id]))[0];

  async function runCull(asOf = AS_OF) {
    const requested = await admin.post('/api/retention/runs', { asOf });
    expect(requested.status).toBe(201);
    return waitFor(async () => {
      const task = (await admin.get(`/api/retention/tasks/${requested.body.id}`)).body;
      return task.status === 'completed' ? task : undefined;
    }, 'the cull to complete', 30_000);
  }

  it('deletes, anonymises, holds and reviews exactly what the policies say, and certifies it', async () => {
    // A: agreement ended 2015 → contact and person gone, customer kept (bookkeeping) anonymised, agreement to review (P7).
    const oldCompany = (await admin.post('/api/customers', { type: 'organisation', organisation: { name: 'Gamla Bolaget AB' } })).body;
    const oldAgreement = (await admin.post(`/api/customers/${oldCompany.id}/agreements`, { title: 'Avtal med Kalle Kontakt', startDate: '2010-01-01', endDate: '2015-06-30' })).body;
    const oldContact = (await admin.post(`/api/customers/${oldCompany.id}/contacts`, { person: { firstName: 'Kalle', lastName: 'Kontakt', email: 'kalle@gamla.se' } })).body;
    // B: a person customer whose agreement ended 2012, under a legal hold.
    const heldCustomer = (await admin.post('/api/customers', { type: 'person', person: { firstName: 'Hilda', lastName: 'Hållen', personnummer: '19121212-1212' } })).body;
    await admin.post(`/api/customers/${heldCustomer.id}/agreements`, { title: 'Hemservice', startDate: '2010-01-01', endDate: '2012-12-31' });
    const hold = await admin.post('/api/retention/holds', { personId: heldCustomer.person.id, reason: 'Tvist om faktura 2012-88' });
    expect(hold.status).toBe(201);
    // C: a running agreement: nothing expires.
    const current = (await admin.post('/api/customers', { type: 'organisation', organisation: { name: 'Pågående AB' } })).body;
    await admin.post(`/api/customers/${current.id}/agreements`, { title: 'Löpande', startDate: '2024-01-01' });
    const currentContact = (await admin.post(`/api/customers/${current.id}/contacts`, { person: { firstName: 'Petra', lastName: 'Pågår' } })).body;

    const preview = await admin.get(`/api/retention/preview?asOf=${AS_OF}`);
    expect(preview.status).toBe(200);
    const previewIds = preview.body.policies.flatMap((group: { records: Array<{ id: string }> }) => group.records.map((record) => record.id));
    expect(previewIds).toEqual(expect.arrayContaining([oldContact.id, oldAgreement.id, oldCompany.id, heldCustomer.id]));
    expect(previewIds).not.toContain(current.id);

    const task = await runCull();

    expect(await exists('contact_person', oldContact.id)).toBe(false);
    expect(await exists('person', oldContact.person.id)).toBe(false);
    expect(await exists('agreement', oldAgreement.id)).toBe(true);
    expect(await exists('customer', oldCompany.id)).toBe(true);
    expect(await exists('customer', heldCustomer.id)).toBe(true);
    expect((await personRow(heldCustomer.person.id)).personnummer).toBe('19121212-1212');
    expect(await exists('contact_person', currentContact.id)).toBe(true);

    const reviews = (await admin.get('/api/retention/reviews?status=pending')).body;
    expect(reviews.map((review: { recordId: string }) => review.recordId)).toContain(oldAgreement.id);

    const certificate = (await admin.get(`/api/retention/certificates/${task.certificateId}`)).body;
    const count = (recordType: string, policy: string) => certificate.counts.find((c: { recordType: string; policy: string }) => c.recordType === recordType && c.policy === policy);
    expect(count('contact_person', 'P6')).toMatchObject({ deleted: 1, anonymised: 0, held: 0, reviewed: 0 });
    expect(count('agreement', 'P7')).toMatchObject({ deleted: 0, held: 1, reviewed: 1 });
    expect(count('customer', 'P3')).toMatchObject({ deleted: 0, anonymised: 1, held: 1 });
    expect(count('person', 'P6')).toMatchObject({ deleted: 1 });
    expect(count('person', 'P3')).toMatchObject({ held: 1 });
    // The preview said beforehand what the run did, record type by policy, outcome by outcome.
    const previewed = (recordType: string, policy: string) =>
      preview.body.policies.find((group: { recordType: string; policy: string }) => group.recordType === recordType && group.policy === policy)?.counts;
    for (const [recordType, policy] of [['contact_person', 'P6'], ['agreement', 'P7'], ['customer', 'P3']]) {
      const { deleted, anonymised, held, reviewed } = count(recordType, policy);
      expect({ recordType, policy, counts: previewed(recordType, policy) }).toEqual({ recordType, policy, counts: { deleted, anonymised, held, reviewed } });
    }
    expect(JSON.stringify(certificate)).not.toMatch(/Kalle|kalle@gamla|Hilda|19121212/);
    expect(certificate.entries.every((entry: { idHash: string }) => /^[0-9a-f]{64}$/.test(entry.idHash))).toBe(true);

    const check = await admin.get(`/api/retention/certificates/check?recordType=contact_person&id=${oldContact.id}`);
    expect(check.body).toMatchObject({ culled: true, matches: [{ certificateId: certificate.id, asOf: AS_OF, outcome: 'deleted', policy: 'P6' }] });
    const notCulled = await admin.get(`/api/retention/certificates/check?recordType=contact_person&id=${currentContact.id}`);
    expect(notCulled.body.culled).toBe(false);

    // Free text: the agreement title named the contact; it is scrubbed with him.
    const [{ title }] = await dataSourceOf(app).query('SELECT title FROM agreement WHERE id = $1', [oldAgreement.id]);
    expect(title).toBe('Avtal med [borttaget]');

    const pdf = await admin.get(`/api/retention/certificates/${certificate.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    // Approving the review lets the next run delete the agreement, and then the kept customer and its organisation.
    const review = reviews.find((r: { recordId: string }) => r.recordId === oldAgreement.id);
    expect((await admin.post(`/api/retention/reviews/${review.id}/approve`)).status).toBe(200);
    const second = await runCull();
    expect(await exists('agreement', oldAgreement.id)).toBe(false);
    expect(await exists('customer', oldCompany.id)).toBe(false);
    expect(await exists('organisation', oldCompany.organisation.id)).toBe(false);
    const secondCertificate = (await admin.get(`/api/retention/certificates/${second.certificateId}`)).body;
    expect(secondCertificate.totals).toMatchObject({ deleted: 2, anonymised: 0 });

    // Releasing the hold: the held customer's records go in the next run (the person is anonymised, kept by the customer row? no: deleted with it).
    await admin.post(`/api/retention/holds/${hold.body.id}/release`);
    await runCull();
    expect(await exists('customer', heldCustomer.id)).toBe(true);
    expect(await personRow(heldCustomer.person.id)).toMatchObject({ first_name: 'Anonymiserad', email: null, personnummer: null });
  });

  it('changes nothing when the same run is delivered twice', async () => {
    const task = await runCull();
    const before = await dataSourceOf(app).query('SELECT count(*)::int AS n FROM certificate_entry');
    await dataSourceOf(app).query(`INSERT INTO job_outbox (queue, name, data) VALUES ('retention', 'cull', $1)`, [{ taskId: task.id }]);
    await waitFor(async () => ((await dataSourceOf(app).query('SELECT 1 FROM job_outbox WHERE relayed_at IS NULL')).length === 0 ? true : undefined), 'the relay');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await dataSourceOf(app).query('SELECT count(*)::int AS n FROM certificate_entry')).toEqual(before);
    expect((await admin.get(`/api/retention/tasks/${task.id}`)).body).toMatchObject({ status: 'completed', finishedAt: task.finishedAt });
  });

  it('keeps the retention pages to admins', async () => {
    for (const url of ['/api/retention/report', '/api/retention/tasks', '/api/retention/certificates', '/api/retention/holds', `/api/retention/preview?asOf=${AS_OF}`]) {
      expect((await technician.get(url)).status).toBe(403);
    }
    expect((await technician.post('/api/retention/runs', {})).status).toBe(403);
    expect((await technician.patch('/api/policies/P3', { version: 1, expiryAction: 'delete' })).status).toBe(403);
  });

  it('reports records by purpose, what expires and what was culled, as JSON, CSV and PDF', async () => {
    const report = await admin.get('/api/retention/report');
    expect(report.status).toBe(200);
    expect(report.body.missingBasis).toBe(0);
    // "Due now" is what a cull today would look at, as the cull itself counts it.
    const today = stockholmDate(new Date());
    expect(report.body.dueNow).toBe((await admin.get(`/api/retention/preview?asOf=${today}`)).body.policies.reduce((sum: number, policy: { counts: Record<string, number> }) => sum + Object.values(policy.counts).reduce((a, b) => a + b, 0), 0));
    expect(report.body.culledByMonth.length).toBeGreaterThan(0);
    expect(report.body.byPurpose.some((row: { purpose: string }) => row.purpose === 'P3')).toBe(true);
    const csv = await admin.get('/api/retention/report.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('section,purpose,legal_basis');
    const pdf = await admin.get('/api/retention/report.pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('edits a policy with an audit of before and after, a preview count, and a recomputation job', async () => {
    const company = (await admin.post('/api/customers', { type: 'organisation', organisation: { name: 'Policyändring AB' } })).body;
    await admin.post(`/api/customers/${company.id}/agreements`, { title: 'A', startDate: '2020-01-01', endDate: '2024-12-31' });

    const preview = await admin.post('/api/policies/P3/preview', { rule: { kind: 'agreement', yearsAfterEnd: 1, monthsWithoutAgreement: 24 } });
    expect(preview.status).toBe(200);
    expect(preview.body.changed).toBeGreaterThan(0);
    expect((await admin.get(`/api/customers/${company.id}`)).body.privacy.retainUntil).toBe('2029-12-31');

    const bad = await admin.edit('/api/policies/P3', { rule: { kind: 'agreement', yearsAfterEnd: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('rule');

    const updated = await admin.edit('/api/policies/P3', { rule: { kind: 'agreement', yearsAfterEnd: 1, monthsWithoutAgreement: 24 } });
    expect(updated.status).toBe(200);
    expect(updated.body.task).toMatchObject({ kind: 'recompute', subject: 'P3' });
    await waitFor(async () => ((await admin.get(`/api/retention/tasks/${updated.body.task.id}`)).body.status === 'completed' ? true : undefined), 'the recomputation');
    expect((await admin.get(`/api/customers/${company.id}`)).body.privacy).toMatchObject({ retainUntil: '2025-12-31', rule: 'agreement end + 1 year' });

    const audit = (await admin.get('/api/audit?action=retention_policy.updated')).body.items[0];
    expect(audit.details).toMatchObject({ code: 'P3', before: { rule: { yearsAfterEnd: 5 } }, after: { rule: { yearsAfterEnd: 1 } } });
    await admin.edit('/api/policies/P3', { rule: { kind: 'agreement', yearsAfterEnd: 5, monthsWithoutAgreement: 24 } });
  });
});
