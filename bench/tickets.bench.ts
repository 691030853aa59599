/**
 * Tickets benchmark (not a test): seeds N tickets with two entries each, then loads the ticket
 * list and its full-text search over HTTP, against Privdesk's real API and against a bare
 * node:http + pg route running the same SQL, in the same run. The load comes from a second
 * process (bench/http-load.mjs) on loopback. Records requests/s, latency percentiles and the
 * API/bare ratio, shows the query plans of the slowest search, and writes bench/results.json.
 * Run: npm run bench -- tickets [--rows 1000000] [--seconds 12] [--concurrency 8] [--keep-database]
 * (--keep-database leaves the scratch database for study and prints its name; drop it afterwards.)
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import 'reflect-metadata';
import { hashPassword } from '../libs/server/src/auth/password';
import { migrateDatabase } from '../libs/server/src/database/migrate';
import { RANK_ALL_MATCHES_UP_TO, ticketListSql } from '../libs/server/src/tickets/ticket-list.sql';
import { HttpBenchResult, LoadFigures, writeResults } from './bench-results';
import { seedTickets } from './tickets-seed';

const STAFF = { email: 'bank.tekniker@bench.privdesk.local', password: 'correct horse battery staple' };
const MIN_RATIO = 0.8;
const MAX_SEARCH_P95_MS = 50;

interface LoadOutput extends LoadFigures {
  sent: number;
  statuses: Record<string, number>;
  perPath: Array<LoadFigures & { path: string; matches: number | null }>;
}

interface Scenario {
  name: string;
  paths: string[];
  concurrency: number;
  aims: HttpBenchResult['aims'];
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

/** The serial number the seed writes into ticket `n`'s description (see tickets-seed.ts). */
const serialOf = (n: number) => `SN${(n * 7919 + 1000003).toString(16).toUpperCase()}`;

/** Search terms from common to unique, Swedish and English, words, phrases and numbers. */
function searchTerms(rows: number): string[] {
  return [
    'skrivare',
    'printer',
    'router',
    'långsam dator',
    'vpn',
    '"blue screen"',
    'moderkort',
    'ThinkPad',
    'kondensator fläkt',
    serialOf(Math.ceil(rows / 3)),
    serialOf(rows),
    `#${Math.ceil(rows / 2)}`,
  ];
}

function startServers(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; apiPort: number; barePort: number }> {
  // Request logs go to the child's stdout, which is discarded: written as in production, not shown.
  const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(__dirname, 'tickets-server.ts')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { apiPort: number; barePort: number }) => resolve({ child, ...message }));
    child.once('exit', (code) => reject(new Error(`The benchmark's servers exited with ${code}`)));
  });
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

/** Signs in like the web app: fetch the session (and the CSRF cookie), then POST the credentials with the token. */
async function signIn(origin: string): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  cookiesOf(await fetch(`${origin}/api/auth/session`), jar);
  const token = decodeURIComponent(jar.get('XSRF-TOKEN') ?? '');
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header(), 'x-xsrf-token': token },
    body: JSON.stringify(STAFF),
  });
  if (login.status !== 200) throw new Error(`Sign-in failed with ${login.status}: ${await login.text()}`);
  cookiesOf(login, jar);
  return header();
}

/** Both servers must answer every path with the same tickets before their speeds are compared. */
async function checkSameAnswers(apiOrigin: string, bareOrigin: string, cookie: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    const [api, bare] = await Promise.all([fetch(`${apiOrigin}${path}`, { headers: { cookie } }), fetch(`${bareOrigin}${path}`)]);
    if (api.status !== 200 || bare.status !== 200) throw new Error(`${path}: API ${api.status}, bare ${bare.status}: ${await api.text()}`);
    const [a, b] = (await Promise.all([api.json(), bare.json()])) as Array<{ total: number; items: Array<{ id: string }> }>;
    const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id).join();
    if (a.total !== b.total || ids(a) !== ids(b)) throw new Error(`${path}: the API and the bare route disagree (${a.total} vs ${b.total} tickets)`);
  }
}

function load(origin: string, paths: string[], headers: Record<string, string>, concurrency: number, seconds: number): Promise<LoadOutput> {
  const config = JSON.stringify({ origin, paths, headers, concurrency, warmupSeconds: 3, seconds });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'http-load.mjs'), config], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`The load process exited with ${code}`))));
  });
}

