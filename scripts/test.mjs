#!/usr/bin/env node
/**
 * `npm test`: every test there is — lint, unit tests, the API's integration tests against real
 * PostgreSQL and Redis (a fresh database per run), and the browser journeys in e2e/ (Playwright
 * driving Debian's chromium). Starts PostgreSQL and Redis first where they do not answer and
 * this is a Debian machine we are root on.
 *
 * Environment: TEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres — a server where
 * test databases may be created), REDIS_URL (redis://127.0.0.1:6379).
 * Flags: --skip-e2e.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const databaseUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const env = {
  ...process.env,
  TEST_DATABASE_URL: databaseUrl.toString(),
  REDIS_URL: redisUrl.toString(),
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  CI: process.env.CI ?? 'true',
};

const answers = (url, defaultPort) =>
  new Promise((done) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || defaultPort) });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.once('timeout', () => (socket.destroy(), done(false)));
  });

function step(title, command, commandArgs, extraEnv = {}) {
  console.log(`\n=== ${title}\n`);
  const result = spawnSync(command, commandArgs, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

async function ensureServices() {
  const up = async () => (await answers(databaseUrl, 5432)) && (await answers(redisUrl, 6379));
  if (await up()) return;
  const local = ['127.0.0.1', 'localhost', '::1'].includes(databaseUrl.hostname) && ['127.0.0.1', 'localhost', '::1'].includes(redisUrl.hostname);
  if (local && process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    step('Starting PostgreSQL and Redis', 'bash', ['scripts/services.sh']);
    if (await up()) return;
  }
  console.error('PostgreSQL and Redis must answer for the tests. Start them with: docker compose -f docker/compose.dev.yaml up -d');
  process.exit(1);
}

await ensureServices();
step('Lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--output-style=static']);
step('API document is current', 'node', ['tools/api-response-schemas.cjs', '--check']);
step('Unit tests', 'npx', ['nx', 'run-many', '-t', 'test', '--output-style=static']);
step('Build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static']);
step('API integration tests (PostgreSQL and Redis)', 'npx', ['jest', '-c', 'libs/server/jest.int.config.cts']);
if (!args.has('--skip-e2e')) step('Browser journeys (Playwright, chromium)', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts']);
console.log('\n✓ All tests passed');
