import { EntityManager } from 'typeorm';
import { forgetKeptAnswers, releasePeople } from './people-lifecycle';
import { PersonalDataDeclaration, personalDataTable } from './registry';
import { literal, personColumnsSql } from './registry-sql';

/** Deletes records with their dependants and what only they referred to; inside the caller's transaction. */
export async function deleteRecords(manager: EntityManager, declaration: PersonalDataDeclaration, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await forgetKeptAnswers(manager, ids);
  for (const dependant of declaration.dependants) {
    if (dependant.cascades) continue;
    const typed = dependant.typeColumn ? ` AND ${dependant.typeColumn} = ${literal(declaration.recordType)}` : '';
    await manager.query(`DELETE FROM ${dependant.table} WHERE ${dependant.column} = ANY($1)${typed}`, [ids]);
  }
  const owned = declaration.owns ?? [];
  const returning = owned.map((own) => own.column);
  const gone: Array<Record<string, string | null>> = await manager.query(
    // Wrapped in a CTE so the driver returns the rows (a bare DELETE … RETURNING yields [rows, count]).
    `WITH gone AS (DELETE FROM ${declaration.table} WHERE id = ANY($1) RETURNING ${['id', ...returning].join(', ')}) SELECT * FROM gone`,
    [ids],
  );
  for (const own of owned) {
    const ownedIds = gone.map((row) => row[own.column]).filter((id): id is string => !!id);
    if (ownedIds.length) {
      await manager.query(
        `DELETE FROM ${own.table} o WHERE o.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM ${declaration.table} r WHERE r.${own.column} = o.id)`,
        [ownedIds],
      );
    }
  }
}

/** Marks records anonymised (kept for another record's sake), with the declared scrubbing. */
export async function anonymiseRecords(manager: EntityManager, declaration: PersonalDataDeclaration, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await forgetKeptAnswers(manager, ids);
  await manager.query(`UPDATE ${declaration.table} SET anonymised_at = now()${declaration.anonymise ? `, ${declaration.anonymise}` : ''} WHERE id = ANY($1)`, [ids]);
}

/**
 * Removes records the way every feature should (a deleted marketing contact, a withdrawn
 * application, an objection): with their dependants, and the people they were about go too when
 * nothing else keeps them.
 */
export async function removeRecords(manager: EntityManager, recordType: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const declaration = personalDataTable(recordType);
  const people: Array<{ pid: string | null }> = declaration.personColumns.length
    ? await manager.query(
        `SELECT DISTINCT subject.pid FROM ${declaration.table} t, ${personColumnsSql(declaration)} WHERE t.id = ANY($1)`,
        [ids],
      )
    : [];
  await deleteRecords(manager, declaration, ids);
  return releasePeople(
    manager,
    people.map((row) => row.pid),
  );
}
