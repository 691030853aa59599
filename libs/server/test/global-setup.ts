import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

// Global setup runs outside Jest's module resolver: teach Node the workspace's path aliases.
const workspace = loadConfig(join(__dirname, '../../../tsconfig.base.json'));
if (workspace.resultType === 'success') register({ baseUrl: workspace.absoluteBaseUrl, paths: workspace.paths });

/** A fresh database per run, migrations applied — the template each test file copies. */
export default async function globalSetup(): Promise<void> {
  const base = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(base);
  url.pathname = `/privdesk_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  // Migrated once per run; each test file copies it (per-file-database.ts).
  process.env['TEST_TEMPLATE_DATABASE_URL'] = url.toString();
  process.env['DATABASE_URL'] = url.toString();
  process.env['REDIS_URL'] ??= 'redis://127.0.0.1:6379';
  process.env['QUEUE_PREFIX'] = `privdesk-test-${randomBytes(4).toString('hex')}`;
  const { migrateDatabase } = await import('../src/database/migrate');
  await migrateDatabase(url.toString());
}
