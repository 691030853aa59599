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
 * Needs PostgreSQL and Redis like `npm test` (TEST_DATABASE_URL, REDIS_URL).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchmarks = { retention: 'bench/retention.bench.ts', tickets: 'bench/tickets.bench.ts', recompute: 'bench/recompute.bench.ts' };
const [name, ...rest] = process.argv.slice(2);
if (!benchmarks[name]) {
  console.error(`Usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> [options]`);
  process.exit(2);
}
const result = spawnSync('npx', ['ts-node', '-r', 'tsconfig-paths/register', join(root, benchmarks[name]), ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TS_NODE_PROJECT: join(root, 'bench/tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true' },
});
process.exit(result.status ?? 1);
