import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Each test file gets its own database, copied from the run's migrated template, so files never
 * see each other's records (a cull counts everything expired in its database).
 */
const template = process.env['TEST_TEMPLATE_DATABASE_URL'] as string;
let fileDatabase: string | null = null;

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(template);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const url = new URL(template);
  const templateName = url.pathname.slice(1);
  fileDatabase = `${templateName}_${randomBytes(3).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${fileDatabase}" TEMPLATE "${templateName}"`));
  url.pathname = `/${fileDatabase}`;
  process.env['DATABASE_URL'] = url.toString();
});

afterAll(async () => {
  if (fileDatabase) await admin((client) => client.query(`DROP DATABASE IF EXISTS "${fileDatabase}" WITH (FORCE)`));
});
