import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BUSINESS_TIME_ZONE, MAIL_JOBS, QUEUES, RETENTION_JOBS } from '@privdesk/domain';
import { Queue } from 'bullmq';
import { AppConfig } from '../core/config';

/** BullMQ job schedulers (upserted by id, so every worker start is harmless). */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionScheduler.name);

  constructor(
    @InjectQueue(QUEUES.retention) private readonly retention: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
    // A Redis that lost its data (restarted without persistence) gets the schedules back on reconnect.
    if (this.config.REDIS_URL) {
      this.retention.getBackend().on('ready', () => void this.register().catch((error) => this.logger.warn(`Re-registering schedules failed: ${error}`)));
    }
  }

  async register(): Promise<void> {
    const keep = { removeOnComplete: 100, removeOnFail: 500 };
    await this.retention.upsertJobScheduler(RETENTION_JOBS.nightly, { pattern: '0 2 * * *', tz: BUSINESS_TIME_ZONE }, { name: RETENTION_JOBS.nightly, opts: { ...keep, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } });
    await this.retention.upsertJobScheduler(RETENTION_JOBS.expiryReminder, { pattern: '0 8 * * *', tz: BUSINESS_TIME_ZONE }, { name: RETENTION_JOBS.expiryReminder, opts: keep });
    await this.mail.upsertJobScheduler(MAIL_JOBS.deliver, { pattern: '* * * * *', tz: BUSINESS_TIME_ZONE }, { name: MAIL_JOBS.deliver, opts: { removeOnComplete: 10, removeOnFail: 100 } });
  }
}
