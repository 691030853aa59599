import { defineConfig } from '@playwright/test';

const port = process.env['E2E_PORT'] ?? '3210';

/** Browser journeys against the built app; Debian's chromium, never a downloaded browser. */
export default defineConfig({
  testDir: './journeys',
  outputDir: '../dist/e2e/test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: '../dist/e2e/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node e2e/server.mjs',
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    // E2E_REUSE=1 runs the journeys against an app already started with `node e2e/server.mjs` on E2E_PORT.
    reuseExistingServer: !!process.env['E2E_REUSE'],
    // SIGTERM lets the start command stop the API and the worker (and drop the run's database).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
