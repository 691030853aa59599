import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Role } from '@privdesk/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/api/http-app';
import { hashPassword } from '../src/auth/password';
import { StaffUser } from '../src/auth/staff-user.entity';
import { AppConfig, loadConfig } from '../src/core/config';

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env['DATABASE_URL'],
    REDIS_URL: process.env['REDIS_URL'],
    QUEUE_PREFIX: process.env['QUEUE_PREFIX'],
    SESSION_SECRET: 'test-session-secret-that-is-long-enough-123',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    WEB_DIST: '',
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    PUBLIC_FORMS_PER_MINUTE: '1000',
    ...overrides,
  });
}

/** The production HTTP app on the test database. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const app = await createHttpApp(testConfig(overrides));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export function dataSourceOf(app: NestFastifyApplication): DataSource {
  return app.get<DataSource>(getDataSourceToken());
}

let userCounter = 0;

/** A staff user straight in the database (a factory, not an API call). */
export async function createStaff(app: NestFastifyApplication, role: Role, password = 'correct horse battery staple'): Promise<{ email: string; password: string; id: string }> {
  const email = `${role}-${++userCounter}-${randomBytes(3).toString('hex')}@test.privdesk.local`;
  const user = await dataSourceOf(app)
    .getRepository(StaffUser)
    .save({ email, name: `Test ${role}`, role, passwordHash: await hashPassword(password), active: true });
  return { email, password, id: user.id };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = any;

interface Response<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  /** The body's bytes, for PDFs and other downloads. */
  raw: Buffer;
}

/** A browser-like client: keeps cookies and echoes the CSRF token like the web app does. */
export class TestClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: NestFastifyApplication) {}

  static async signedIn(app: NestFastifyApplication, role: Role): Promise<TestClient> {
    const staff = await createStaff(app, role);
    const client = new TestClient(app);
    const response = await client.login(staff.email, staff.password);
    if (response.status !== 200) throw new Error(`Sign-in failed: ${JSON.stringify(response.body)}`);
    return client;
  }

  async login(email: string, password: string) {
    await this.get('/api/auth/session');
    return this.post('/api/auth/login', { email, password });
  }

  get<T = Json>(url: string) {
    return this.request<T>('GET', url);
  }

  post<T = Json>(url: string, payload?: unknown, options: { csrf?: boolean } = {}) {
    return this.request<T>('POST', url, payload, options);
  }

  patch<T = Json>(url: string, payload?: unknown) {
    return this.request<T>('PATCH', url, payload);
  }

  /**
   * Edits a record as a form does: loads it for its version, then sends the changes with that
   * version (PATCH, or PUT for the policies' further bases).
   */
  async edit<T = Json>(url: string, changes: object) {
    const version = await this.versionOf(url);
    return this.request<T>(url.endsWith('/additional-bases') ? 'PUT' : 'PATCH', url, { ...changes, version });
  }

  /** The version of the record an edit URL names, read where the web app reads it. */
  async versionOf(url: string): Promise<number> {
    const record = await this.current(url);
    if (typeof record.version !== 'number') throw new Error(`No version to edit ${url} with`);
    return record.version;
  }

  /** The record an edit URL names, as stored now (contacts and agreements through their customer, users and policies from their lists). */
  async current(url: string): Promise<Json> {
    const path = url.replace(/\/additional-bases$/, '');
    const nested = /^(\/api\/customers\/[^/]+)\/(contacts|agreements)\/([^/]+)$/.exec(path);
    const listed = /^(\/api\/(?:users|policies))\/([^/]+)$/.exec(path);
    if (nested) return ((await this.get(nested[1])).body[nested[2]] as Json[]).find((item) => item.id === nested[3]) ?? {};
    if (listed) return ((await this.get<Json[]>(listed[1])).body as Json[]).find((item) => item.id === listed[2] || item.code === listed[2]) ?? {};
    return (await this.get(path)).body;
  }

  put<T = Json>(url: string, payload?: unknown) {
    return this.request<T>('PUT', url, payload);
  }

  /** A POST with extra headers (an Idempotency-Key, say). */
  postWithHeaders<T = Json>(url: string, payload: unknown, headers: Record<string, string>) {
    return this.request<T>('POST', url, payload, {}, undefined, headers);
  }

  /** A multipart/form-data body (see multipart.ts), as a browser's form sends it. */
  postMultipart<T = Json>(url: string, form: { body: Buffer; contentType: string }) {
    return this.request<T>('POST', url, form.body, {}, form.contentType);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  delete<T = Json>(url: string) {
    return this.request<T>('DELETE', url);
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    options: { csrf?: boolean } = {},
    contentType?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...extraHeaders };
    if (this.cookies.size) headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const token = this.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && token && options.csrf !== false) headers['x-xsrf-token'] = decodeURIComponent(token);
    const response = await this.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const body = response.body ? (response.headers['content-type']?.toString().includes('json') ? response.json() : response.body) : undefined;
    return { status: response.statusCode, body: body as T, headers: response.headers, raw: response.rawPayload };
  }
}
