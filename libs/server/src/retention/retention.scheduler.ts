import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { BUSINESS_TIME_ZONE, MAIL_JOBS, QUEUES, RETENTION_JOBS } from '@privdesk/domain';
import { Queue } from 'bullmq';

/** BullMQ job schedulers (upserted by id, so every worker start is harmless). */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.retention) private readonly retention: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const keep = { removeOnComplete: 100, removeOnFail: 500 };
    await this.retention.upsertJobScheduler(RETENTION_JOBS.nightly, { pattern: '0 2 * * *', tz: BUSINESS_TIME_ZONE }, { name: RETENTION_JOBS.nightly, opts: { ...keep, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } });
    await this.retention.upsertJobScheduler(RETENTION_JOBS.expiryReminder, { pattern: '0 8 * * *', tz: BUSINESS_TIME_ZONE }, { name: RETENTION_JOBS.expiryReminder, opts: keep });
    await this.mail.upsertJobScheduler(MAIL_JOBS.deliver, { pattern: '* * * * *', tz: BUSINESS_TIME_ZONE }, { name: MAIL_JOBS.deliver, opts: { removeOnComplete: 10, removeOnFail: 100 } });
  }
}
