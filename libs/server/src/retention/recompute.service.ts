import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EVIDENCE_POLICY, stockholmDate } from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../core/config';
import { PoliciesService } from '../policies/policies.service';
import { recomputePeople } from '../privacy/people-lifecycle';
import { recomputeTable } from '../privacy/recompute';
import { personalDataTables, tablesGovernedBy } from '../privacy/registry';
import { ClockedTable, deadlineSql } from '../privacy/registry-sql';
import { RetentionTask } from './retention-task.entity';

/**
 * Recomputes `retainUntil` after a policy changes: one set-based statement per table the policy
 * governs (every table the registry lists for it), then the people those records are about. Each
 * table is a step of the task, committed on its own, so progress shows and a restart resumes.
 */
@Injectable()
export class RecomputeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PoliciesService,
    private readonly config: AppConfig,
  ) {}

  async run(taskId: string, onProgress?: (done: number, total: number | null) => Promise<void>): Promise<void> {
    const task = await this.dataSource.getRepository(RetentionTask).findOneByOrFail({ id: taskId });
    if (task.status === 'completed') return;
    const code = task.subject;
    const tables = tablesGovernedBy(code);
    if (code === EVIDENCE_POLICY.code) await this.recomputeCertificates();
    const total = await this.governedCount(this.dataSource.manager, code);
    await this.dataSource.getRepository(RetentionTask).update(task.id, {
      status: 'running',
      startedAt: task.startedAt ?? new Date(),
      total,
      steps: task.steps.length ? task.steps : tables.map((table) => ({ recordType: table.recordType, cursor: null, finished: false })),
    });
    for (const table of tables) {
      const done = await this.dataSource.transaction(async (manager) => {
        const locked = await manager.findOneOrFail(RetentionTask, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
        const step = locked.steps.find((candidate) => candidate.recordType === table.recordType);
        if (!step || step.finished) return locked.done;
        const count = await this.countGoverned(manager, code, table.table);
        const policy = await this.policies.get(code, manager);
        const people = await recomputeTable(manager, policy, table, this.config.FINANCIAL_YEAR_END_MONTH);
        await recomputePeople(manager, people);
        step.finished = true;
        const progress = locked.done + count;
        await manager.update(RetentionTask, taskId, { steps: locked.steps, done: progress });
        return progress;
      });
      if (onProgress) await onProgress(done, total);
    }
    await this.dropSettledReviews();
    await this.dataSource.getRepository(RetentionTask).update(task.id, { status: 'completed', finishedAt: new Date() });
  }

  /**
   * The deletion certificates' own deadline (A1): they hold no personal data, so they are not in
   * the registry, but the policy that keeps them is edited like the others.
   */
  private async recomputeCertificates(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const policy = await this.policies.get(EVIDENCE_POLICY.code, manager);
      const deadline = deadlineSql(policy, CERTIFICATES, this.config.FINANCIAL_YEAR_END_MONTH);
      await manager.query(`UPDATE deletion_certificate t SET retain_until = ${deadline.retainUntil} WHERE t.purpose = $1`, [policy.code]);
    });
  }

  /** How many records a policy governs now. */
  async governedCount(manager: EntityManager, code: string): Promise<number> {
    let total = 0;
    for (const table of tablesGovernedBy(code)) total += await this.countGoverned(manager, code, table.table);
    return total;
  }

  private async countGoverned(manager: EntityManager, code: string, table: string): Promise<number> {
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM ${table} WHERE purpose = $1 AND anonymised_at IS NULL`, [code]);
    return count;
  }

  /** Pending reviews of records that a new rule keeps longer are no longer due: they leave the list. */
  private async dropSettledReviews(): Promise<void> {
    const today = stockholmDate(new Date());
    for (const table of personalDataTables()) {
      await this.dataSource.query(
        `DELETE FROM disposition_review r USING ${table.table} t
          WHERE r.record_type = $1 AND r.record_id = t.id AND r.status = 'pending' AND (t.retain_until IS NULL OR t.retain_until >= $2)`,
        [table.recordType, today],
      );
      await this.dataSource.query(
        `UPDATE disposition_review r SET retain_until = t.retain_until FROM ${table.table} t
          WHERE r.record_type = $1 AND r.record_id = t.id AND r.status = 'pending'`,
        [table.recordType],
      );
    }
  }
}


/** The certificates' clock, for the rule's arithmetic: the day of the cull. */
export const CERTIFICATES: ClockedTable = { table: 'deletion_certificate', clock: { event: 't.as_of' } };
