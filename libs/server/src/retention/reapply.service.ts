import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { personalDataTable } from '../privacy/registry';
import { cullOrder, cullRecords } from './cull-plan';
import { IdHasher } from './id-hasher';

const PAGE = 5000;

/**
 * After a database restore from an older backup, re-applies every deletion the certificates
 * record: each row's id is re-hashed and, when a certificate says it was culled, it is culled
 * again — so an erased person does not come back.
 */
@Injectable()
export class ReapplyService {
  private readonly logger = new Logger(ReapplyService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async reapplyDeletions(): Promise<Record<string, { deleted: number; anonymised: number }>> {
    const hasher = await IdHasher.load(this.dataSource.manager);
    const result: Record<string, { deleted: number; anonymised: number }> = {};
    for (const recordType of cullOrder()) {
      const step = personalDataTable(recordType);
      result[recordType] = { deleted: 0, anonymised: 0 };
      let after: string | null = null;
      for (;;) {
        const rows: Array<{ id: string }> = await this.dataSource.query(
          `SELECT id FROM ${step.table} WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
          [after, PAGE],
        );
        if (!rows.length) break;
        after = rows[rows.length - 1].id;
        const hashes = new Map(rows.map((row) => [hasher.hash(recordType, row.id), row.id]));
        const culled: Array<{ id_hash: string }> = await this.dataSource.query(
          'SELECT DISTINCT id_hash FROM certificate_entry WHERE record_type = $1 AND id_hash = ANY($2)',
          [recordType, [...hashes.keys()]],
        );
        if (!culled.length) continue;
        const ids = culled.map((row) => hashes.get(row.id_hash) as string);
        const outcome = await this.dataSource.transaction((manager) => cullRecords(manager, recordType, ids));
        result[recordType].deleted += outcome.deleted.length;
        result[recordType].anonymised += outcome.anonymised.length;
      }
    }
    this.logger.log(`Re-applied deletions: ${JSON.stringify(result)}`);
    return result;
  }
}