const strip = ({ requests, errors, seconds, requestsPerSecond, p50, p95, p99, max }: LoadFigures): LoadFigures => ({ requests, errors, seconds, requestsPerSecond, p50, p95, p99, max });

async function explain(client: Client, title: string, sql: string, params: unknown[]): Promise<void> {
  const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  console.log(`\n${title}\n${plan.rows.map((row: Record<string, string>) => `  ${row['QUERY PLAN']}`).join('\n')}`);
}

async function commits(client: Client): Promise<number> {
  const [row] = (await client.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`)).rows;
  return Number(row.xact_commit);
}

async function closeServers(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('close');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill();
}

export async function ticketsBench(
  rows: number,
  seconds: number,
  concurrency: number,
  keepDatabase = false,
): Promise<{ results: HttpBenchResult[]; seedSeconds: number; database: Record<string, number> }> {
  const server = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/privdesk_bench_${Date.now()}`;
  const databaseUrl = server.toString();
  await migrateDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl, application_name: 'privdesk-bench-seed' });
  await client.connect();
  let servers: ChildProcess | undefined;
  const results: HttpBenchResult[] = [];
  try {
    console.log(`Seeding ${rows.toLocaleString('en')} tickets with two entries each …`);
    const passwordHash = await hashPassword(STAFF.password);
    const [viewerId, seedSeconds] = await timed(() => seedTickets(client, rows, { email: STAFF.email, passwordHash }, (line) => console.log(line)));
    console.log(`Seeded in ${seedSeconds.toFixed(0)} s`);

    const started = await startServers({
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `privdesk-bench-${Date.now()}`,
      BENCH_VIEWER_ID: viewerId,
    });
    servers = started.child;
    const apiOrigin = `http://127.0.0.1:${started.apiPort}`;
    const bareOrigin = `http://127.0.0.1:${started.barePort}`;
    const cookie = await signIn(apiOrigin);

    const searches = searchTerms(rows).map((term) => `/api/tickets?q=${encodeURIComponent(term)}&page=1&pageSize=25`);
    const scenarios: Scenario[] = [
      { name: 'tickets.list.active', paths: ['/api/tickets?view=all&active=true&page=1&pageSize=25'], concurrency, aims: { minRatio: MIN_RATIO } },
      { name: 'tickets.list.mine', paths: ['/api/tickets?view=mine&active=true&page=1&pageSize=25'], concurrency, aims: { minRatio: MIN_RATIO } },
      { name: 'tickets.search', paths: searches, concurrency, aims: { minRatio: MIN_RATIO, maxP95Ms: MAX_SEARCH_P95_MS } },
      // One user at a time: the latency without queueing behind other requests on a small machine.
      { name: 'tickets.search.single', paths: searches, concurrency: 1, aims: { maxP95Ms: MAX_SEARCH_P95_MS } },
    ];
    const commitsBefore = await commits(client);
    let apiSent = 0;
    let bareSent = 0;
    for (const scenario of scenarios) {
      await checkSameAnswers(apiOrigin, bareOrigin, cookie, scenario.paths);
      console.log(`${scenario.name}: ${scenario.concurrency} connection(s), ${seconds} s each against the API and the bare route …`);
      const api = await load(apiOrigin, scenario.paths, { cookie }, scenario.concurrency, seconds);
      const bare = await load(bareOrigin, scenario.paths, {}, scenario.concurrency, seconds);
      apiSent += api.sent;
      bareSent += bare.sent;
      if (api.errors || bare.errors) console.log(`  errors: API ${JSON.stringify(api.statuses)}, bare ${JSON.stringify(bare.statuses)}`);
      const ratio = api.requestsPerSecond / bare.requestsPerSecond;
      const met = ratio >= (scenario.aims.minRatio ?? 0) && api.p95 <= (scenario.aims.maxP95Ms ?? Infinity) && api.errors === 0;
      results.push({
        name: scenario.name,
        paths: scenario.paths,
        concurrency: scenario.concurrency,
        api: strip(api),
        baseline: strip(bare),
        ratio,
        aims: scenario.aims,
        met,
        ...(scenario.paths.length > 1
          ? {
              perPath: api.perPath.map((entry, index) => ({
                path: entry.path,
                matches: entry.matches,
                api: { p50: entry.p50, p95: entry.p95 },
                baseline: { p50: bare.perPath[index].p50, p95: bare.perPath[index].p95 },
              })),
            }
          : {}),
      });
    }

    // What each API request costs the database beyond the bare route's two queries. Closing the
    // servers makes their connections report their statistics.
    await closeServers(servers);
    const [session] = (await client.query(`SELECT n_tup_ins + n_tup_upd AS writes FROM pg_stat_user_tables WHERE relname = 'staff_session'`)).rows;
    const transactions = (await commits(client)) - commitsBefore;
    const database = {
      transactionsPerApiRequest: (transactions - 2 * bareSent) / apiSent,
      transactionsPerBareRequest: 2,
      sessionWritesPerApiRequest: Number(session.writes) / apiSent,
    };
    console.log(
      `Database work per API request: ≈${database.transactionsPerApiRequest.toFixed(1)} transactions (bare route: 2), ${database.sessionWritesPerApiRequest.toFixed(2)} session writes`,
    );

    // Where the time goes: the plans of the slowest search term and of the list's count.
    const search = results.find((result) => result.name === 'tickets.search');
    const slowest = search?.perPath?.reduce((worst, entry) => (entry.api.p95 > worst.api.p95 ? entry : worst));
    if (slowest) {
      const q = new URL(slowest.path, apiOrigin).searchParams.get('q') ?? '';
      const viewer = { id: viewerId, readsInternalNotes: true };
      const { countSql, params } = ticketListSql({ q, page: 1, pageSize: 25 }, viewer);
      const [{ total }] = (await client.query<{ total: number }>(countSql, params)).rows;
      const { sql } = ticketListSql({ q, page: 1, pageSize: 25 }, viewer, { recentMatchesOnly: total > RANK_ALL_MATCHES_UP_TO });
      await explain(client, `Slowest search, q=${q}: page`, sql, params);
      await explain(client, `Slowest search, q=${q}: count (capped)`, countSql, params);
    }
    const list = ticketListSql({ view: 'all', active: true, page: 1, pageSize: 25 }, { id: viewerId, readsInternalNotes: true });
    await explain(client, 'Active list: count', list.countSql, list.params);
    return { results, seedSeconds, database };
  } finally {
    if (servers) await closeServers(servers);
    await client.end();
    if (keepDatabase) {
      console.log(`Kept the scratch database: ${databaseUrl}`);
    } else {
      const admin = new URL(server);
      admin.pathname = '/postgres';
      const cleanup = new Client({ connectionString: admin.toString() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${server.pathname.slice(1)}" WITH (FORCE)`);
      await cleanup.end();
    }
  }
}

function printTable(results: HttpBenchResult[]): void {
  const ms = (value: number) => value.toFixed(1).padStart(7);
  const rps = (value: number) => value.toFixed(0).padStart(7);
  console.log('\nscenario               API req/s  bare req/s  ratio   API p50    p95    p99 | bare p50    p95    p99  aims');
  for (const r of results) {
    const aims = [r.aims.minRatio ? `≥${r.aims.minRatio}×` : '', r.aims.maxP95Ms ? `p95≤${r.aims.maxP95Ms} ms` : ''].filter(Boolean).join(', ');
    console.log(
      `${r.name.padEnd(22)} ${rps(r.api.requestsPerSecond)}    ${rps(r.baseline.requestsPerSecond)}  ${r.ratio.toFixed(2).padStart(5)}  ${ms(r.api.p50)}${ms(r.api.p95)}${ms(r.api.p99)} |${ms(r.baseline.p50)}${ms(r.baseline.p95)}${ms(r.baseline.p99)}  ${aims}: ${r.met ? 'met' : 'MISSED'}`,
    );
    for (const entry of r.perPath ?? []) {
      const q = new URL(entry.path, 'http://x').searchParams.get('q') ?? '';
      console.log(`    q=${q.padEnd(20)} ${String(entry.matches ?? '?').padStart(8)} matches   API p50 ${ms(entry.api.p50)} p95 ${ms(entry.api.p95)} | bare p50 ${ms(entry.baseline.p50)} p95 ${ms(entry.baseline.p95)}`);
    }
  }
}

if (require.main === module) {
  const rows = option('rows', 1_000_000);
  const seconds = option('seconds', 12);
  const concurrency = option('concurrency', 8);
  ticketsBench(rows, seconds, concurrency, process.argv.includes('--keep-database'))
    .then(({ results, seedSeconds, database }) => {
      printTable(results);
      writeResults('tickets', results, { rows, entriesPerTicket: 2, seedSeconds, secondsPerScenario: seconds, database });
    })
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
