import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CertificateCount, computeRetention, CullOutcome, EVIDENCE_POLICY, IsoDate } from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../core/config';
import { PoliciesService } from '../policies/policies.service';
import { personalDataTable } from '../privacy/registry';
import { heldSql } from '../privacy/registry-sql';
import { cullOrder, cullRecords, dueSql, pendingSql } from './cull-plan';
import { DeletionCertificate } from './deletion-certificate.entity';
import { IdHasher } from './id-hasher';
import { RetentionTask } from './retention-task.entity';

const OUTCOMES: CullOutcome[] = ['deleted', 'anonymised', 'held', 'reviewed'];

interface ExpiredRow {
  id: string;
  purpose: string;
  action: 'delete' | 'anonymise' | 'review';
  held: boolean;
  review_id: string | null;
  review_status: string | null;
  extended_until: string | null;
}

/**
 * Runs a cull: for each record type in order, takes the expired records in batches (locked with
 * SKIP LOCKED, so two workers never take the same rows) and, per record, skips it if held, puts it
 * on the review list if its policy says so, or deletes/anonymises it. Each batch — its effects,
 * its certificate entries and the task's progress — is one transaction, so a killed worker leaves
 * no half-culled record and the next delivery of the job resumes where it stopped.
 */
@Injectable()
export class CullService {
  private readonly logger = new Logger(CullService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PoliciesService,
    private readonly config: AppConfig,
  ) {}

  /** Culls batches until the run is done (shared with any other worker running the same task); says how many batches were this call's. */
  async run(taskId: string, onProgress?: (done: number, total: number | null) => Promise<void>): Promise<{ task: RetentionTask; batches: number }> {
    const task = await this.dataSource.getRepository(RetentionTask).findOneByOrFail({ id: taskId });
    // A job delivered twice changes nothing the second time.
    if (task.status === 'completed') return { task, batches: 0 };
    const asOf = task.subject as IsoDate;
    if (task.status !== 'running' || task.total === null) {
      await this.dataSource.getRepository(RetentionTask).update(task.id, {
        status: 'running',
        startedAt: task.startedAt ?? new Date(),
        total: task.total ?? (await this.countExpired(asOf)),
        steps: task.steps.length ? task.steps : cullOrder().map((recordType) => ({ recordType, cursor: null, finished: false })),
        error: null,
      });
    }
    const hasher = await IdHasher.load(this.dataSource.manager);

    let batches = 0;
    for (const recordType of cullOrder()) {
      for (;;) {
        const progress = await this.dataSource.transaction((manager) => this.cullBatch(manager, taskId, recordType, asOf, hasher));
        if (onProgress) await onProgress(progress.done, progress.total);
        if (progress.finished) break;
        batches++;
      }
    }
    return { task: await this.finish(taskId, asOf), batches };
  }

