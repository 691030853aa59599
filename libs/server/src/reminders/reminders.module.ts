import { Module } from '@nestjs/common';
import { MarketingModule } from '../marketing/marketing.module';
import { OutboxModule } from '../outbox/outbox.module';
import { QuotesModule } from '../quotes/quotes.module';
import { SubjectRequestsModule } from '../requests/subject-requests.module';
import { TasksModule } from '../tasks/tasks.module';
import { TransparencyModule } from '../transparency/transparency.module';
import { RemindersService } from './reminders.service';
import { ServiceWindowsController } from './service-windows.controller';

@Module({
  imports: [TasksModule, MarketingModule, OutboxModule, QuotesModule, SubjectRequestsModule, TransparencyModule],
  controllers: [ServiceWindowsController],
  providers: [RemindersService],
  exports: [RemindersService, QuotesModule, SubjectRequestsModule],
})
export class RemindersModule {}
