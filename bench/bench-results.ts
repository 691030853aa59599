import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  records: number;
  seconds: number;
  rowsPerSecond: number;
  baselineSeconds: number;
  baselineRowsPerSecond: number;
  /** Privdesk's time over the baseline's: 1.0 is as fast as raw SQL. */
  ratio: number;
  /** The ratio the benchmark aims to stay within. */
  aim: number;
}

const FILE = join(__dirname, 'results.json');

/** Every benchmark writes into one results file, keyed by benchmark, with the machine it ran on. */
export function writeResults(benchmark: string, results: BenchResult[]): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch {
    all = {};
  }
  all[benchmark] = { measuredAt: new Date().toISOString(), node: process.version, cpus: cpus().length, results };
  writeFileSync(FILE, JSON.stringify(all, null, 2) + '\n');
  console.log(`Results written to ${FILE}`);
}
