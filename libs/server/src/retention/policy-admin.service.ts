import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyChangePreview, PolicyView, QUEUES, RETENTION_JOBS, stockholmDate, TaskView, UpdatePolicyRequest } from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../core/errors';
import { JobOutboxService } from '../outbox/job-outbox.service';
import { toPolicyView } from '../policies/policies.service';
import { RetentionPolicy } from '../policies/retention-policy.entity';
import { CULL_ORDER, CULL_STEPS } from './cull-plan';
import { RecomputeService } from './recompute.service';
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
    private readonly recompute: RecomputeService,
    private readonly outbox: JobOutboxService,
    private readonly audit: AuditService,
    private readonly retention: RetentionService,
  ) {}

  async update(code: string, request: UpdatePolicyRequest, actorId: string): Promise<{ policy: PolicyView; task: TaskView }> {
    const taskId = await this.dataSource.transaction(async (manager) => {
      const { before, after } = await this.apply(manager, code, request);
      const task = await manager.save(manager.create(RetentionTask, { kind: 'recompute', subject: code, requestedBy: actorId }));
      await this.outbox.enqueue(manager, QUEUES.retention, RETENTION_JOBS.recompute, { taskId: task.id });
      await this.audit.record(
        { actorId, action: 'retention_policy.updated', entityType: 'retention_policy', entityId: null, fields: Object.keys(request), details: { code, before, after } },
        manager,
      );
      return task.id;
    });
    void this.outbox.relay();
    const policy = await this.dataSource.getRepository(RetentionPolicy).findOneByOrFail({ code });
    return { policy: toPolicyView(policy), task: await this.retention.getTask(taskId) };
  }

  /** What the change would do — computed by applying it in a transaction that is rolled back. */
  async preview(code: string, request: UpdatePolicyRequest): Promise<PolicyChangePreview> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const before = await this.deadlines(manager, code);
        await this.apply(manager, code, request);
        if (RecomputeService.drivenByCustomers(code)) await this.recompute.recomputeAll(manager);
        const after = await this.deadlines(manager, code);
        const today = stockholmDate(new Date());
        let changed = 0;
        let expiredAfter = 0;
        for (const [key, deadline] of after) {
          if (before.get(key) !== deadline) changed++;
          if (deadline !== null && deadline < today) expiredAfter++;
        }
        throw new RollbackPreview({ code, records: after.size, changed, expiredAfter });
      });
    } catch (error) {
      if (error instanceof RollbackPreview) return error.preview;
      throw error;
    }
    throw new Error('unreachable');
  }

  private async apply(manager: EntityManager, code: string, request: UpdatePolicyRequest) {
    const policy = await manager.findOne(RetentionPolicy, { where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!policy) throw notFound(`Policy ${code}`);
    const before = toPolicyView(policy);
    if (request.purpose) Object.assign(policy, { purposeSv: request.purpose.sv, purposeEn: request.purpose.en });
    if (request.dataCategories) Object.assign(policy, { dataCategoriesSv: request.dataCategories.sv, dataCategoriesEn: request.dataCategories.en });
    if (request.clockStarts) Object.assign(policy, { clockStartsSv: request.clockStarts.sv, clockStartsEn: request.clockStarts.en });
    if (request.legalBasis) policy.legalBasis = request.legalBasis;
    if (request.rule) policy.rule = request.rule;
    if (request.expiryAction) policy.expiryAction = request.expiryAction;
    await manager.save(policy);
    if (request.legalBasis) {
      for (const recordType of CULL_ORDER) await manager.query(`UPDATE ${CULL_STEPS[recordType].table} SET legal_basis = $2 WHERE purpose = $1`, [code, request.legalBasis]);
    }
    return { before, after: toPolicyView(policy) };
  }

  private async deadlines(manager: EntityManager, code: string): Promise<Map<string, string | null>> {
    const deadlines = new Map<string, string | null>();
    for (const recordType of CULL_ORDER) {
      const rows: Array<{ id: string; retain_until: string | null }> = await manager.query(
        `SELECT id, retain_until::text AS retain_until FROM ${CULL_STEPS[recordType].table} WHERE purpose = $1 AND anonymised_at IS NULL`,
        [code],
      );
      for (const row of rows) deadlines.set(`${recordType}:${row.id}`, row.retain_until);
    }
    return deadlines;
  }
}
