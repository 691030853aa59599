import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createStaff, dataSourceOf, startTestApp, TestClient } from '../../test/test-app';

describe('staff sign-in, sessions and roles (API)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('signs in with the right password and tells who is signed in', async () => {
    const staff = await createStaff(app, 'sales');
    const client = new TestClient(app);

    const login = await client.login(staff.email.toUpperCase(), staff.password);

    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: staff.email, role: 'sales' });
    expect((await client.get('/api/auth/session')).body.user.email).toBe(staff.email);
  });

  it('sets an httpOnly, SameSite session cookie and a readable CSRF cookie', async () => {
    const staff = await createStaff(app, 'technician');
    await new TestClient(app).get('/api/auth/session');
    const first = await app.inject({ method: 'GET', url: '/api/auth/session' });
    const csrf = first.cookies.find((cookie) => cookie.name === 'XSRF-TOKEN');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: {
        cookie: first.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '),
        'x-xsrf-token': decodeURIComponent(csrf?.value ?? ''),
      },
      payload: { email: staff.email, password: staff.password },
    });
    const session = login.cookies.find((cookie) => cookie.name === 'privdesk_session');

    expect(login.statusCode).toBe(200);
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
  });

  it('refuses a wrong password with 401 and the same message as an unknown e-mail', async () => {
    const staff = await createStaff(app, 'sales');
    const wrongPassword = await new TestClient(app).login(staff.email, 'not the password');
    const unknownEmail = await new TestClient(app).login('nobody@test.privdesk.local', 'whatever it is');

    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Wrong e-mail or password' });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('refuses a state-changing request without the CSRF token (403) and accepts it with the token', async () => {
    const client = await TestClient.signedIn(app, 'sales');
    const payload = { type: 'organisation', organisation: { name: 'CSRF Test AB' } };

    const without = await client.post('/api/customers', payload, { csrf: false });
    const withToken = await client.post('/api/customers', payload);

    expect(without.status).toBe(403);
    expect(without.body.error).toBe('Forbidden');
    expect(withToken.status).toBe(201);
  });

  it('stores no session for anonymous visitors, and still signs them in', async () => {
    const stored = async () => (await dataSourceOf(app).query('SELECT count(*)::int AS n FROM staff_session'))[0].n as number;
    const before = await stored();

    for (let visit = 0; visit < 5; visit++) {
      const visitor = new TestClient(app);
      await visitor.get('/api/auth/session');
      await visitor.get('/api/public/privacy-notice');
      await visitor.get('/api/customers');
      expect(visitor.cookie('privdesk_session')).toBeUndefined();
      expect(visitor.cookie('XSRF-TOKEN')).toBeDefined();
    }

    expect(await stored()).toBe(before);
    expect(await dataSourceOf(app).query('SELECT 1 FROM staff_session WHERE user_id IS NULL')).toEqual([]);
    const staff = await createStaff(app, 'technician');
    const visitor = new TestClient(app);
    expect((await visitor.login(staff.email, staff.password)).status).toBe(200);
    expect(await stored()).toBe(before + 1);
  });

  it('binds the CSRF token to the signed-in session: another session’s token, or the one from before sign-in, is refused', async () => {
    const [one, two] = [await TestClient.signedIn(app, 'sales'), await TestClient.signedIn(app, 'sales')];
    const payload = { type: 'organisation', organisation: { name: 'Token Test AB' } };
    const withTokenOf = (client: TestClient, token: TestClient | string) =>
      app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: {
          cookie: `privdesk_session=${client.cookie('privdesk_session')}; XSRF-TOKEN=${typeof token === 'string' ? token : token.cookie('XSRF-TOKEN')}`,
          'x-xsrf-token': decodeURIComponent(typeof token === 'string' ? token : (token.cookie('XSRF-TOKEN') ?? '')),
        },
        payload,
      });
    const anonymous = new TestClient(app);
    await anonymous.get('/api/auth/session');

    expect((await withTokenOf(one, one)).statusCode).toBe(201);
    expect((await withTokenOf(one, two)).statusCode).toBe(403);
    expect((await withTokenOf(one, anonymous)).statusCode).toBe(403);
    expect((await withTokenOf(one, 'forged.token')).statusCode).toBe(403);
  });

  it('reads the session once per request and writes it only when it changed, however many requests run at once', async () => {
    const client = await TestClient.signedIn(app, 'technician');
    const stored = async () => (await dataSourceOf(app).query(`SELECT xmin::text AS version FROM staff_session WHERE user_id = (SELECT id FROM staff_user WHERE email LIKE 'technician-%' ORDER BY created_at DESC LIMIT 1)`))[0].version;
    const before = await stored();
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 8 }, () => client.get('/api/tickets?view=mine')));
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    }
    // xmin changes with every write of the row: unchanged, nobody wrote it.
    expect(await stored()).toBe(before);
  });

  it('answers 401 to a request without a session', async () => {
    const response = await new TestClient(app).get('/api/customers');

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' });
  });

  it('signs out: the session is gone on the server', async () => {
    const client = await TestClient.signedIn(app, 'technician');
    const stolenCookie = client.cookie('privdesk_session');

    expect((await client.post('/api/auth/logout')).status).toBe(204);

    const replay = await app.inject({ method: 'GET', url: '/api/customers', headers: { cookie: `privdesk_session=${stolenCookie}` } });
    expect(replay.statusCode).toBe(401);
  });

  it.each([
    ['technician', 'GET', '/api/users'],
    ['technician', 'GET', '/api/audit'],
    ['sales', 'GET', '/api/users'],
    ['sales', 'GET', '/api/audit'],
    ['technician', 'POST', '/api/users'],
    ['technician', 'GET', '/api/people/00000000-0000-4000-8000-000000000000/personnummer'],
  ] as const)('refuses a %s %s %s with 403', async (role, method, url) => {
    const client = await TestClient.signedIn(app, role);

    const response = method === 'GET' ? await client.get(url) : await client.post(url, { email: 'x@y.se', name: 'X', role: 'admin', password: 'long enough password' });

    expect(response.status).toBe(403);
    expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Your role may not do this' });
  });

  it('lets an admin create, list and deactivate users; deactivation ends the user’s sessions', async () => {
    const admin = await TestClient.signedIn(app, 'admin');
    const created = await admin.post('/api/users', { email: 'New.Tech@Test.Privdesk.Local', name: 'Nils Ny', role: 'technician', password: 'a long enough password' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.tech@test.privdesk.local', role: 'technician', active: true });
    expect(created.body).not.toHaveProperty('passwordHash');

    const technician = new TestClient(app);
    expect((await technician.login('new.tech@test.privdesk.local', 'a long enough password')).status).toBe(200);

    const deactivated = await admin.edit(`/api/users/${created.body.id}`, { active: false });
    expect(deactivated.body.active).toBe(false);
    expect((await technician.get('/api/customers')).status).toBe(401);
    expect((await new TestClient(app).login('new.tech@test.privdesk.local', 'a long enough password')).status).toBe(401);
    expect((await admin.get('/api/users')).body.map((user: { email: string }) => user.email)).toContain('new.tech@test.privdesk.local');
  });

  it('rejects bad user input with field messages, a duplicate e-mail with 409, an unknown id with 404', async () => {
    const admin = await TestClient.signedIn(app, 'admin');
    const staff = await createStaff(app, 'sales');

    const invalid = await admin.post('/api/users', { email: 'not-an-email', name: '', role: 'boss', password: 'short', isAdmin: true });
    const duplicate = await admin.post('/api/users', { email: staff.email, name: 'Dup', role: 'sales', password: 'a long enough password' });
    const missing = await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { version: 1, name: 'X' });
    const badId = await admin.patch('/api/users/not-a-uuid', { version: 1, name: 'X' });

    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.fields).sort()).toEqual(['email', 'isAdmin', 'name', 'password', 'role']);
    expect(invalid.body.fields.password).toEqual(['The password must be at least 12 characters']);
    expect(duplicate.status).toBe(409);
    expect(missing.status).toBe(404);
    expect(badId.status).toBe(400);
  });

  it('never stores the password, only an argon2id hash', async () => {
    const staff = await createStaff(app, 'sales', 'my secret passphrase');
    const [row] = await dataSourceOf(app).query('SELECT password_hash FROM staff_user WHERE email = $1', [staff.email]);

    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('my secret passphrase');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const client = await TestClient.signedIn(app, 'sales');
    const response = await app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: {
        'content-type': 'application/json',
        cookie: `privdesk_session=${client.cookie('privdesk_session')}; XSRF-TOKEN=${client.cookie('XSRF-TOKEN')}`,
        'x-xsrf-token': decodeURIComponent(client.cookie('XSRF-TOKEN') ?? ''),
      },
      payload: '{"type": ',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });
});

