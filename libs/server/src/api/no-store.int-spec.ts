import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApp, TestClient } from '../../test/test-app';

/** Answers of the API carry personal data: no browser or proxy may keep a copy. */
describe('API answers are never cached (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let customerId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await TestClient.signedIn(app, 'admin');
    customerId = (await admin.post('/api/customers', { type: 'person', person: { firstName: 'Cecilia', lastName: 'Cache' } })).body.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  const answers: Array<{ what: string; as: 'admin' | 'anonymous'; method: 'GET' | 'POST'; url: () => string; status: number }> = [
    { what: 'a record with personal data', as: 'admin', method: 'GET', url: () => `/api/customers/${customerId}`, status: 200 },
    { what: 'a list', as: 'admin', method: 'GET', url: () => '/api/customers?q=Cecilia', status: 200 },
    { what: 'a CSV download', as: 'admin', method: 'GET', url: () => '/api/privacy/record-of-processing.csv', status: 200 },
    { what: 'a PDF download', as: 'admin', method: 'GET', url: () => '/api/privacy/record-of-processing.pdf', status: 200 },
    { what: 'the session, to anyone', as: 'anonymous', method: 'GET', url: () => '/api/auth/session', status: 200 },
    { what: 'a public page', as: 'anonymous', method: 'GET', url: () => '/api/public/privacy-notice', status: 200 },
    { what: 'a refusal', as: 'anonymous', method: 'GET', url: () => '/api/customers', status: 401 },
    { what: 'an unknown route', as: 'admin', method: 'GET', url: () => '/api/no-such-route', status: 404 },
    { what: 'a write', as: 'admin', method: 'POST', url: () => '/api/customers', status: 201 },
  ];

  it.each(answers.map((answer) => [answer.what, answer] as const))('%s: Cache-Control no-store', async (_what, answer) => {
    const client = answer.as === 'admin' ? admin : new TestClient(app);

    const response = answer.method === 'GET' ? await client.get(answer.url()) : await client.post(answer.url(), { type: 'person', person: { firstName: 'Ny', lastName: 'Kund' } });

    expect(response.status).toBe(answer.status);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
