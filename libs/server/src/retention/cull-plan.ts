import { EntityManager } from 'typeorm';
import { anonymisePeople, deletePeople } from '../privacy/people-lifecycle';
import { anonymiseRecords, deleteRecords } from '../privacy/records';
import { isRecordType, personalDataTable, personalDataTables } from '../privacy/registry';
import { referencedSql } from '../privacy/registry-sql';

/**
 * How the cull treats each record type — read from the personal-data registry, so a newly
 * declared table is culled without any change here.
 */

export interface CullResult {
  deleted: string[];
  anonymised: string[];
}

/** The record types the cull visits, in order: records before the records they refer to, people last. */
export function cullOrder(): string[] {
  return personalDataTables().map((declaration) => declaration.recordType);
}

export function isCullRecordType(recordType: string): boolean {
  return isRecordType(recordType);
}

/**
 * A record (alias `t`) is due on `$1`: its deadline has passed — or, for a person, no record
 * refers to him or her any more (the person goes with the last record).
 */
export function dueSql(recordType: string): string {
  if (recordType === 'person') return `(t.retain_until < $1 OR NOT (${referencedSql('person')}))`;
  return 't.retain_until < $1';
}

/** Not culled yet: never anonymised, or anonymised but what kept it is gone now. */
export function pendingSql(recordType: string): string {
  const referenced = referencedSql(recordType);
  return referenced ? `(t.anonymised_at IS NULL OR NOT (${referenced}))` : 't.anonymised_at IS NULL';
}

/**
 * Culls expired records of one type, set-based, inside the batch's transaction: deleted, or —
 * when the type keeps records others still refer to — anonymised while referenced.
 */
export async function cullRecords(manager: EntityManager, recordType: string, ids: string[]): Promise<CullResult> {
  const declaration = personalDataTable(recordType);
  const referenced = declaration.cull === 'anonymise-while-referenced' ? referencedSql(recordType) : null;
  const kept: Array<{ id: string }> = referenced ? await manager.query(`SELECT t.id FROM ${declaration.table} t WHERE t.id = ANY($1) AND (${referenced})`, [ids]) : [];
  const anonymised = kept.map((row) => row.id);
  const keptIds = new Set(anonymised);
  const deleted = ids.filter((id) => !keptIds.has(id));
  if (recordType === 'person') {
    // Their name, e-mail, phone and personnummer are scrubbed from free text either way.
    await anonymisePeople(manager, anonymised);
    await deletePeople(manager, deleted);
  } else {
    await anonymiseRecords(manager, declaration, anonymised);
    await deleteRecords(manager, declaration, deleted);
  }
  return { deleted, anonymised };
}
