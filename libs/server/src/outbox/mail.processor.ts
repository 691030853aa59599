import { Processor, WorkerHost } from '@nestjs/bullmq';
import { MAIL_JOBS, QUEUES } from '@privdesk/domain';
import { Job } from 'bullmq';
import { MailService } from './mail.service';

@Processor(QUEUES.mail, { concurrency: 1 })
export class MailProcessor extends WorkerHost {
  constructor(private readonly mail: MailService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === MAIL_JOBS.deliver) return this.mail.deliverPending();
    throw new Error(`No handler for job ${job.name} on queue ${QUEUES.mail}`);
  }
}
