import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BUSINESS_TIME_ZONE, QUEUES, REMINDER_JOBS } from '@privdesk/domain';
import { Queue } from 'bullmq';
import { AppConfig } from '../core/config';

/** The reminders' BullMQ job schedulers (upserted by id, so every worker start is harmless). */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersScheduler.name);

  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
    if (this.config.REDIS_URL) {
      this.queue.getBackend().on('ready', () => void this.register().catch((error) => this.logger.warn(`Re-registering schedules failed: ${error}`)));
    }
  }

  async register(): Promise<void> {
    const keep = { removeOnComplete: 100, removeOnFail: 500 };
    await this.queue.upsertJobScheduler(REMINDER_JOBS.expireQuotes, { pattern: '5 0 * * *', tz: BUSINESS_TIME_ZONE }, { name: REMINDER_JOBS.expireQuotes, opts: keep });
    await this.queue.upsertJobScheduler(REMINDER_JOBS.quoteFollowUp, { pattern: '0 7 * * *', tz: BUSINESS_TIME_ZONE }, { name: REMINDER_JOBS.quoteFollowUp, opts: keep });
    await this.queue.upsertJobScheduler(REMINDER_JOBS.subjectRequestsDue, { pattern: '15 8 * * *', tz: BUSINESS_TIME_ZONE }, { name: REMINDER_JOBS.subjectRequestsDue, opts: keep });
    await this.queue.upsertJobScheduler(REMINDER_JOBS.ticketSla, { pattern: '*/10 * * * *', tz: BUSINESS_TIME_ZONE }, { name: REMINDER_JOBS.ticketSla, opts: keep });
  }
}
