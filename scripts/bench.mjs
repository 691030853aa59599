#!/usr/bin/env node
/**
 * `npm run bench -- <name> [options]`: benchmarks (not tests). Each measures Privdesk beside a
 * baseline doing the same work in the same run, and writes bench/results.json.
 *   retention [--rows N]   cull N expired records vs raw batched SQL (default 1,000,000)
 *   tickets [--rows N]     ticket list and full-text search over HTTP at N tickets vs a bare
 *                          node:http + pg route running the same SQL (default 1,000,000;
 *                          also --seconds S per scenario, --concurrency C connections,
 *                          --keep-database to study the plans afterwards)
 *   recompute [--rows N]   saving the support policy (P4) over N governed tickets vs one raw
 *                          UPDATE of the same deadlines (default 1,000,000; --repeats R, default 5)
 *   lighthouse [--runs N]  Lighthouse (mobile, performance) of the sign-in page and the ticket list
 *                          (signed in as the demo technician), median of N runs (default 3), on the
 *                          built app started like e2e/server.mjs (build api, worker and web first;
 *                          --root DIR runs another checkout's dist/ and scripts/start.mjs, --label
 *                          NAME files the figures under that build name, default "current";
 *                          --reports DIR keeps each page's median Lighthouse report there)
 * Needs PostgreSQL and Redis like `npm test` (TEST_DATABASE_URL, REDIS_URL).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchmarks = { retention: 'bench/retention.bench.ts', tickets: 'bench/tickets.bench.ts', recompute: 'bench/recompute.bench.ts' };
const [name, ...rest] = process.argv.slice(2);
if (name === 'lighthouse') {
  await lighthouseBench(rest);
  process.exit(0);
}
if (!benchmarks[name]) {
  console.error(`Usage: npm run bench -- <${[...Object.keys(benchmarks), 'lighthouse'].join('|')}> [options]`);
  process.exit(2);
}
const result = spawnSync('npx', ['ts-node', '-r', 'tsconfig-paths/register', join(root, benchmarks[name]), ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TS_NODE_PROJECT: join(root, 'bench/tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' },
});
process.exit(result.status ?? 1);

// --- lighthouse ---------------------------------------------------------------------------------

/**
 * Lighthouse's mobile audit (its default: Moto G Power screen, simulated slow 4G and 4x CPU
 * slowdown), performance category only, of the pages a user meets first, on the production build
 * served by the API as users get it. The app runs as `e2e/server.mjs` runs it: scripts/start.mjs
 * --no-build on a fresh database with demo data and on Redis. The ticket list is audited signed in
 * as the demo technician: the cookies from signing in through the API are put in the browser
 * before its runs (Lighthouse clears caches and storage before each run but keeps cookies; a Cookie
 * header in `extraHeaders` would lose to the browser's own cookies). The median run of N (by
 * performance score, Lighthouse's own pick) is kept.
 */
