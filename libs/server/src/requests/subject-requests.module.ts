import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { PoliciesModule } from '../policies/policies.module';
import { SubjectRequestsController } from './subject-requests.controller';
import { SubjectRequestsService } from './subject-requests.service';

@Module({
  imports: [OutboxModule, PoliciesModule],
  controllers: [SubjectRequestsController],
  providers: [SubjectRequestsService],
  exports: [SubjectRequestsService],
})
export class SubjectRequestsModule {}
