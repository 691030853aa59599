#!/usr/bin/env node
/**
 * The app as the browser journeys see it: the built API (serving the built web app) and the
 * worker, on a fresh PostgreSQL database with demo data and on Redis. Started by Playwright.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
server.pathname = `/privdesk_e2e_${Date.now()}`;

const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--no-build'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: server.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `privdesk-e2e-${Date.now()}`,
    PORT: process.env.E2E_PORT ?? '3210',
    SESSION_SECRET: 'e2e-session-secret-long-enough-for-validation',
    DEVICE_PASSWORD_KEY: 'e2e-device-password-key-long-enough-for-validation',
    LOG_LEVEL: 'warn',
    // The journeys sign in many times from one address.
    LOGIN_ATTEMPTS_PER_MINUTE: '200',
  },
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill('SIGTERM'));
child.on('exit', async (code) => {
  // Each run has its own database; it goes when the run ends.
  const admin = new URL(server);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${server.pathname.slice(1)}" WITH (FORCE)`).catch(() => {});
  await client.end();
  process.exit(code ?? 0);
});
