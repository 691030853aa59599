import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { DataSource } from 'typeorm';
import { CsrfTokens, csrfRefused, decorateCsrf } from '../auth/csrf';
import { SESSION_COOKIE } from '../auth/session.types';
import { PgSessionStore } from '../auth/session.store';
import { AppConfig } from '../core/config';
import { invalidFields } from '../core/errors';
import { unstorableTextFields } from '../core/storable-text';
import { createValidationPipe } from '../core/validation';
import { redisOptions } from '../queue/queue.module';
import { ApiModule } from './api.module';
import { createApiDocument } from './openapi';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const limitKey = (key: string) => createHash('sha256').update(key).digest('base64url');

/** Builds the HTTP application exactly as production runs it; integration tests use the same. */
export async function createHttpApp(config: AppConfig, options: { bufferLogs?: boolean } = {}): Promise<NestFastifyApplication> {
  // X-Forwarded-For is believed only as far as the configured proxies reach: the client's address
  // keys the sign-in and form limits, and a client must not be able to choose it.
  const adapter = new FastifyAdapter({
    trustProxy: config.TRUST_PROXY_HOPS,
    bodyLimit: 1_048_576,
    // A malformed or overlong path is the client's mistake, answered in the API's one error shape.
    frameworkErrors: (error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply) => {
      const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A part of the path is longer than any id' : 'The path is not a valid URL';
      void reply.status(400).header('content-type', 'application/json; charset=utf-8').send({ statusCode: 400, error: 'Bad Request', message });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, { bufferLogs: options.bufferLogs ?? true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular Material sets inline styles on elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: config.SESSION_SECRET,
    cookieName: SESSION_COOKIE,
    store: new PgSessionStore(app.get<DataSource>(getDataSourceToken()), config.SESSION_TTL_HOURS * 3_600_000),
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', maxAge: config.SESSION_TTL_HOURS * 3_600_000 },
  });
  // Stateless tokens: a visitor who has not signed in gets no stored session (saveUninitialized is false).
  const csrf = new CsrfTokens(config.SESSION_SECRET);
  decorateCsrf(fastify, csrf, config.cookieSecure);
  const isLogin = (request: FastifyRequest) => request.method === 'POST' && request.url.split('?')[0] === '/api/auth/login';
  const isPublicForm = (request: FastifyRequest) => request.method === 'POST' && /^\/api\/public\/(inquiries|applications)(\?|$)/.test(request.url);
  // With Redis the counts are shared by every API instance; the connection closes with the app.
  const rateLimitRedis = config.REDIS_URL ? new Redis({ ...redisOptions(config.REDIS_URL), connectTimeout: 5_000, maxRetriesPerRequest: 1 }) : undefined;
  if (rateLimitRedis) {
    // ioredis reconnects by itself; while Redis is away, limited requests fail rather than go unlimited.
    rateLimitRedis.on('error', (error: Error) => new NestLogger('RateLimit').warn(`Redis: ${error.message}`));
    fastify.addHook('onClose', async () => {
      await rateLimitRedis.quit();
    });
  }
  await app.register(fastifyRateLimit, {
    global: true,
    ...(rateLimitRedis ? { redis: rateLimitRedis, nameSpace: `${config.QUEUE_PREFIX}:rate-limit:` } : {}),
    hook: 'preHandler',
    max: (request: FastifyRequest) => (isLogin(request) ? config.LOGIN_ATTEMPTS_PER_MINUTE : config.PUBLIC_FORMS_PER_MINUTE),
    timeWindow: '1 minute',
    // Only sign-in (per address and account, so one office behind NAT is not locked out by a
    // colleague) and the public forms (per address: spam) are limited.
    allowList: (request: FastifyRequest) => !isLogin(request) && !isPublicForm(request),
    // Hashed: no address or e-mail lies in the store.
    keyGenerator: (request: FastifyRequest) =>
      limitKey(isLogin(request) ? `login|${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}` : `public-form|${request.ip}`),
    errorResponseBuilder: (request: FastifyRequest, context: { after: string; statusCode: number }) => ({
      statusCode: context.statusCode,
      error: 'Too Many Requests',
      message: isLogin(request) ? `Too many sign-in attempts; try again in ${context.after}` : `Too many messages from your address; try again in ${context.after}`,
    }),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1_048_576, files: 5 } });

  // Answers of the API carry personal data: no browser or proxy keeps a copy (errors and downloads too).
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void) => {
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  // Once for every route: text the database cannot store is the client's mistake (400 naming the field).
  fastify.addHook('preValidation', (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    const fields = { ...unstorableTextFields(request.params), ...unstorableTextFields(request.query), ...unstorableTextFields(request.body) };
    done(Object.keys(fields).length ? invalidFields(fields) : undefined);
  });

  fastify.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    // Public routes carry no session; the opt-out link is authenticated by its own signed token.
    if (MUTATING.has(request.method) && request.url.startsWith('/api/') && !request.url.startsWith('/api/public/')) {
      done(csrf.verify(request) ? undefined : csrfRefused());
    } else {
      done();
    }
  });
  SwaggerModule.setup('api/docs', app, createApiDocument(app));

  await serveWebApp(app, config);
  return app;
}

