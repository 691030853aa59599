import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EVIDENCE_POLICY, PolicyChange, PolicyChangePreview, PolicyView, QUEUES, RETENTION_JOBS, stockholmDate, TaskView, UpdatePolicyRequest } from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { JobOutboxService } from '../outbox/job-outbox.service';
import { AppConfig } from '../core/config';
import { toPolicy, toPolicyView } from '../policies/policies.service';
import { tablesGovernedBy } from '../privacy/registry';
import { deadlinesSql } from '../privacy/registry-sql';
import { RetentionPolicy } from '../policies/retention-policy.entity';
import { CERTIFICATES } from './recompute.service';
import { RetentionService } from './retention.service';
import { RetentionTask } from './retention-task.entity';

class RollbackPreview extends Error {
  constructor(readonly preview: PolicyChangePreview) {
    super('preview');
  }
}

/** Editing the policy table: audited with before and after, followed by a recomputation job. */
@Injectable()
export class PolicyAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: JobOutboxService,
    private readonly audit: AuditService,
    private readonly retention: RetentionService,
    private readonly config: AppConfig,
  ) {}

  async update(code: string, request: UpdatePolicyRequest, actorId: string): Promise<{ policy: PolicyView; task: TaskView }> {
    const taskId = await this.dataSource.transaction(async (manager) => {
      const { version, ...change } = request;
      const { before, after } = await this.apply(manager, code, change, version);
      const task = await manager.save(manager.create(RetentionTask, { kind: 'recompute', subject: code, requestedBy: actorId }));
      await this.outbox.enqueue(manager, QUEUES.retention, RETENTION_JOBS.recompute, { taskId: task.id });
      await this.audit.record(
        { actorId, action: 'retention_policy.updated', entityType: 'retention_policy', entityId: null, fields: Object.keys(change), details: { code, before, after } },
        manager,
      );
      return task.id;
    });
    void this.outbox.relay();
    const policy = await this.dataSource.getRepository(RetentionPolicy).findOneByOrFail({ code });
    return { policy: toPolicyView(policy), task: await this.retention.getTask(taskId) };
  }

  /**
   * What the change would do, exactly: the change is applied in a transaction that is rolled back,
   * and every record the policy governs is read with its deadline now and under the new rule.
   */
  async preview(code: string, request: PolicyChange): Promise<PolicyChangePreview> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.apply(manager, code, request);
        const policy = toPolicy(await manager.findOneByOrFail(RetentionPolicy, { code }));
        const today = stockholmDate(new Date());
        let records = 0;
        let changed = 0;
        let expiredAfter = 0;
        const governed = code === EVIDENCE_POLICY.code ? [CERTIFICATES] : tablesGovernedBy(code);
        for (const table of governed) {
          const [counts]: Array<{ records: number; changed: number; expired: number }> = await manager.query(
            `SELECT count(*)::int AS records, count(*) FILTER (WHERE d.before IS DISTINCT FROM d.after)::int AS changed,
                    count(*) FILTER (WHERE d.after < $1)::int AS expired
               FROM (${deadlinesSql(policy, table, this.config.FINANCIAL_YEAR_END_MONTH, table === CERTIFICATES ? 'true' : undefined)}) d`,
            [today],
          );
          records += counts.records;
          changed += counts.changed;
          expiredAfter += counts.expired;
        }
        throw new RollbackPreview({ code, records, changed, expiredAfter });
      });
    } catch (error) {
      if (error instanceof RollbackPreview) return error.preview;
      throw error;
    }
    throw new Error('unreachable');
  }

  /** Applies the change; with `basedOn`, only to that version of the policy (a preview has none). */
  private async apply(manager: EntityManager, code: string, request: PolicyChange, basedOn?: number) {
    const policy = await manager.findOne(RetentionPolicy, { where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!policy) throw notFound(`Policy ${code}`);
    if (basedOn !== undefined) checkVersion(`Policy ${code}`, policy.version, basedOn);
    const before = toPolicyView(policy);
    if (request.purpose) Object.assign(policy, { purposeSv: request.purpose.sv, purposeEn: request.purpose.en });
    if (request.dataCategories) Object.assign(policy, { dataCategoriesSv: request.dataCategories.sv, dataCategoriesEn: request.dataCategories.en });
    if (request.clockStarts) Object.assign(policy, { clockStartsSv: request.clockStarts.sv, clockStartsEn: request.clockStarts.en });
    if (request.legalBasis) policy.legalBasis = request.legalBasis;
    if (request.rule) policy.rule = request.rule;
    if (request.expiryAction) policy.expiryAction = request.expiryAction;
    policy.version += 1;
    await manager.save(policy);
    if (request.legalBasis) {
      for (const table of tablesGovernedBy(code)) await manager.query(`UPDATE ${table.table} SET legal_basis = $2 WHERE purpose = $1`, [code, request.legalBasis]);
    }
    return { before, after: toPolicyView(policy) };
  }
}
