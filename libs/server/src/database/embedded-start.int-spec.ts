import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitOf, startProcess, waitFor, withoutServers } from '../../test/processes';

/**
 * The embedded default: `npm start` with no DATABASE_URL and no REDIS_URL runs a real
 * PostgreSQL from node_modules and BullMQ on its PostgreSQL backend. Needs the built apps.
 */
describe('start command on the embedded default (no servers)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'privdesk-embedded-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  chmodSync(dataDir, 0o755);
  const port = 31_000 + Math.floor(Math.random() * 1000);
  const pgPort = 55_000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the database, migrates, creates the first admin from the environment, serves the API and stops cleanly', async () => {
    const launcher = startProcess('scripts/start.mjs', ['--no-build', '--no-demo'], withoutServers({
      PRIVDESK_DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      FIRST_ADMIN_EMAIL: 'owner@embedded.test',
      FIRST_ADMIN_PASSWORD: 'embedded admin password',
      LOG_LEVEL: 'warn',
    }));
    try {
      const health = await waitFor(async () => {
        const response = await fetch(`${base}/api/health`);
        return response.ok ? response.json() : undefined;
      }, 'the API on the embedded database', 90_000).catch((error) => {
        throw new Error(`${error.message}; the start command said:\n${launcher.output()}`);
      });
      expect(health).toEqual({ status: 'ok', database: 'up', queue: { backend: 'postgres', status: 'up' } });

      const session = await fetch(`${base}/api/auth/session`);
      const cookies = session.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
      const token = decodeURIComponent(cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '');
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-xsrf-token': token },
        body: JSON.stringify({ email: 'owner@embedded.test', password: 'embedded admin password' }),
      });
      expect(login.status).toBe(200);
      expect(launcher.output()).toContain('First admin created: owner@embedded.test');
    } finally {
      launcher.child.kill('SIGTERM');
      expect(await exitOf(launcher.child)).toBe(0);
    }
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 150_000);
});