/** File types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|xml|ico|map|webmanifest)$/i;
/** Angular's output hashing: `main-ABCDEFGH.js`, `chunk-ABCDEFGH.js`, `styles-ABCDEFGH.css`. */
const HASHED = /-[A-Z0-9]{8}\.(?:js|mjs|css)$/;

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(path, base);
      return Promise.resolve(entry.isFile() ? [relative(base, path)] : []);
    }),
  );
  return nested.flat();
}

/**
 * A copy of the built web app with a brotli (.br) and a gzip (.gz) twin of every compressible
 * file, made once per build under the temporary folder (kept across restarts: its name is a hash
 * of the build's file names, sizes and times) and served with `preCompressed`. A build that
 * already holds .br twins is served as it is. Made at start because the image runs read-only
 * with a writable /tmp; the compression happens once, never per request.
 */
async function precompressedWebRoot(root: string): Promise<string> {
  const files = (await listFiles(root)).sort();
  if (files.some((file) => file.endsWith('.br'))) return root;
  const stats = await Promise.all(files.map((file) => stat(join(root, file))));
  const fingerprint = createHash('sha256');
  files.forEach((file, i) => fingerprint.update(`${file}\0${stats[i].size}\0${stats[i].mtimeMs}\n`));
  const cache = join(tmpdir(), 'privdesk-web', fingerprint.digest('hex').slice(0, 16));
  if (existsSync(join(cache, '.complete'))) return cache;

  const building = `${cache}.${process.pid}.${randomBytes(6).toString('hex')}`;
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  await Promise.all(
    files.map(async (file) => {
      const target = join(building, file);
      await mkdir(dirname(target), { recursive: true });
      const content = await readFile(join(root, file));
      await writeFile(target, content);
      if (!COMPRESSIBLE.test(file) || content.length < 1024) return;
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length },
        }),
        gzipped(content, { level: 9 }),
      ]);
      if (br.length < content.length) await writeFile(`${target}.br`, br);
      if (gz.length < content.length) await writeFile(`${target}.gz`, gz);
    }),
  );
  await writeFile(join(building, '.complete'), '');
  try {
    await rename(building, cache);
  } catch {
    // Another process finished the same build first: use that copy.
    await rm(building, { recursive: true, force: true });
  }
  return cache;
}

/**
 * Cache-Control by file: names with a content hash never change (a year, immutable); index.html is
 * checked on every visit so a new build's hashed names are picked up; anything else an hour.
 */
function webCacheControl(path: string): string {
  const name = basename(path).replace(/\.(?:br|gz)$/, '');
  if (name === 'index.html') return 'no-cache';
  if (HASHED.test(name)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/** The built web app from the same origin; unknown non-API paths get index.html (client-side routes). */
async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const root = resolve(config.WEB_DIST);
  if (!config.WEB_DIST || !existsSync(join(root, 'index.html'))) {
    new NestLogger('WebApp').warn(`No built web app at ${root}; serving the API only`);
    return;
  }
  let served = root;
  try {
    served = await precompressedWebRoot(root);
  } catch (error) {
    new NestLogger('WebApp').warn(`Could not precompress the web app (${error instanceof Error ? error.message : error}); serving it uncompressed`);
  }
  await app.register(fastifyStatic, {
    root: served,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: served !== root || existsSync(join(root, 'index.html.br')),
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', webCacheControl(path));
    },
    // The compressed twins are reached through `preCompressed`, not by their own names.
    allowedPath: (pathname) => !/\.(?:br|gz)$/.test(pathname) && !pathname.endsWith('/.complete'),
  });
  // Fastify prefers exact routes over this wildcard, so the API's routes and the static files win.
  app.getHttpAdapter().getInstance().get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) {
      void reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No route for GET ${path}` });
      return;
    }
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
