import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { MAINTENANCE_JOBS, MaintenanceJobName, PurgeExpiredSessionsResult, QUEUES } from '@privdesk/domain';
import { Job } from 'bullmq';
import { AuthService } from '../auth/auth.service';

/** Housekeeping: expired staff sessions are deleted hourly (they hold who was signed in, and when). */
@Processor(QUEUES.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly auth: AuthService) {
    super();
  }

  async process(job: Job<unknown, unknown, MaintenanceJobName>): Promise<PurgeExpiredSessionsResult> {
    switch (job.name) {
      case MAINTENANCE_JOBS.purgeExpiredSessions: {
        const purged = await this.auth.purgeExpiredSessions();
        // Kept answers to idempotent requests (they can hold personal data) go after an hour.
        await this.auth.purgeIdempotentAnswers();
        this.logger.log(`Purged ${purged} expired sessions`);
        return { purged };
      }
      default:
        throw new Error(`No handler for job ${String(job.name)} on queue ${QUEUES.maintenance}`);
    }
  }
}
