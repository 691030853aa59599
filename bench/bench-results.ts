import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

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

/** Throughput and latency of one HTTP scenario under fixed concurrency, from the load process. */
export interface LoadFigures {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  /** Milliseconds per request, measured by the load process. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One HTTP scenario against Privdesk's API beside a bare route running the same SQL. */
export interface HttpBenchResult {
  name: string;
  /** Example request; scenarios with several queries rotate through `paths`. */
  paths: string[];
  concurrency: number;
  api: LoadFigures;
  baseline: LoadFigures;
  /** The API's requests per second over the baseline's: 1.0 is as fast as the bare route. */
  ratio: number;
  /** The aims the issue sets for this scenario, and whether this run met them. */
  aims: { minRatio?: number; maxP95Ms?: number };
  met: boolean;
  /** Per-query figures for scenarios that rotate through several queries. */
  perPath?: Array<{ path: string; matches: number | null; api: Pick<LoadFigures, 'p50' | 'p95'>; baseline: Pick<LoadFigures, 'p50' | 'p95'> }>;
}

const FILE = join(__dirname, 'results.json');

/** Every benchmark writes into one results file, keyed by benchmark, with the machine it ran on. */
export function writeResults(benchmark: string, results: BenchResult[] | HttpBenchResult[], details: Record<string, unknown> = {}): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch {
    all = {};
  }
  all[benchmark] = { measuredAt: new Date().toISOString(), node: process.version, cpus: cpus().length, ...details, results };
  writeFileSync(FILE, JSON.stringify(all, null, 2) + '\n');
  console.log(`Results written to ${FILE}`);
}

/** A benchmark's own database goes when it ends. */
export async function dropDatabase(server: URL): Promise<void> {
  const admin = new URL(server);
  admin.pathname = '/postgres';
  const cleanup = new DataSource({ type: 'postgres', url: admin.toString() });
  await cleanup.initialize();
  await cleanup.query(`DROP DATABASE IF EXISTS "${server.pathname.slice(1)}" WITH (FORCE)`);
  await cleanup.destroy();
}
