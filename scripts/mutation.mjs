#!/usr/bin/env node
/**
 * `npm run mutation [-- <area>…] [--static] [--incremental]`: mutation testing (StrykerJS), not a
 * test — like the benchmarks, outside `npm test`. Each area mutates its code and runs its unit
 * tests against every mutant (tools/mutation/<area>.stryker.config.mjs, docs/mutation.md):
 *   domain   all of libs/domain/src
 *   server   the retention, rights and access-check code of libs/server that unit tests reach
 * Prints the mutation score per area and writes reports/mutation/results.json; the HTML reports
 * are reports/mutation/<area>/index.html (not in git).
 *   --static       also test static mutants (module-level constants: over an hour for the domain)
 *   --incremental  re-test only mutants whose code or tests changed since the last run
 * Needs no database. One test runner at a time (concurrency 1).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const AREAS = ['domain', 'server'];
const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const unknownFlags = [...flags].filter((flag) => !['--static', '--incremental'].includes(flag));
const chosen = args.filter((arg) => !arg.startsWith('--'));
const unknownAreas = chosen.filter((area) => !AREAS.includes(area));
if (unknownFlags.length || unknownAreas.length) {
  console.error(`Usage: npm run mutation -- [${AREAS.join('|')}]… [--static] [--incremental]`);
  process.exit(2);
}
const areas = chosen.length ? chosen : AREAS;

/** Stryker's statuses: detected mutants count for the score, undetected against it; the rest not at all. */
function tally(report) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  const files = {};
  for (const [path, file] of Object.entries(report.files)) {
    const perFile = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
    for (const mutant of file.mutants) {
      const key = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', Ignored: 'ignored' }[mutant.status] ?? 'errors';
      perFile[key]++;
      counts[key]++;
    }
    files[path] = { score: score(perFile), ...perFile };
  }
  return { score: score(counts), ...counts, files };
}

function score({ killed, timeout, survived, noCoverage }) {
  const valid = killed + timeout + survived + noCoverage;
  return valid ? Math.round(((killed + timeout) / valid) * 10000) / 100 : null;
}

const resultsFile = join(root, 'reports/mutation/results.json');
const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { areas: {} };
let failed = false;
for (const area of areas) {
  const started = Date.now();
  const extra = flags.has('--incremental') ? ['--incremental', '--incrementalFile', `reports/mutation/${area}/stryker-incremental.json`] : [];
  console.log(`\n=== mutation testing: ${area} ===`);
  const run = spawnSync('npx', ['stryker', 'run', `tools/mutation/${area}.stryker.config.mjs`, ...extra], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MUTATION_STATIC: flags.has('--static') ? '1' : '0' },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    console.error(`Stryker failed for ${area} (exit ${run.status ?? run.signal})`);
    failed = true;
    continue;
  }
  const report = JSON.parse(readFileSync(join(root, `reports/mutation/${area}/mutation.json`), 'utf8'));
  results.areas[area] = { date: new Date().toISOString(), seconds, static: flags.has('--static'), incremental: flags.has('--incremental'), ...tally(report) };
}

mkdirSync(dirname(resultsFile), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log('\nMutation score per area (killed + timed out of killed + timed out + survived + no coverage):');
for (const area of areas) {
  const result = results.areas[area];
  if (!result) continue;
  console.log(
    `  ${area.padEnd(8)} ${String(result.score ?? '–').padStart(6)} %  killed ${result.killed}, timed out ${result.timeout}, survived ${result.survived}, no coverage ${result.noCoverage}, ignored ${result.ignored}  (${Math.round(result.seconds / 60)} min)`,
  );
  for (const [path, file] of Object.entries(result.files)) {
    if (file.survived || file.noCoverage) console.log(`           ${String(file.score ?? '–').padStart(6)} %  ${path}: ${file.survived} survived, ${file.noCoverage} no coverage`);
  }
}
console.log(`Written to ${resultsFile.slice(root.length + 1)}; HTML reports in reports/mutation/<area>/index.html`);
process.exit(failed ? 1 : 0);
