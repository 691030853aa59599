/**
 * The two servers the tickets benchmark loads, in one process of their own (started by
 * tickets.bench.ts with an IPC channel): Privdesk's real HTTP API, built by createHttpApp exactly as
 * production runs it (request logging included, written to a discarded stdout), and a bare
 * node:http + pg route that runs the same ticket-list SQL and answers the same JSON, without
 * framework, validation, sessions or access checks. Each gets a pool of 10 connections.
 * Environment: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, BENCH_VIEWER_ID.
 */
import { TicketQuery, TicketView } from '@privdesk/domain';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import 'reflect-metadata';
import { createHttpApp } from '../libs/server/src/api/http-app';
import { loadConfig } from '../libs/server/src/core/config';
import { runTicketList } from '../libs/server/src/tickets/ticket-list.sql';
import { toListItem } from '../libs/server/src/tickets/tickets.service';

const LOOPBACK = '127.0.0.1';

function queryOf(url: URL): TicketQuery {
  const get = (name: string) => url.searchParams.get(name) ?? undefined;
  const number = (name: string) => (get(name) === undefined ? undefined : Number(get(name)));
  return {
    view: get('view') as TicketView | undefined,
    active: get('active') === undefined ? undefined : ['1', 'true', 'yes'].includes(String(get('active'))),
    q: get('q'),
    page: number('page'),
    pageSize: number('pageSize'),
  };
}

function startBare(databaseUrl: string, viewerId: string): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10, application_name: 'privdesk-bench-bare' });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}`);
    if (request.method !== 'GET' || url.pathname !== '/api/tickets') {
      response.writeHead(404).end();
      return;
    }
    const query = queryOf(url);
    // The bench signs in as an admin, who reads internal notes: the API searches the full vector too.
    runTicketList(query, { id: viewerId, readsInternalNotes: true }, async (sql, params) => (await pool.query(sql, params)).rows)
      .then(({ rows, total, capped }) => {
        const now = new Date();
        const body = JSON.stringify({ items: rows.map((row) => toListItem(row, now)), total, page: query.page ?? 1, pageSize: query.pageSize ?? 25, ...(capped ? { capped } : {}) });
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
      })
      .catch((error: Error) => {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ message: error.message }));
      });
  });
  return new Promise((resolve) => server.listen(0, LOOPBACK, () => resolve((server.address() as AddressInfo).port)));
}

async function main(): Promise<void> {
  const env = process.env;
  const config = loadConfig({
    NODE_ENV: 'production',
    // Plain HTTP on loopback: the session cookie may not be marked Secure.
    COOKIE_SECURE: 'false',
    DATABASE_URL: env['DATABASE_URL'],
    REDIS_URL: env['REDIS_URL'],
    QUEUE_PREFIX: env['QUEUE_PREFIX'],
    SESSION_SECRET: 'benchmark-session-secret-long-enough-123',
    LOG_LEVEL: 'info',
    WEB_DIST: '',
    HOST: LOOPBACK,
    PORT: '0',
  });
  const app = await createHttpApp(config);
  await app.listen({ port: 0, host: LOOPBACK });
  const apiPort = (app.getHttpServer().address() as AddressInfo).port;
  const barePort = await startBare(config.DATABASE_URL, env['BENCH_VIEWER_ID'] ?? '');
  process.on('message', (message) => {
    if (message === 'close') void app.close().finally(() => process.exit(0));
  });
  process.send?.({ apiPort, barePort });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
