import { PersonRoleCount } from '@privdesk/domain';
import { EntityManager } from 'typeorm';
import { partOfDeclarations, personReferenceColumns } from '../privacy/registry';

/**
 * Queries over every column that refers to a person. Which columns those are is declared in the
 * personal-data registry (`personReferenceColumns()` and the tables part of a person), never
 * listed here.
 */

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export interface PersonReference {
  table: string;
  column: string;
}

/**
 * The registry's person columns (checked to be plain SQL identifiers, as they are put into SQL),
 * and the person column of each table the registry declares part of a person (a legal hold on
 * him or her), which by the schema's convention is `person_id`.
 */
export async function personReferences(manager: EntityManager): Promise<PersonReference[]> {
  const declared: PersonReference[] = personReferenceColumns().map(({ table, column }) => ({ table, column }));
  for (const part of partOfDeclarations().filter((declaration) => declaration.partOf === 'person')) {
    const [found]: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'person_id'`,
      [part.table],
    );
    if (!found.n) throw new Error(`${part.table} is declared part of a person but has no person_id column`);
    declared.push({ table: part.table, column: 'person_id' });
  }
  const seen = new Set<string>();
  const references: PersonReference[] = [];
  for (const { table, column } of declared) {
    if (!IDENTIFIER.test(table) || !IDENTIFIER.test(column)) throw new Error(`Not a table and column name: ${table}.${column}`);
    const key = `${table}.${column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    references.push({ table, column });
  }
  return references;
}

/** How many records refer to each of the people, per table (tables without any are left out). */
export async function countRoles(manager: EntityManager, personIds: string[]): Promise<Map<string, PersonRoleCount[]>> {
  const counts = new Map<string, PersonRoleCount[]>(personIds.map((id) => [id, []]));
  if (!personIds.length) return counts;
  const references = await personReferences(manager);
  const rows: Array<{ person_id: string; table_name: string; count: string }> = await manager.query(
    references
      .map(({ table, column }) => `SELECT "${column}" AS person_id, '${table}' AS table_name, count(*) FROM "${table}" WHERE "${column}" = ANY($1) GROUP BY "${column}"`)
      .join(' UNION ALL '),
    [personIds],
  );
  for (const row of rows) {
    const roles = counts.get(row.person_id);
    if (!roles) continue;
    const existing = roles.find((role) => role.table === row.table_name);
    if (existing) existing.count += Number(row.count);
    else roles.push({ table: row.table_name, count: Number(row.count) });
  }
  for (const roles of counts.values()) roles.sort((a, b) => a.table.localeCompare(b.table));
  return counts;
}

/**
 * Foreign keys to `person` whose column the registry does not name. A merge refuses to run while
 * there is one: deleting the merged person would otherwise null or cascade away a reference the
 * move did not know of.
 */
export async function undeclaredPersonForeignKeys(manager: EntityManager): Promise<string[]> {
  const rows: Array<{ table_name: string; column_name: string }> = await manager.query(
    `SELECT cl.relname AS table_name, att.attname AS column_name
       FROM pg_constraint con
       JOIN pg_class cl ON cl.oid = con.conrelid
       JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY(con.conkey)
      WHERE con.contype = 'f' AND con.confrelid = 'person'::regclass`,
  );
  const declared = new Set((await personReferences(manager)).map(({ table, column }) => `${table}.${column}`));
  return rows.map((row) => `${row.table_name}.${row.column_name}`).filter((key) => !declared.has(key));
}

/**
 * Moves every record of `mergeId` to `keepId`. Where a unique index would then hold the same row
 * twice (both were contact persons of one customer, both marketing contacts), the kept person's row
 * stays and the merged person's is dropped. Returns the moved and dropped counts per table.
 */
export async function moveReferences(manager: EntityManager, keepId: string, mergeId: string): Promise<{ moved: PersonRoleCount[]; dropped: PersonRoleCount[] }> {
  const moved: PersonRoleCount[] = [];
  const dropped: PersonRoleCount[] = [];
  const add = (list: PersonRoleCount[], table: string, count: number) => {
    if (!count) return;
    const existing = list.find((entry) => entry.table === table);
    if (existing) existing.count += count;
    else list.push({ table, count });
  };
  for (const { table, column } of await personReferences(manager)) {
    for (const others of await uniqueKeysWith(manager, table, column)) {
      const same = others.map((other) => `k."${other}" IS NOT DISTINCT FROM m."${other}"`).join(' AND ');
      const [, count] = (await manager.query(
        `DELETE FROM "${table}" m WHERE m."${column}" = $2
           AND EXISTS (SELECT 1 FROM "${table}" k WHERE k."${column}" = $1${same ? ` AND ${same}` : ''})`,
        [keepId, mergeId],
      )) as [unknown, number];
      add(dropped, table, count);
    }
    const [, count] = (await manager.query(`UPDATE "${table}" SET "${column}" = $1 WHERE "${column}" = $2`, [keepId, mergeId])) as [unknown, number];
    add(moved, table, count);
  }
  return { moved, dropped };
}

/** For each unique index (or constraint) of the table that includes the column: its other columns. */
async function uniqueKeysWith(manager: EntityManager, table: string, column: string): Promise<string[][]> {
  const rows: Array<{ columns: string[] }> = await manager.query(
    `SELECT array_agg(att.attname::text ORDER BY att.attnum) AS columns
       FROM pg_index ix
       JOIN pg_attribute att ON att.attrelid = ix.indrelid AND att.attnum = ANY(ix.indkey)
      WHERE ix.indrelid = $1::regclass AND ix.indisunique AND NOT ix.indisprimary
      GROUP BY ix.indexrelid
     HAVING bool_or(att.attname = $2)`,
    [table, column],
  );
  return rows.map((row) => row.columns.filter((name) => name !== column));
}
