import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { JobOutbox } from './job-outbox.entity';

const RELAY_INTERVAL_MS = 2000;
const ADD_TIMEOUT_MS = 5000;
// Every job re-checks its own state, so a retry after a lost database or Redis connection resumes where it stopped.
const RETRIES = { attempts: 6, backoff: { type: 'exponential', delay: 2_000 } } as const;

/**
 * Transactional outbox for jobs: `enqueue` writes the job in the caller's transaction; the relay
 * hands it to BullMQ right after and then every few seconds, with the outbox row's id as job id,
 * so a job is never lost while Redis is away and never enqueued twice.
 */
@Injectable()
export class JobOutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobOutboxService.name);
  private timer: NodeJS.Timeout | null = null;
  private relaying: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  async enqueue(manager: EntityManager, queue: string, name: string, data: Record<string, unknown>): Promise<void> {
    // jsonb: TypeORM's deep-partial type cannot describe an arbitrary JSON object.
    await manager.insert(JobOutbox, { queue, name, data: data as never });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.relay(), RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Relays pending jobs; returns how many went to the queues. One relay at a time per process. */
  relay(): Promise<number> {
    this.relaying ??= this.relayPending().finally(() => (this.relaying = null));
    return this.relaying;
  }

  private async relayPending(): Promise<number> {
    let relayed = 0;
    try {
      const pending = await this.dataSource.getRepository(JobOutbox).find({ where: { relayedAt: IsNull() }, order: { id: 'ASC' }, take: 100 });
      for (const job of pending) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(job.queue), { strict: false });
        // The outbox row's key as job id: a job relayed twice (two API instances, a crash between add and update) is one job.
        await withTimeout(queue.add(job.name, job.data, { jobId: `outbox-${job.jobKey}`, removeOnComplete: 1000, removeOnFail: 5000, ...RETRIES }), ADD_TIMEOUT_MS);
        await this.dataSource.getRepository(JobOutbox).update(job.id, { relayedAt: new Date() });
        relayed++;
      }
    } catch (error) {
      // Redis unreachable: the rows stay pending and the next round tries again.
      this.logger.warn(`Job relay paused: ${error instanceof Error ? error.message : String(error)}`);
    }
    return relayed;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the queue did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
