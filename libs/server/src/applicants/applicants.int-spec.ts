import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SAMPLE_DOCUMENTS } from '../../test/documents';
import { multipart } from '../../test/multipart';
import { createStaff, dataSourceOf, startTestApp, TestClient } from '../../test/test-app';

/** The public application form: what an applicant uploads is what an admin later opens. */
describe('documents of an application are what their bytes show (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let counter = 0;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await TestClient.signedIn(app, 'admin');
  });

  afterAll(async () => {
    await app?.close();
  });

  const apply = (files: Array<{ filename: string; contentType: string; content: Buffer }>, fields: Record<string, string> = {}) => {
    const email = `sokande-${++counter}@exempel.se`;
    const { body, contentType } = multipart(
      { firstName: 'Sara', lastName: 'Sökande', email, position: 'Servicetekniker', consent: 'true', ...fields },
      files.map((file) => ({ field: 'documents', ...file })),
    );
    return { email, response: app.inject({ method: 'POST', url: '/api/public/applications', payload: body, headers: { 'content-type': contentType } }) };
  };
  const storedDocuments = async (email: string) =>
    dataSourceOf(app).query(
      `SELECT d.filename, d.content_type FROM applicant_document d JOIN applicant a ON a.id = d.applicant_id JOIN person p ON p.id = a.person_id WHERE p.email = $1 ORDER BY d.filename`,
      [email],
    );

  it.each([
    ['an executable named cv.pdf, sent as a PDF', 'cv.pdf', 'application/pdf', SAMPLE_DOCUMENTS.executable],
    ['an image sent as a PDF', 'cv.pdf', 'application/pdf', SAMPLE_DOCUMENTS.png],
    ['a spreadsheet sent as a Word document', 'cv.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', SAMPLE_DOCUMENTS.xlsx],
  ])('refuses %s with 400 and stores nothing', async (_case, filename, contentType, content) => {
    const { email, response } = apply([{ filename: 'brev.txt', contentType: 'text/plain', content: SAMPLE_DOCUMENTS.text }, { filename, contentType, content }]);

    expect((await response).statusCode).toBe(400);
    expect((await response).json()).toMatchObject({ statusCode: 400, fields: { documents: [expect.any(String)] } });
    expect(await dataSourceOf(app).query('SELECT 1 FROM person WHERE email = $1', [email])).toEqual([]);
  });

  it('stores each accepted type under the type its bytes show, and an admin downloads the same bytes', async () => {
    const files = [
      { filename: 'a-cv.pdf', contentType: 'application/pdf', content: SAMPLE_DOCUMENTS.pdf },
      { filename: 'b-betyg.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: SAMPLE_DOCUMENTS.docx },
      { filename: 'c-brev.odt', contentType: 'application/vnd.oasis.opendocument.text', content: SAMPLE_DOCUMENTS.odt },
      { filename: 'd-foto.jpg', contentType: 'image/jpeg', content: SAMPLE_DOCUMENTS.jpeg },
      { filename: 'e-intyg.txt', contentType: 'text/plain', content: SAMPLE_DOCUMENTS.latin1Text },
    ];
    const { email, response } = apply(files);

    expect((await response).statusCode).toBe(202);
    expect(await storedDocuments(email)).toEqual(files.map((file) => ({ filename: file.filename, content_type: file.contentType })));
    const applicant = (await admin.get(`/api/applicants?q=${encodeURIComponent(email)}`)).body.items[0];
    const pdf = applicant.documents.find((document: { filename: string }) => document.filename === 'a-cv.pdf');
    expect((await admin.get(`/api/applicants/${applicant.id}/documents/${pdf.id}`)).raw.equals(SAMPLE_DOCUMENTS.pdf)).toBe(true);
  });

  it('refuses a form field the database cannot store with 400 naming it', async () => {
    const { response } = apply([], { firstName: 'Sa\u0000ra' });

    expect((await response).statusCode).toBe(400);
    expect((await response).json().fields.firstName).toEqual([expect.any(String)]);
  });
});