  /** Counts the records a cull on `asOf` would look at. */
  async countExpired(asOf: IsoDate, manager: EntityManager = this.dataSource.manager): Promise<number> {
    let total = 0;
    for (const recordType of cullOrder()) {
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM ${personalDataTable(recordType).table} t WHERE ${dueSql(recordType)} AND ${pendingSql(recordType)}`,
        [asOf],
      );
      total += count;
    }
    return total;
  }

  /** Selects the expired records of one type on `asOf`, with what the cull would do to each. */
  async expiredRows(manager: EntityManager, recordType: string, asOf: IsoDate, after: string | null, limit: number, lock: boolean) {
    const step = personalDataTable(recordType);
    const rows: Array<ExpiredRow & { label: string; retain_until: string }> = await manager.query(
      `SELECT t.id, t.purpose, ${this.actionSql(recordType)} AS action,
              t.retain_until::text AS retain_until, ${lock ? 'NULL' : step.label} AS label, ${heldSql(step)} AS held,
              r.id AS review_id, r.status AS review_status, r.extended_until::text AS extended_until
         ${this.expiredFromSql(recordType)} AND ($3::uuid IS NULL OR t.id > $3::uuid)
        ORDER BY t.id
        LIMIT $4 ${lock ? 'FOR UPDATE OF t SKIP LOCKED' : ''}`,
      [asOf, recordType, after, limit],
    );
    return rows.map((row) => ({ ...row, outcome: outcomeOf(row, asOf) }));
  }

  /**
   * What a cull on `asOf` would do to the records of one type, counted in the database: the
   * expired records grouped by what decides their outcome, and up to `samples` of them per policy
   * with their labels — a preview in one pass, however many records are due.
   */
  async expiredSummary(manager: EntityManager, recordType: string, asOf: IsoDate, samples: number) {
    const step = personalDataTable(recordType);
    const groups: Array<Omit<ExpiredRow, 'id' | 'review_id'> & { records: number }> = await manager.query(
      `SELECT t.purpose, ${this.actionSql(recordType)} AS action, ${heldSql(step)} AS held,
              r.status AS review_status, r.extended_until::text AS extended_until, count(*)::int AS records
         ${this.expiredFromSql(recordType)}
        GROUP BY 1, 2, 3, 4, 5`,
      [asOf, recordType],
    );
    const sampled: Array<ExpiredRow & { label: string; retain_until: string }> = await manager.query(
      `SELECT s.*, ${step.label} AS label
         FROM (SELECT t.id, t.purpose, ${this.actionSql(recordType)} AS action, t.retain_until::text AS retain_until, ${heldSql(step)} AS held,
                      r.id AS review_id, r.status AS review_status, r.extended_until::text AS extended_until,
                      row_number() OVER (PARTITION BY t.purpose ORDER BY t.id) AS n
                 ${this.expiredFromSql(recordType)}) s
         JOIN ${step.table} t ON t.id = s.id
        WHERE s.n <= $3
        ORDER BY s.purpose, s.id`,
      [asOf, recordType, samples],
    );
    return {
      counts: groups.map((group) => ({ ...group, outcome: outcomeOf({ ...group, id: '', review_id: null }, asOf) })),
      samples: sampled.map((row) => ({ ...row, outcome: outcomeOf(row, asOf) })),
    };
  }

  /** A person past his or her own deadline gets the policy's action; one whose last record went is deleted. */
  private actionSql(recordType: string): string {
    return recordType === 'person' ? `CASE WHEN t.retain_until < $1 THEN p.expiry_action ELSE 'delete' END` : 'p.expiry_action';
  }

  /** The expired, not yet culled records of one type (alias `t`), with their policy `p` and review `r`; `$1` the day, `$2` the type. */
  private expiredFromSql(recordType: string): string {
    return `FROM ${personalDataTable(recordType).table} t
         JOIN retention_policy p ON p.code = t.purpose
         LEFT JOIN disposition_review r ON r.record_type = $2 AND r.record_id = t.id
        WHERE ${dueSql(recordType)} AND ${pendingSql(recordType)}`;
  }

  private async cullBatch(manager: EntityManager, taskId: string, recordType: string, asOf: IsoDate, hasher: IdHasher) {
    const task = await manager.findOneOrFail(RetentionTask, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
    const stepProgress = task.steps.find((step) => step.recordType === recordType);
    if (!stepProgress || stepProgress.finished) return { finished: true, done: task.done, total: task.total };

    const rows = await this.expiredRows(manager, recordType, asOf, stepProgress.cursor, this.config.CULL_BATCH_SIZE, true);
    if (rows.length === 0) {
      stepProgress.finished = true;
      await manager.update(RetentionTask, task.id, { steps: task.steps });
      return { finished: true, done: task.done, total: task.total };
    }

    const tally = (policy: string, outcome: CullOutcome, n = 1) => {
      const key = `${recordType}|${policy}`;
      task.counts[key] ??= { deleted: 0, anonymised: 0, held: 0, reviewed: 0 };
      task.counts[key][outcome] += n;
    };
    const toCull: typeof rows = [];
    for (const row of rows) {
      if (row.outcome === 'held') tally(row.purpose, 'held');
      else if (row.outcome === 'reviewed') {
        tally(row.purpose, 'reviewed');
        await manager.query(
          `INSERT INTO disposition_review (record_type, record_id, policy, retain_until, status)
           VALUES ($1, $2, $3, $4, 'pending')
           ON CONFLICT (record_type, record_id) DO UPDATE SET status = 'pending', policy = EXCLUDED.policy, retain_until = EXCLUDED.retain_until`,
          [recordType, row.id, row.purpose, row.retain_until],
        );
      } else if (row.outcome === 'cull') toCull.push(row);
    }

    if (toCull.length) {
      const policyOf = new Map(toCull.map((row) => [row.id, row.purpose]));
      const result = await cullRecords(manager, recordType, toCull.map((row) => row.id));
      const entries = [
        ...result.deleted.map((id) => ({ id, outcome: 'deleted' as const })),
        ...result.anonymised.map((id) => ({ id, outcome: 'anonymised' as const })),
      ];
      for (const entry of entries) tally(policyOf.get(entry.id) as string, entry.outcome);
      await manager.query(
        `INSERT INTO certificate_entry (run_id, record_type, policy, outcome, id_hash)
         SELECT $1, $2, e.policy, e.outcome, e.id_hash FROM unnest($3::text[], $4::text[], $5::text[]) AS e(policy, outcome, id_hash)`,
        [taskId, recordType, entries.map((entry) => policyOf.get(entry.id)), entries.map((entry) => entry.outcome), entries.map((entry) => hasher.hash(recordType, entry.id))],
      );
      const reviewed = toCull.filter((row) => row.review_id).map((row) => row.review_id);
      if (reviewed.length) await manager.query(`UPDATE disposition_review SET status = 'done' WHERE id = ANY($1)`, [reviewed]);
    }

    stepProgress.cursor = rows[rows.length - 1].id;
    const done = task.done + rows.length;
    await manager.update(RetentionTask, task.id, { steps: task.steps, counts: task.counts, done });
    return { finished: false, done, total: task.total };
  }

  private async finish(taskId: string, asOf: IsoDate): Promise<RetentionTask> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.findOneOrFail(RetentionTask, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (task.status === 'completed') return task;
      // Certificates past their own deadline go as well: the evidence must not become a hoard.
      const expired: Array<{ run_id: string }> = await manager.query(
        'WITH gone AS (DELETE FROM deletion_certificate WHERE retain_until < $1 RETURNING run_id) SELECT run_id FROM gone',
        [asOf],
      );
      if (expired.length) await manager.query('DELETE FROM certificate_entry WHERE run_id = ANY($1)', [expired.map((row) => row.run_id)]);

      const counts: CertificateCount[] = Object.entries(task.counts)
        .map(([key, value]) => {
          const [recordType, policy] = key.split('|');
          return { recordType, policy, deleted: value['deleted'] ?? 0, anonymised: value['anonymised'] ?? 0, held: value['held'] ?? 0, reviewed: value['reviewed'] ?? 0 };
        })
        .sort((a, b) => a.recordType.localeCompare(b.recordType) || a.policy.localeCompare(b.policy));
      const totals = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, counts.reduce((sum, count) => sum + count[outcome], 0)])) as Record<CullOutcome, number>;
      const evidence = await this.policies.get(EVIDENCE_POLICY.code, manager);
      const finishedAt = new Date();
      await manager
        .createQueryBuilder()
        .insert()
        .into(DeletionCertificate)
        .values({
          runId: task.id,
          asOf,
          startedAt: task.startedAt ?? finishedAt,
          finishedAt,
          counts,
          totals,
          purpose: evidence.code,
          retainUntil: computeRetention(evidence, { eventDate: asOf }).retainUntil as string,
        })
        .orIgnore()
        .execute();
      await manager.update(RetentionTask, task.id, { status: 'completed', finishedAt });
      // The report's tally grows by a row or two per write; once a run it is folded back to one row per count.
      await manager.query(
        `WITH folded AS (DELETE FROM retention_tally RETURNING record_type, purpose, legal_basis, retain_until, records)
         INSERT INTO retention_tally (record_type, purpose, legal_basis, retain_until, records)
         SELECT record_type, purpose, legal_basis, retain_until, sum(records) FROM folded GROUP BY 1, 2, 3, 4 HAVING sum(records) <> 0`,
      );
      this.logger.log(`Cull ${task.id} as of ${asOf}: ${JSON.stringify(totals)}`);
      return manager.findOneByOrFail(RetentionTask, { id: taskId });
    });
  }
}

/** What the cull does with one expired record. */
function outcomeOf(row: ExpiredRow, asOf: IsoDate): 'held' | 'reviewed' | 'cull' | 'kept' {
  if (row.held) return 'held';
  if (row.action !== 'review') return 'cull';
  if (row.review_status === 'approved') return 'cull';
  if (row.review_status === 'extended' && row.extended_until && row.extended_until >= asOf) return 'kept';
  return 'reviewed';
}
