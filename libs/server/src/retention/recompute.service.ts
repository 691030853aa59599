import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stockholmDate } from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerRetentionService } from '../customers/customer-retention.service';
import { personalDataDeclarations } from '../database/personal-data';
import { CULL_ORDER, CULL_STEPS } from './cull-plan';
import { RetentionTask } from './retention-task.entity';

const BATCH_SIZE = 200;

/**
 * Recomputes `retainUntil` after a policy change. The customer's agreements drive the deadlines of
 * customers, contact persons, agreements and people, so the unit of work is the customer.
 */
@Injectable()
export class RecomputeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customerRetention: CustomerRetentionService,
  ) {}

  /** Whether records governed by this policy have their deadlines computed per customer. */
  static drivenByCustomers(code: string): boolean {
    const customerPolicies = new Set(personalDataDeclarations().filter((d) => ['Customer', 'ContactPerson', 'Agreement', 'Ticket', 'DeviceCheckin'].includes(d.entity)).map((d) => d.policy));
    return customerPolicies.has(code);
  }

  async run(taskId: string, onProgress?: (done: number, total: number | null) => Promise<void>): Promise<void> {
    const task = await this.dataSource.getRepository(RetentionTask).findOneByOrFail({ id: taskId });
    if (task.status === 'completed') return;
    const code = task.subject;
    const [{ count }] = RecomputeService.drivenByCustomers(code) ? await this.dataSource.query('SELECT count(*)::int AS count FROM customer') : [{ count: 0 }];
    await this.dataSource.getRepository(RetentionTask).update(task.id, {
      status: 'running',
      startedAt: task.startedAt ?? new Date(),
      total: count,
      steps: task.steps.length ? task.steps : [{ recordType: 'customer', cursor: null, finished: count === 0 }],
    });
    for (;;) {
      const progress = await this.dataSource.transaction((manager) => this.batch(manager, taskId));
      if (onProgress) await onProgress(progress.done, count);
      if (progress.finished) break;
    }
    await this.dropSettledReviews();
    await this.dataSource.getRepository(RetentionTask).update(task.id, { status: 'completed', finishedAt: new Date() });
  }

  /** Pending reviews of records that a new rule keeps longer are no longer due: they leave the list. */
  private async dropSettledReviews(): Promise<void> {
    const today = stockholmDate(new Date());
    for (const recordType of CULL_ORDER) {
      await this.dataSource.query(
        `DELETE FROM disposition_review r USING ${CULL_STEPS[recordType].table} t
          WHERE r.record_type = $1 AND r.record_id = t.id AND r.status = 'pending' AND (t.retain_until IS NULL OR t.retain_until >= $2)`,
        [recordType, today],
      );
      await this.dataSource.query(
        `UPDATE disposition_review r SET retain_until = t.retain_until FROM ${CULL_STEPS[recordType].table} t
          WHERE r.record_type = $1 AND r.record_id = t.id AND r.status = 'pending'`,
        [recordType],
      );
    }
  }

  /** Recomputes every customer inside the given transaction (used to preview a change, then rolled back). */
  async recomputeAll(manager: EntityManager): Promise<void> {
    const customers: Array<{ id: string }> = await manager.query('SELECT id FROM customer ORDER BY id');
    for (const customer of customers) await this.customerRetention.recompute(manager, customer.id);
  }

  private async batch(manager: EntityManager, taskId: string) {
    const task = await manager.findOneOrFail(RetentionTask, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
    const step = task.steps[0];
    if (!step || step.finished) return { finished: true, done: task.done };
    const customers: Array<{ id: string }> = await manager.query('SELECT id FROM customer WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2', [
      step.cursor,
      BATCH_SIZE,
    ]);
    for (const customer of customers) await this.customerRetention.recompute(manager, customer.id);
    if (customers.length < BATCH_SIZE) step.finished = true;
    if (customers.length) step.cursor = customers[customers.length - 1].id;
    const done = task.done + customers.length;
    await manager.update(RetentionTask, task.id, { steps: task.steps, done });
    return { finished: step.finished, done };
  }
}
