import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { stockholmDate } from '@privdesk/domain';
import { startTestApp, TestClient } from '../../test/test-app';

interface Case {
  name: string;
  as: 'anonymous' | 'admin';
  method: 'GET' | 'POST' | 'PATCH';
  url: string | (() => string);
  body?: () => unknown;
  /** The field the answer must name. */
  field: string;
}

/**
 * Whatever a client sends wrong — text the database cannot store, an object where a list is, a
 * part left out — is answered 400 with the field named, never 500.
 */
describe('client mistakes are 400 with the field, never 500 (API)', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let customerId: string;
  let ticketId: string;
  let quoteId: string;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    app = await startTestApp();
    admin = await TestClient.signedIn(app, 'admin');
    customerId = (await admin.post('/api/customers', { type: 'organisation', organisation: { name: 'Felaktiga Anrop AB' } })).body.id;
    ticketId = (await admin.post('/api/tickets', { customerId, subject: 'Skrivaren', description: 'Skriver inte ut', priority: 'normal' })).body.id;
    quoteId = (await admin.post('/api/quotes', { customerId, title: 'Skrivare', validUntil: today, lines: [{ kind: 'item', description: 'Toner', quantity: 1, unitPrice: 500 }] })).body.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  const quote = { title: 'Ny dator', validUntil: '2099-12-31', lines: [{ kind: 'item', description: 'Dator', quantity: 1, unitPrice: 9000 }] };
  const cookie = { site: 'website', name: '_test', provider: 'Oss', purpose: { sv: 'Test', en: 'Test' }, category: 'optional' };

  const cases: Case[] = [
    { name: 'a lone surrogate in a sign-in e-mail', as: 'anonymous', method: 'POST', url: '/api/auth/login', body: () => ({ email: '\ud800', password: 'whatever it is' }), field: 'email' },
    { name: 'a NUL byte in a sign-in password', as: 'anonymous', method: 'POST', url: '/api/auth/login', body: () => ({ email: 'someone@test.privdesk.local', password: 'pass\u0000word' }), field: 'password' },
    { name: 'a NUL byte in the customer search', as: 'admin', method: 'GET', url: '/api/customers?q=%00', field: 'q' },
    { name: 'a NUL byte in the ticket search', as: 'admin', method: 'GET', url: '/api/tickets?q=abc%00', field: 'q' },
    { name: 'a NUL byte in the people search', as: 'admin', method: 'GET', url: '/api/people?q=%00', field: 'q' },
    { name: 'a NUL byte in a ticket subject', as: 'admin', method: 'PATCH', url: () => `/api/tickets/${ticketId}`, body: () => ({ subject: 'Skrivaren\u0000', version: 1 }), field: 'subject' },
    { name: 'an edit without the version it was based on', as: 'admin', method: 'PATCH', url: () => `/api/tickets/${ticketId}`, body: () => ({ subject: 'Skrivaren' }), field: 'version' },
    { name: 'an edit with its version as text', as: 'admin', method: 'PATCH', url: () => `/api/tickets/${ticketId}`, body: () => ({ subject: 'Skrivaren', version: '1' }), field: 'version' },
    { name: 'a lone surrogate in a new ticket entry', as: 'admin', method: 'POST', url: () => `/api/tickets/${ticketId}/entries`, body: () => ({ kind: 'message', body: 'Hej \udc00' }), field: 'body' },
    { name: 'a lone surrogate inside a nested object', as: 'admin', method: 'POST', url: '/api/customers', body: () => ({ type: 'person', person: { firstName: 'A\ud800', lastName: 'B' } }), field: 'person.firstName' },
    { name: 'a NUL byte in a list item', as: 'admin', method: 'POST', url: '/api/quotes', body: () => ({ ...quote, holder: { firstName: 'Q', lastName: 'H' }, lines: [{ ...quote.lines[0], description: '\u0000' }] }), field: 'lines.0.description' },
    { name: 'a person sent as a list', as: 'admin', method: 'POST', url: '/api/customers', body: () => ({ type: 'person', person: [] }), field: 'person' },
    { name: 'an organisation sent as a list', as: 'admin', method: 'POST', url: '/api/customers', body: () => ({ type: 'organisation', organisation: [] }), field: 'organisation' },
    { name: 'a person sent as a list of text', as: 'admin', method: 'POST', url: '/api/customers', body: () => ({ type: 'person', person: ['x'] }), field: 'person' },
    { name: 'a contact person sent as a list', as: 'admin', method: 'POST', url: () => `/api/customers/${customerId}/contacts`, body: () => ({ person: [] }), field: 'person' },
    { name: 'a person left out of a new contact', as: 'admin', method: 'POST', url: () => `/api/customers/${customerId}/contacts`, body: () => ({ title: 'IT' }), field: 'person' },
    { name: 'a quote holder sent as a list', as: 'admin', method: 'POST', url: '/api/quotes', body: () => ({ ...quote, holder: [] }), field: 'holder' },
    { name: 'a quote line sent as a list', as: 'admin', method: 'POST', url: '/api/quotes', body: () => ({ ...quote, holder: { firstName: 'Q', lastName: 'H' }, lines: [[]] }), field: 'lines' },
    { name: 'the agreement of a win sent as a list', as: 'admin', method: 'POST', url: () => `/api/quotes/${quoteId}/win`, body: () => ({ agreement: [] }), field: 'agreement' },
    { name: 'a cookie without its duration', as: 'admin', method: 'POST', url: '/api/cookies', body: () => cookie, field: 'duration' },
    { name: 'a cookie with its duration as a list', as: 'admin', method: 'POST', url: '/api/cookies', body: () => ({ ...cookie, duration: [] }), field: 'duration' },
    { name: 'a recipient without what it receives', as: 'admin', method: 'POST', url: '/api/recipients', body: () => ({ name: 'Test', kind: 'processor', purposes: ['P4'], inEu: true }), field: 'receives' },
    { name: 'a policy text sent as a list', as: 'admin', method: 'PATCH', url: '/api/policies/P4', body: () => ({ purpose: [], version: 1 }), field: 'purpose' },
  ];

  it.each(cases.map((mistake) => [mistake.name, mistake] as const))('%s', async (_name, mistake) => {
    const client = mistake.as === 'anonymous' ? new TestClient(app) : admin;
    if (mistake.as === 'anonymous') await client.get('/api/auth/session');
    const url = typeof mistake.url === 'function' ? mistake.url() : mistake.url;
    const body = mistake.body?.();

    const response = mistake.method === 'GET' ? await client.get(url) : mistake.method === 'PATCH' ? await client.patch(url, body) : await client.post(url, body);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', fields: { [mistake.field]: [expect.any(String)] } });
  });

  it('keeps accepting whole characters of any script, emoji included', async () => {
    const response = await admin.post(`/api/tickets/${ticketId}/entries`, { kind: 'message', body: 'Åsa säger 👍 — 東京 ✓' });

    expect(response.status).toBe(201);
  });
});
