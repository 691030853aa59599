#!/usr/bin/env node
/**
 * Load generator for the HTTP benchmarks, run as its own process so it does not share an event
 * loop with the server it measures. Keeps `concurrency` keep-alive connections busy with GETs,
 * rotating through the given paths; after a warm-up, measures every request's latency.
 *   node bench/http-load.mjs '{"origin":"http://127.0.0.1:3000","paths":["/api/x"],"headers":{},"concurrency":8,"warmupSeconds":3,"seconds":12}'
 * Prints one JSON line: totals, requests/s, latency percentiles (ms), per-path figures, and how
 * many requests were sent in all (warm-up included).
 */
import http from 'node:http';

const { origin, paths, headers = {}, concurrency = 8, warmupSeconds = 3, seconds = 12 } = JSON.parse(process.argv[2]);
const target = new URL(origin);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function get(path) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const request = http.request({ host: target.hostname, port: target.port, path, method: 'GET', headers, agent }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        let total = null;
        if (response.statusCode === 200) {
          try {
            total = JSON.parse(Buffer.concat(chunks).toString('utf8')).total ?? null;
          } catch {
            total = null;
          }
        }
        resolve({ ok: response.statusCode === 200, status: response.statusCode, ms, total });
      });
      response.on('error', () => resolve({ ok: false, status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6, total: null }));
    });
    request.on('error', () => resolve({ ok: false, status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6, total: null }));
    request.end();
  });
}

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function figures(latencies, errors, elapsed) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : 0,
  };
}

let next = 0;
let measuring = false;
let stopping = false;
const latencies = [];
const perPath = new Map(paths.map((path) => [path, { latencies: [], matches: null }]));
const statuses = {};
let errors = 0;
let sent = 0;

async function worker() {
  while (!stopping) {
    const path = paths[next++ % paths.length];
    // Only requests sent and answered inside the measured window count.
    const counted = measuring;
    sent++;
    const result = await get(path);
    if (!counted || stopping) continue;
    if (!result.ok) {
      errors++;
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      continue;
    }
    latencies.push(result.ms);
    const entry = perPath.get(path);
    entry.latencies.push(result.ms);
    entry.matches = result.total;
  }
}

const workers = Array.from({ length: concurrency }, () => worker());
await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
measuring = true;
const started = process.hrtime.bigint();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
stopping = true;
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
await Promise.all(workers);
agent.destroy();

const summary = figures(latencies, errors, elapsed);
process.stdout.write(
  JSON.stringify({
    ...summary,
    sent,
    statuses,
    perPath: [...perPath].map(([path, entry]) => ({ path, matches: entry.matches, ...figures(entry.latencies, 0, elapsed) })),
  }) + '\n',
);
