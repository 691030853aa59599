import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { BUSINESS_TIME_ZONE, MAINTENANCE_JOBS, QUEUES } from '@privdesk/domain';
import { Queue } from 'bullmq';

/** Registers the recurring maintenance jobs with BullMQ's job scheduler (idempotent: upsert by id). */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
  }

  async register(): Promise<void> {
    await this.queue.upsertJobScheduler(
      MAINTENANCE_JOBS.purgeExpiredSessions,
      { pattern: '15 * * * *', tz: BUSINESS_TIME_ZONE },
      { name: MAINTENANCE_JOBS.purgeExpiredSessions, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
  }
}
