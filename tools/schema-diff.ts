/**
 * Prints the SQL that would bring a database at the latest migration in line with the
 * entities — the starting point for a new migration, read and edited by a person.
 * Usage: npx ts-node -r tsconfig-paths/register -P tools/tsconfig.json tools/schema-diff.ts postgres://…
 */
import 'reflect-metadata';
import { createDataSource } from '../libs/server/src/database/data-source';

async function main() {
  const url = process.argv[2];
  if (!url) throw new Error('Pass a DATABASE_URL of a scratch database');
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  for (const query of sql.upQueries) console.log(`${query.query};`);
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
