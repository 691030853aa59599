import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@privdesk/domain';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { BREAKAGES, OpenApiOperation, RequestGenerator, Schema } from '../../test/openapi-fuzz';
import { createStaff, startTestApp, testConfig } from '../../test/test-app';
import { SeedModule } from '../seed/seed.module';
import { SeedService } from '../seed/seed.service';

/**
 * Every operation of the API document, called by every role with generated input — valid, broken
 * in one place, at the boundaries, in odd unicode, with NUL bytes — must answer with a status the
 * document names and a body its schema describes; a 5xx fails the test. FUZZ_SEED reproduces a run.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_201);
const ROLES: Array<Role | 'anonymous'> = ['anonymous', 'admin', 'technician', 'sales'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DEVICE_PASSWORD_KEY = 'device-password-key-for-the-tests-0123456789';

/** OpenAPI 3.0's `nullable` in plain JSON Schema, which the validator speaks. */
function jsonSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'enum' || key === 'required' ? value : jsonSchemaOf(value)]));
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

interface Session {
  cookies: Map<string, string>;
  email?: string;
  password?: string;
}

describe('the API under generated requests (OpenAPI fuzzing)', () => {
  let app: NestFastifyApplication;
  let seedContext: INestApplicationContext;
  const sessions = new Map<string, Session>();
  const ids = new Map<string, Set<string>>();
  const ownAccounts = new Set<string>();

  const send = async (session: Session, method: string, url: string, payload?: unknown) => {
    const headers: Record<string, string> = {};
    if (session.cookies.size) headers['cookie'] = [...session.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const token = session.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && token) headers['x-xsrf-token'] = decodeURIComponent(token);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}) });
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (cookie.maxAge === 0 || cookie.value === '') session.cookies.delete(cookie.name);
      else session.cookies.set(cookie.name, cookie.value);
    }
    return response;
  };

  const signIn = async (session: Session) => {
    session.cookies.clear();
    await send(session, 'GET', '/api/auth/session');
    const response = await send(session, 'POST', '/api/auth/login', { email: session.email, password: session.password });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  };

  const collectIds = (value: unknown, resource: string, key = '') => {
    if (Array.isArray(value)) value.forEach((item) => collectIds(item, resource, key));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([inner, child]) => collectIds(child, resource, inner));
    else if (typeof value === 'string' && UUID.test(value) && !ownAccounts.has(value)) {
      for (const pool of [key === 'id' ? `resource:${resource}` : key, '*']) {
        if (!ids.has(pool)) ids.set(pool, new Set());
        ids.get(pool)?.add(value);
      }
    }
  };

  const pool = (name: string) => [...(ids.get(name) ?? ids.get('*') ?? [])].sort();

  beforeAll(async () => {
    seedContext = await NestFactory.createApplicationContext(SeedModule.forRoot(testConfig({ DEVICE_PASSWORD_KEY })), { logger: false });
    await seedContext.init();
    await seedContext.get(SeedService).firstAdmin('fuzz-owner@test.privdesk.local', 'a-fuzz-password-long-enough');
    await seedContext.get(SeedService).demo();
    app = await startTestApp({ DEVICE_PASSWORD_KEY });
    sessions.set('anonymous', { cookies: new Map() });
    for (const role of ROLES.filter((role): role is Role => role !== 'anonymous')) {
      const staff = await createStaff(app, role);
      ownAccounts.add(staff.id);
      const session: Session = { cookies: new Map(), email: staff.email, password: staff.password };
      await signIn(session);
      sessions.set(role, session);
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await seedContext?.close();
  });

  it('answers every operation, for every role, with a documented status and body — never a 5xx', async () => {
    const admin = sessions.get('admin') as Session;
    const document = JSON.parse((await send(admin, 'GET', '/api/docs-json')).body);
    const components = document.components.schemas as Record<string, Schema>;
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    addFormats(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema({ $id: 'api', components: { schemas: jsonSchemaOf(components) } });
    const validators = new Map<string, ValidateFunction>();
    const validatorFor = (schema: object) => {
      const key = JSON.stringify(schema);
      if (!validators.has(key)) validators.set(key, ajv.compile(jsonSchemaOf(JSON.parse(key.replaceAll('"#/components/schemas/', '"api#/components/schemas/'))) as object));
      return validators.get(key) as ValidateFunction;
    };

    const operations: Array<{ path: string; method: string; operation: OpenApiOperation }> = [];
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, OpenApiOperation>>)) {
      for (const method of METHODS) if (item[method]) operations.push({ path, method, operation: item[method] });
    }
    expect(operations.length).toBeGreaterThan(100);

    // Real ids make the generated requests reach the records, not only the 404s.
    for (const { path, method } of operations) {
      if (method !== 'get' || path.includes('{') || path.endsWith('.csv') || path.endsWith('.pdf') || path === '/api/docs-json') continue;
      const response = await send(admin, 'GET', path);
      if (String(response.headers['content-type']).includes('json')) collectIds(response.json(), path.split('/')[2]);
    }

    const generator = new RequestGenerator(components, SEED, pool);
    const failures: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();

    for (const { path, method, operation } of operations) {
      if (operation.operationId === 'AuthController_logout') continue;
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const resource = path.split('/')[2];
      for (const role of ROLES) {
        const session = sessions.get(role) as Session;
        const signedInOnly = Boolean(operation.security?.length);
        const cases = role === 'anonymous' && signedInOnly ? (['valid'] as const) : (['valid', 'valid', ...BREAKAGES] as const);
        for (const kind of cases) {
          const pathParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
          let url = path;
          for (const parameter of pathParameters) {
            const real = pool(parameter.name === 'id' ? `resource:${resource}` : parameter.name);
            const value =
              kind === 'valid' || generator.chance(0.5)
                ? real.length && generator.chance(0.85)
                  ? generator.pick(real)
                  : String(generator.valid(parameter.schema, parameter.name))
                : generator.pick(['not-a-uuid', '%00', '%F0%9F%92%A9', generator.uuid(), 'x'.repeat(300), '..%2F..%2Fetc', '0']);
            url = url.replace(`{${parameter.name}}`, kind === 'valid' || !/^[%.]/.test(value) ? encodeURIComponent(value) : value);
          }
          const query = new URLSearchParams();
          for (const parameter of (operation.parameters ?? []).filter((candidate) => candidate.in === 'query')) {
            if (!parameter.required && generator.chance(0.5)) continue;
            let value = generator.valid(parameter.schema, parameter.name);
            if (kind !== 'valid' && generator.chance(0.5)) value = generator.broken(value, parameter.schema, kind);
            query.append(parameter.name, typeof value === 'string' ? value : JSON.stringify(value));
          }
          if (query.size) url += `?${query}`;
          let body: unknown = undefined;
          if (bodySchema) {
            body = generator.valid(bodySchema);
            if (kind !== 'valid') body = generator.broken(body, bodySchema, kind);
          }

          const response = await send(session, method.toUpperCase(), url, body);
          requests++;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const where = `${role} ${method.toUpperCase()} ${url.slice(0, 160)} (${kind}${body === undefined ? '' : `, body ${JSON.stringify(body).slice(0, 200)}`})`;
          const documented = operation.responses[String(response.statusCode)];
          // Health answers 503 by design while the installation is degraded (no worker runs here to register the schedules).
          const degradedHealth = operation.operationId === 'HealthController_check' && response.statusCode === 503;
          if (response.statusCode >= 500 && !degradedHealth) failures.push(`${response.statusCode} for ${where}: ${response.body.slice(0, 300)}`);
          else if (!documented) failures.push(`undocumented ${response.statusCode} for ${where}: ${response.body.slice(0, 300)}`);
          else {
            const type = String(response.headers['content-type'] ?? '').split(';')[0];
            const content = documented.content;
            if (!content && response.body.length) failures.push(`a body where none is documented (${response.statusCode}) for ${where}`);
            if (content && !content[type]) failures.push(`content type ${type || 'none'} not documented (${Object.keys(content).join(', ')}) for ${where}`);
            const schema = content?.[type]?.schema;
            if (schema && type === 'application/json') {
              const validate = validatorFor(schema);
              if (!validate(response.json())) failures.push(`${response.statusCode} body does not match the document for ${where}: ${ajv.errorsText(validate.errors)}`);
            }
          }
          // A changed role or an ended session (the generated input may sign the account out) is restored.
          if (response.statusCode === 401 && role !== 'anonymous') await signIn(session);
          if (response.statusCode < 300 && method === 'get' && String(response.headers['content-type']).includes('json')) collectIds(response.json(), resource);
        }
      }
    }

    const summary = `seed ${SEED}: ${requests} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`;
    if (failures.length) {
      // One line per kind of failure (the route and what went wrong), with its first example.
      const kinds = new Map<string, string>();
      for (const failure of failures) kinds.set(failure.replace(/ for (\w+) (\w+) (\S+).*$/, (_, _role, method, url) => ` ${method} ${url.replace(/[0-9a-f-]{36}/g, ':id').slice(0, 60)}`).slice(0, 120), failure);
      throw new Error(`${failures.length} answers broke the contract (${summary}):\n${[...kinds.values()].slice(0, 60).map((line) => line.slice(0, 700)).join('\n')}`);
    }
    expect(requests).toBeGreaterThan(1000);
    // The valid half must reach the routes: not everything may be refused at the door.
    expect([...statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(requests / 10);
  }, 600_000);
});
