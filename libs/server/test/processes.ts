import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '../../..');

/** Starts a Node script of the workspace (or of a copy of it) and collects its output. */
export function startProcess(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  workspace = WORKSPACE,
): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [join(workspace, script), ...args], { cwd: workspace, env: env as NodeJS.ProcessEnv });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe().catch(() => undefined);
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The environment without the servers, as a newcomer's machine has it. */
export function withoutServers(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  delete env['DATABASE_URL'];
  delete env['REDIS_URL'];
  delete env['QUEUE_PREFIX'];
  return env;
}

/** A TCP port nobody listens on now, for a server a test starts itself. */
export async function freePort(): Promise<number> {
  // Below the kernel's range for outgoing connections (32768–60999): a port found free there is not
  // taken by some client socket before the server the test starts gets to bind it.
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A Redis of the test's own, keeping nothing on disk, so the test may stop or flush it. */
export function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}
