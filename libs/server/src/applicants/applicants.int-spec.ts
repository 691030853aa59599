import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SAMPLE_DOCUMENTS } from '../../test/documents';
import { multipart } from '../../test/multipart';
import { dataSourceOf, startTestApp, TestClient } from '../../test/test-app';

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
