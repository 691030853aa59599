import { DataSource } from 'typeorm';
import { seedExpiredContacts } from '../../test/seed-expired';
import { createDataSource } from '../database/data-source';
import { notPersonalDataDeclarations, partOfDeclarations, personalDataTables } from './registry';

/** Column names that hold people's names, e-mail addresses, phone numbers or personnummer. */
const PERSONAL_NAME = /(^|_)(name|first_name|last_name|email|e_mail|phone|mobile|personnummer|address|street|postal_code|city)($|_)/;

interface ColumnRow {
  table_name: string;
  column_name: string;
  references: string | null;
}

describe('the personal-data registry against the real schema (migrations applied)', () => {
  let dataSource: DataSource;
  let columns: ColumnRow[];

  beforeAll(async () => {
    dataSource = createDataSource(process.env['DATABASE_URL'] as string);
    await dataSource.initialize();
    columns = await dataSource.query(
      `SELECT c.table_name, c.column_name,
              (SELECT ccu.table_name FROM information_schema.key_column_usage k
                 JOIN information_schema.table_constraints tc ON tc.constraint_name = k.constraint_name AND tc.constraint_type = 'FOREIGN KEY'
                 JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = k.constraint_name
                WHERE k.table_schema = 'public' AND k.table_name = c.table_name AND k.column_name = c.column_name LIMIT 1) AS references
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema = 'public' AND c.table_name <> 'schema_migration'
        ORDER BY 1, 2`,
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const suspicious = (row: ColumnRow) => row.references === 'person' || row.references === 'customer' || PERSONAL_NAME.test(row.column_name);

  it('knows every table that refers to a person or a customer or has a column for names, e-mail, phone or personnummer', () => {
    const declared = new Set([
      ...personalDataTables().map((declaration) => declaration.table),
      ...personalDataTables().flatMap((declaration) => declaration.dependants.map((dependant) => dependant.table)),
      ...partOfDeclarations().map((part) => part.table),
      ...notPersonalDataDeclarations().map((exempt) => exempt.table),
    ]);
    const undeclared = [...new Set(columns.filter(suspicious).map((row) => row.table_name))].filter((table) => !declared.has(table));

    expect(undeclared).toEqual([]);
  });

  it('lists every person reference of a declared table as a person column, and every customer reference as its customer column', () => {
    for (const declaration of personalDataTables()) {
      const own = columns.filter((row) => row.table_name === declaration.table);
      const people = own.filter((row) => row.references === 'person').map((row) => row.column_name);
      const customers = own.filter((row) => row.references === 'customer').map((row) => row.column_name);

      expect({ table: declaration.table, people: people.sort() }).toEqual({ table: declaration.table, people: [...declaration.personColumns].sort() });
      expect({ table: declaration.table, customers }).toEqual({ table: declaration.table, customers: customers.length ? [declaration.customerColumn] : [] });
    }
  });

  it('names only columns that exist: personal, free-text, dependants', () => {
    const has = (table: string, column: string) => columns.some((row) => row.table_name === table && row.column_name === column);
    for (const declaration of personalDataTables()) {
      for (const column of [...declaration.personalColumns, ...declaration.freeText, ...declaration.personColumns]) expect(`${declaration.table}.${column}: ${has(declaration.table, column)}`).toBe(`${declaration.table}.${column}: true`);
      for (const dependant of declaration.dependants) {
        for (const column of [dependant.column, ...(dependant.freeText ?? []), ...(dependant.typeColumn ? [dependant.typeColumn] : [])]) {
          expect(`${dependant.table}.${column}: ${has(dependant.table, column)}`).toBe(`${dependant.table}.${column}: true`);
        }
      }
    }
  });

  it('runs every declared label and description as SQL', async () => {
    for (const declaration of personalDataTables()) {
      await expect(dataSource.query(`SELECT ${declaration.label}, ${declaration.describe.en}, ${declaration.describe.sv} FROM ${declaration.table} t LIMIT 1`)).resolves.toBeDefined();
    }
  });

  it('keeps the retention report’s tally on every declared table, equal to counting the tables themselves', async () => {
    const triggers: Array<{ table: string; events: number }> = await dataSource.query(
      `SELECT c.relname AS table, count(*)::int AS events FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE t.tgname LIKE '%_retention_tally_%' GROUP BY 1`,
    );
    const missing = personalDataTables()
      .filter((declaration) => triggers.find((trigger) => trigger.table === declaration.table)?.events !== 3)
      .map((declaration) => `${declaration.table}: add the three retention_tally_track triggers in its migration (see 1764090000014-retention-tally.ts)`);
    expect(missing).toEqual([]);

    const customerId = await seedExpiredContacts(dataSource, 40, 'Tally');
    await dataSource.query(`UPDATE person SET retain_until = '2031-02-28' WHERE first_name = 'Tally' AND last_name LIKE 'Person 1%'`);
    await dataSource.query(`UPDATE person SET anonymised_at = now() WHERE first_name = 'Tally' AND last_name LIKE 'Person 2%'`);
    await dataSource.query(`UPDATE contact_person SET purpose = 'P3', legal_basis = 'contract' WHERE customer_id = $1 AND id IN (SELECT id FROM contact_person WHERE customer_id = $1 LIMIT 7)`, [customerId]);
    await dataSource.query(`UPDATE contact_person SET title = 'Inköpare' WHERE customer_id = $1`, [customerId]);
    await dataSource.query(`DELETE FROM contact_person WHERE customer_id = $1 AND id IN (SELECT id FROM contact_person WHERE customer_id = $1 LIMIT 5)`, [customerId]);

    const counted = async () => {
      const union = personalDataTables()
        .map(({ table }) => `SELECT '${table}' AS record_type, purpose, legal_basis, retain_until::text AS retain_until FROM ${table} WHERE anonymised_at IS NULL`)
        .join(' UNION ALL ');
      return dataSource.query(`SELECT record_type, purpose, legal_basis, retain_until, count(*)::int AS records FROM (${union}) r GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
    };
    const tallied = () =>
      dataSource.query(
        `SELECT record_type, purpose, legal_basis, retain_until::text AS retain_until, sum(records)::int AS records FROM retention_tally
          GROUP BY 1, 2, 3, 4 HAVING sum(records) <> 0 ORDER BY 1, 2, 3, 4`,
      );
    expect(await tallied()).toEqual(await counted());
  });

  it('writes every GIN index directly (no pending list for the scrub and the search to read through)', async () => {
    const buffered = await dataSource.query(
      `SELECT i.relname AS index FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am a ON a.oid = i.relam JOIN pg_namespace n ON n.oid = i.relnamespace
        WHERE a.amname = 'gin' AND n.nspname = 'public' AND NOT coalesce('fastupdate=off' = ANY(i.reloptions), false) ORDER BY 1`,
    );
    expect(buffered).toEqual([]);
  });
});
