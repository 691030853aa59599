import { RetentionPolicy as Policy } from '@privdesk/domain';
import { EntityManager } from 'typeorm';
import { recomputePeople } from './people-lifecycle';
import { PersonalDataDeclaration, personalDataTables } from './registry';
import { personColumnsSql, recomputeSql } from './registry-sql';

/** Reads a policy inside the caller's transaction. */
export type PolicyReader = (code: string, manager: EntityManager) => Promise<Policy>;

/**
 * Recomputes one table's records under a policy, set-based (optionally narrowed by `scope`, alias
 * `t`, with its parameter as `$2`); returns the people whose records changed.
 */
export async function recomputeTable(
  manager: EntityManager,
  policy: Policy,
  table: PersonalDataDeclaration,
  financialYearEndMonth: number,
  scope?: { sql: string; param: unknown },
): Promise<string[]> {
  const update = recomputeSql(policy, table, financialYearEndMonth, scope?.sql);
  const params = scope ? [policy.legalBasis, scope.param] : [policy.legalBasis];
  if (!table.personColumns.length) {
    await manager.query(update, params);
    return [];
  }
  const [{ ids }]: Array<{ ids: string[] | null }> = await manager.query(
    `WITH changed AS (${update} RETURNING ${table.personColumns.map((column) => `target.${column}`).join(', ')})
     SELECT array_agg(DISTINCT subject.pid) AS ids FROM changed, ${personColumnsSql(table, 'changed')} WHERE subject.pid IS NOT NULL`,
    params,
  );
  return ids ?? [];
}

/**
 * Recomputes everything a customer's agreements drive — the customer, its agreements, contact
 * persons, support, check-ins and quotes, and the people behind them — in the caller's transaction,
 * whenever a date that drives them changes or a record is added.
 */
export async function recomputeCustomer(manager: EntityManager, customerId: string, policies: PolicyReader, financialYearEndMonth: number): Promise<void> {
  // One recomputation per customer at a time: the row lock orders concurrent edits.
  await manager.query('SELECT id FROM customer WHERE id = $1 FOR UPDATE', [customerId]);
  const tables = personalDataTables().filter((candidate) => candidate.customerColumn);
  for (const table of tables) {
    for (const code of table.policies) {
      await recomputeTable(manager, await policies(code, manager), table, financialYearEndMonth, { sql: `t.${table.customerColumn} = $2`, param: customerId });
    }
  }
  // Every person with a role at this customer: a new record or contact counts even when no deadline moved.
  const people = new Set<string>();
  for (const table of tables.filter((candidate) => candidate.personColumns.length)) {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT subject.pid AS id FROM ${table.table} t, ${personColumnsSql(table)}
        WHERE t.${table.customerColumn} = $1 AND subject.pid IS NOT NULL`,
      [customerId],
    );
    for (const row of rows) people.add(row.id);
  }
  await recomputePeople(manager, [...people]);
}
