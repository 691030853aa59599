import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES, REMINDER_JOBS, ServiceWindowJobData } from '@privdesk/domain';
import { Job } from 'bullmq';
import { QuotesService } from '../quotes/quotes.service';
import { SubjectRequestsService } from '../requests/subject-requests.service';
import { RemindersService } from './reminders.service';

type ReminderJobName = (typeof REMINDER_JOBS)[keyof typeof REMINDER_JOBS];

/** The reminders queue; every job is idempotent, so retries and second deliveries are harmless. */
@Processor(QUEUES.reminders, { concurrency: 1 })
export class RemindersProcessor extends WorkerHost {
  constructor(
    private readonly reminders: RemindersService,
    private readonly quotes: QuotesService,
    private readonly requests: SubjectRequestsService,
  ) {
    super();
  }

  async process(job: Job<Partial<ServiceWindowJobData>, unknown, ReminderJobName>): Promise<unknown> {
    switch (job.name) {
      case REMINDER_JOBS.expireQuotes:
        return { expired: await this.quotes.expireOverdue() };
      case REMINDER_JOBS.quoteFollowUp:
        return this.reminders.quoteFollowUps();
      case REMINDER_JOBS.ticketSla:
        return this.reminders.ticketSla();
      case REMINDER_JOBS.subjectRequestsDue:
        return { mailed: await this.requests.remindDue() };
      case REMINDER_JOBS.serviceWindow:
        return { queued: await this.reminders.mailWindow(job.data.windowId as string) };
      default:
        throw new Error(`No handler for job ${String(job.name)} on queue ${QUEUES.reminders}`);
    }
  }
}
