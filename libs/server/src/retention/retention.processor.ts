import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES, RETENTION_JOBS, stockholmDate, TaskJobData } from '@privdesk/domain';
import { Job, Queue } from 'bullmq';
import { hostname } from 'node:os';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '../core/config';
import { CullService } from './cull.service';
import { ExpiryReminderService } from './expiry-reminder.service';
import { RecomputeService } from './recompute.service';
import { RetentionTask } from './retention-task.entity';

type RetentionJobName = (typeof RETENTION_JOBS)[keyof typeof RETENTION_JOBS];

/** The retention queue's jobs; each re-checks its task's state, so a second delivery is harmless. */
// A short lock (renewed every 7.5 s while a job runs; batches never block the event loop that long)
// lets another worker take over a killed worker's cull within about 20 s.
@Processor(QUEUES.retention, { concurrency: 1, lockDuration: 15_000, stalledInterval: 5_000 })
export class RetentionProcessor extends WorkerHost {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.retention) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly cull: CullService,
    private readonly recompute: RecomputeService,
    private readonly reminders: ExpiryReminderService,
  ) {
    super();
  }

  async process(job: Job<Partial<TaskJobData>, unknown, RetentionJobName>): Promise<unknown> {
    const progress = (done: number, total: number | null) => job.updateProgress({ done, total: total ?? 0 });
    switch (job.name) {
      case RETENTION_JOBS.cull:
        return this.cullPart(job.data.taskId as string, job.data.part ?? 0, progress);
      case RETENTION_JOBS.nightly:
        return this.cullPart(await this.nightlyTask(), 0, progress);
      case RETENTION_JOBS.recompute:
        return this.guard(job.data.taskId as string, () => this.recompute.run(job.data.taskId as string, progress));
      case RETENTION_JOBS.expiryReminder:
        return this.reminders.remind();
      default:
        throw new Error(`No handler for job ${String(job.name)} on queue ${QUEUES.retention}`);
    }
  }

  /**
   * One share of a cull. The first share offers the others to the queue (a job id per share, so a
   * retry offers nothing twice); any idle worker takes one, and the shares take batches in turn.
   */
  private async cullPart(taskId: string, part: number, progress: (done: number, total: number | null) => Promise<void>) {
    if (part === 0) {
      for (let other = 1; other < this.config.CULL_PARTS; other++) {
        await this.queue.add(RETENTION_JOBS.cull, { taskId, part: other }, { jobId: `cull-${taskId}-part-${other}`, attempts: 6, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 1000, removeOnFail: 5000 });
      }
    }
    return this.guard(taskId, async () => {
      const { task, batches } = await this.cull.run(taskId, progress);
      return { taskId: task.id, status: task.status, part, batches, worker: `${hostname()}:${process.pid}` };
    });
  }

  /** The night's run: one task per night, whichever worker or delivery gets there first. */
  private async nightlyTask(): Promise<string> {
    const asOf = stockholmDate(new Date());
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('privdesk-nightly-cull'))`);
      const existing = await manager.findOne(RetentionTask, { where: { kind: 'cull', subject: asOf, requestedBy: IsNull() }, order: { createdAt: 'ASC' } });
      if (existing) return existing.id;
      return (await manager.save(manager.create(RetentionTask, { kind: 'cull', subject: asOf, requestedBy: null }))).id;
    });
  }

  /** Marks the task failed when the job throws; BullMQ retries it and the task resumes. */
  private async guard<T>(taskId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.error(`Task ${taskId} failed: ${error instanceof Error ? error.stack : String(error)}`);
      await this.dataSource.getRepository(RetentionTask).update(taskId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }
}
