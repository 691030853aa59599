import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { PoliciesModule } from '../policies/policies.module';
import { CullService } from './cull.service';
import { ExpiryReminderService } from './expiry-reminder.service';
import { PolicyAdminService } from './policy-admin.service';
import { ReapplyService } from './reapply.service';
import { RecomputeService } from './recompute.service';
import { OutboxController, PolicyAdminController, RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** The retention engine's HTTP side: preview, report, runs, certificates, holds, reviews, policy edits. */
@Module({
  imports: [PoliciesModule, CustomersModule],
  controllers: [RetentionController, PolicyAdminController, OutboxController],
  providers: [RetentionService, CullService, RecomputeService, PolicyAdminService, ExpiryReminderService, ReapplyService],
  exports: [CullService, RecomputeService, ExpiryReminderService, RetentionService, ReapplyService],
})
export class RetentionModule {}
