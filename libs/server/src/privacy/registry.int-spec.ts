import { DataSource } from 'typeorm';
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
});