describe('sign-in rate limit (API)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '3' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 429 after too many attempts for one account, and keeps other accounts open', async () => {
    const client = new TestClient(app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await client.login('victim@test.privdesk.local', 'guess')).status);
    const other = await createStaff(app, 'sales');

    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await new TestClient(app).login(other.email, other.password)).status).toBe(200);
  });
});

/** A wrong sign-in from a browser that claims, through X-Forwarded-For, to be somewhere else each time. */
async function wrongSignInVia(app: NestFastifyApplication, email: string, forwardedFor: string): Promise<number> {
  const headers = { 'x-forwarded-for': forwardedFor };
  const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers });
  const token = session.cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { ...headers, cookie: session.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '), 'x-xsrf-token': decodeURIComponent(token) },
    payload: { email, password: 'a wrong guess' },
  });
  return login.statusCode;
}

describe('sign-in rate limit and proxies (API)', () => {
  it('keys the limit on the connection, not on X-Forwarded-For, when no proxy is trusted (the default)', async () => {
    const app = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10' });
    try {
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 12; attempt++) statuses.push(await wrongSignInVia(app, 'rotating@test.privdesk.local', `198.51.100.${attempt}`));

      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await app.close();
    }
  });

  it('behind one trusted proxy, limits each client by the address the proxy saw, whatever the client adds in front', async () => {
    const app = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '2', TRUST_PROXY_HOPS: '1' });
    try {
      const first: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) first.push(await wrongSignInVia(app, 'proxied@test.privdesk.local', `10.9.9.${attempt}, 203.0.113.7`));
      const otherClient = await wrongSignInVia(app, 'proxied@test.privdesk.local', '203.0.113.8');

      expect(first).toEqual([401, 401, 429]);
      expect(otherClient).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('shares the counts between API instances through Redis', async () => {
    const [one, two] = [await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '2' }), await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '2' })];
    try {
      const statuses = [
        await wrongSignInVia(one, 'shared@test.privdesk.local', '198.51.100.1'),
        await wrongSignInVia(two, 'shared@test.privdesk.local', '198.51.100.2'),
        await wrongSignInVia(one, 'shared@test.privdesk.local', '198.51.100.3'),
      ];

      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