/** Applications from every channel: staff register them with scans, source and consent; sensitive documents stay with the recruiting admin. */
describe('applications registered by staff, with sensitive documents (API)', () => {
  let app: NestFastifyApplication;
  let recruiter: TestClient;
  let otherAdmin: TestClient;
  let technician: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    const recruiting = await createStaff(app, 'admin');
    await dataSourceOf(app).query('UPDATE staff_user SET recruiter = true WHERE id = $1', [recruiting.id]);
    recruiter = new TestClient(app);
    await recruiter.login(recruiting.email, recruiting.password);
    otherAdmin = await TestClient.signedIn(app, 'admin');
    technician = await TestClient.signedIn(app, 'technician');
  });

  afterAll(async () => {
    await app?.close();
  });

  const register = (client: TestClient, fields: Record<string, string>, files: Array<{ field: string; filename: string; contentType: string; content: Buffer }>) =>
    client.postMultipart('/api/applicants', multipart(fields, files));

  it('registers a paper application with its scans, source and consent, and keeps the drug test to the recruiting admin', async () => {
    const fields = { firstName: 'Pappers', lastName: 'Sökande', phone: '070-1234567', position: 'Lagerarbetare', source: 'paper', receivedOn: '2026-11-20', consentText: 'Underskriven samtyckesblankett, inskannad' };
    const response = await register(otherAdmin, fields, [
      { field: 'documents', filename: 'cv.pdf', contentType: 'application/pdf', content: SAMPLE_DOCUMENTS.pdf },
      { field: 'documents.drug_test', filename: 'drogtest-resultat.pdf', contentType: 'application/pdf', content: SAMPLE_DOCUMENTS.pdf },
    ]);
    expect(response.status).toBe(201);
    const registered = response.body;
    expect(registered).toMatchObject({ source: 'paper', recruiterName: null, consentText: fields.consentText, position: 'Lagerarbetare', privacy: { purpose: 'P1', legalBasis: 'consent' } });
    expect(registered.submittedAt.slice(0, 10)).toBe('2026-11-20');
    const restricted = registered.documents.find((document: { sensitivity: string }) => document.sensitivity === 'drug_test');
    expect(restricted).toMatchObject({ restricted: true, filename: '' });
    expect(registered.documents.find((document: { sensitivity: string }) => document.sensitivity === 'none')).toMatchObject({ restricted: false, filename: 'cv.pdf' });

    // Another admin may not open it (and the attempt is audited); the recruiting admin may (audited too).
    expect((await otherAdmin.get(`/api/applicants/${registered.id}/documents/${restricted.id}`)).status).toBe(403);
    const fromRecruiter = await recruiter.get(`/api/applicants/${registered.id}`);
    const open = fromRecruiter.body.documents.find((document: { id: string }) => document.id === restricted.id);
    expect(open).toMatchObject({ restricted: false, filename: 'drogtest-resultat.pdf', sensitivity: 'drug_test' });
    expect((await recruiter.get(`/api/applicants/${registered.id}/documents/${restricted.id}`)).raw.equals(SAMPLE_DOCUMENTS.pdf)).toBe(true);
    const audit = await dataSourceOf(app).query(`SELECT action, details FROM audit_entry WHERE entity_id = $1 ORDER BY seq`, [registered.id]);
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['applicant.registered', 'applicant.document.refused', 'applicant.document.viewed']));
    expect((await technician.get(`/api/applicants/${registered.id}`)).status).toBe(403);
  });

  it('needs the recruiter for a recruiter’s application, a consent, a day not in the future, and documents named by what they hold', async () => {
    const bad = await register(otherAdmin, { firstName: 'A', lastName: 'B', position: 'X', source: 'recruiter', receivedOn: '2999-01-01', consentText: '' }, [
      { field: 'documents.secret', filename: 'x.pdf', contentType: 'application/pdf', content: SAMPLE_DOCUMENTS.pdf },
    ]);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['documents.secret']);
    const worse = await register(otherAdmin, { firstName: 'A', lastName: 'B', position: 'X', source: 'recruiter', receivedOn: '2999-01-01', consentText: '' }, []);
    expect(Object.keys(worse.body.fields).sort()).toEqual(['consentText', 'receivedOn', 'recruiterName']);
    const viaRecruiter = await register(otherAdmin, { firstName: 'Rek', lastName: 'Ryterad', email: 'rek@exempel.se', position: 'Tekniker', source: 'recruiter', recruiterName: 'Bemanning AB', receivedOn: '2026-11-30', consentText: 'Samtycke inhämtat av Bemanning AB' }, []);
    expect(viaRecruiter.status).toBe(201);
    expect(viaRecruiter.body).toMatchObject({ source: 'recruiter', recruiterName: 'Bemanning AB' });
  });

  it('lets only an admin be a recruiting admin, set by another admin', async () => {
    const colleague = (await otherAdmin.post('/api/users', { email: 'rekryterare@test.privdesk.local', name: 'Rekryterare', role: 'admin', password: 'a long enough password' })).body;
    expect((await otherAdmin.edit(`/api/users/${colleague.id}`, { recruiter: true })).body).toMatchObject({ recruiter: true });
    const sales = (await otherAdmin.post('/api/users', { email: 'salj-rekryt@test.privdesk.local', name: 'Sälj', role: 'sales', password: 'a long enough password' })).body;
    const refused = await otherAdmin.edit(`/api/users/${sales.id}`, { recruiter: true });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toHaveProperty('recruiter');
  });
});
