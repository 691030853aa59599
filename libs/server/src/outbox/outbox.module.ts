import { Global, Module } from '@nestjs/common';
import { JobOutboxService } from './job-outbox.service';
import { MailService } from './mail.service';

@Global()
@Module({
  providers: [JobOutboxService, MailService],
  exports: [JobOutboxService, MailService],
})
export class OutboxModule {}