async function lighthouseBench(args) {
  const option = (flag, fallback) => {
    const at = args.indexOf(flag);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
  };
  const runs = Number(option('--runs', '3'));
  const label = option('--label', 'current');
  const appRoot = resolve(option('--root', root));
  const port = option('--port', '3290');
  const reports = option('--reports', null) && resolve(option('--reports', null));
  const origin = `http://127.0.0.1:${port}`;
  const AIM = 90;
  const TECHNICIAN = { email: 'tekniker@privdesk.local', password: 'privdesk-tech-demo' };

  const { default: lighthouse } = await import('lighthouse');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  const chromeLauncher = await import('chrome-launcher');
  const { default: pg } = await import('pg');

  const database = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  database.pathname = `/privdesk_lighthouse_${Date.now()}`;
  const app = spawn(process.execPath, [join(appRoot, 'scripts/start.mjs'), '--no-build'], {
    cwd: appRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: database.toString(),
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `privdesk-lighthouse-${Date.now()}`,
      PORT: port,
      SESSION_SECRET: 'lighthouse-session-secret-long-enough-for-validation',
      DEVICE_PASSWORD_KEY: 'lighthouse-device-password-key-long-enough-for-validation',
      LOG_LEVEL: 'warn',
      WEB_DIST: join(appRoot, 'dist/apps/web/browser'),
    },
  });
  const appExited = new Promise((done) => app.once('exit', done));
  let chrome = null;
  try {
    await waitForHealth(origin, app);
    const signedIn = await signInCookies(origin, TECHNICIAN);
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const pages = [
      { name: 'lighthouse.signIn', path: '/login', cookies: [] },
      { name: 'lighthouse.ticketList', path: '/tickets', cookies: signedIn },
    ];
    const results = [];
    for (const page of pages) {
      // Lighthouse keeps the browser's cookies between runs (it clears caches and storage only).
      await setBrowserCookies(chrome.port, origin, page.cookies);
      const lhrs = [];
      for (let run = 1; run <= runs; run++) {
        const { lhr } = await lighthouse(`${origin}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        if (new URL(lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${lhr.finalDisplayedUrl}`);
        const score = Math.round(lhr.categories.performance.score * 100);
        console.log(`${label} ${page.path} run ${run}: ${score} (LCP ${Math.round(lhr.audits['largest-contentful-paint'].numericValue)} ms)`);
        lhrs.push(lhr);
      }
      const median = computeMedianRun(lhrs);
      if (reports) {
        mkdirSync(reports, { recursive: true });
        writeFileSync(join(reports, `${label}-${page.name}.json`), JSON.stringify(median));
      }
      const audit = (id) => median.audits[id]?.numericValue ?? null;
      const score = Math.round(median.categories.performance.score * 100);
      results.push({
        name: page.name,
        build: label,
        path: page.path,
        runs,
        scores: lhrs.map((lhr) => Math.round(lhr.categories.performance.score * 100)),
        score,
        fcpMs: Math.round(audit('first-contentful-paint')),
        lcpMs: Math.round(audit('largest-contentful-paint')),
        tbtMs: Math.round(audit('total-blocking-time')),
        cls: Number(audit('cumulative-layout-shift').toFixed(3)),
        speedIndexMs: Math.round(audit('speed-index')),
        transferBytes: audit('total-byte-weight'),
        lcpElement: median.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
        // Lighthouse's measure of this machine's speed at the time (higher is faster); the simulated
        // CPU slowdown multiplies what this machine took, so a busy machine scores lower.
        benchmarkIndex: Math.round(median.environment.benchmarkIndex),
        aim: AIM,
        met: score >= AIM,
      });
      const last = results.at(-1);
      console.log(`${label} ${page.path}: median ${score} — LCP ${last.lcpMs} ms, CLS ${last.cls}, TBT ${last.tbtMs} ms, ${Math.round(last.transferBytes / 1024)} KiB`);
    }
    writeLighthouseResults(label, results, {
      lighthouse: JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version,
      chromium: spawnSync(process.env.CHROME_BIN ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim(),
      formFactor: 'mobile (Lighthouse default: simulated slow 4G, 4x CPU slowdown)',
    });
  } finally {
    await chrome?.kill();
    app.kill('SIGTERM');
    await appExited;
    const admin = new URL(database);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database.pathname.slice(1)}" WITH (FORCE)`).catch(() => undefined);
    await client.end();
  }
}

async function waitForHealth(origin, app) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode} before answering`);
    const ok = await fetch(`${origin}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`${origin}/api/health did not answer within 3 minutes`);
}

/** Leaves exactly these cookies for the app's origin in the browser (Lighthouse keeps cookies between runs). */
async function setBrowserCookies(chromePort, origin, cookies) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chromePort}` });
  try {
    const page = await browser.newPage();
    await page.deleteCookie(...(await page.cookies(origin)));
    if (cookies.length) await page.setCookie(...cookies.map(([key, value]) => ({ name: key, value, url: origin })));
    await page.close();
  } finally {
    await browser.disconnect();
  }
}

/** Signs in like the web app (session first for the CSRF cookie, then the credentials); returns the cookies. */
async function signInCookies(origin, credentials) {
  const jar = new Map();
  const keep = (response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  };
  const header = () => [...jar].map(([key, value]) => `${key}=${value}`).join('; ');
  keep(await fetch(`${origin}/api/auth/session`));
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header(), 'x-xsrf-token': decodeURIComponent(jar.get('XSRF-TOKEN') ?? '') },
    body: JSON.stringify(credentials),
  });
  if (login.status !== 200) throw new Error(`Sign-in failed with ${login.status}: ${await login.text()}`);
  keep(login);
  return [...jar];
}

/** bench/results.json's `lighthouse` entry keeps one set of results per build name (e.g. before/after). */
function writeLighthouseResults(label, results, details) {
  const file = join(root, 'bench/results.json');
  let all = {};
  try {
    all = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    all = {};
  }
  const kept = (all.lighthouse?.results ?? []).filter((result) => result.build !== label);
  all.lighthouse = { measuredAt: new Date().toISOString(), node: process.version, cpus: cpus().length, ...details, results: [...kept, ...results] };
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  console.log(`Results written to ${file}`);
}
