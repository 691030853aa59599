import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const url = new URL(process.env['TEST_TEMPLATE_DATABASE_URL'] as string);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
