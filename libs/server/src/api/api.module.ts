import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { AppConfig } from '../core/config';
import { CoreModule } from '../core/core.module';
import { HttpExceptionFilter } from '../core/http-exception.filter';
import { CustomersModule } from '../customers/customers.module';
import { DatabaseModule } from '../database/database.module';
import { HealthModule } from '../health/health.module';
import { PeopleModule } from '../people/people.module';
import { PersonMergeModule } from '../people/person-merge.module';
import { PoliciesModule } from '../policies/policies.module';
import { OutboxModule } from '../outbox/outbox.module';
import { QueueModule } from '../queue/queue.module';
import { RetentionModule } from '../retention/retention.module';
import { CheckinsModule } from '../checkins/checkins.module';
import { MarketingModule } from '../marketing/marketing.module';
import { PartnersModule } from '../partners/partners.module';
import { QuotesModule } from '../quotes/quotes.module';
import { RemindersModule } from '../reminders/reminders.module';
import { TasksModule } from '../tasks/tasks.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ApplicantsModule } from '../applicants/applicants.module';
import { InquiriesModule } from '../inquiries/inquiries.module';
import { SubjectRequestsModule } from '../requests/subject-requests.module';
import { RightsModule } from '../rights/rights.module';
import { TransparencyModule } from '../transparency/transparency.module';

/** The HTTP API's composition root: every area with a controller. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule,
        QueueModule.forRoot(config),
        AuditModule,
        OutboxModule,
        AuthModule,
        PoliciesModule,
        PeopleModule,
        CustomersModule,
        PersonMergeModule,
        RetentionModule,
        TicketsModule,
        CheckinsModule,
        QuotesModule,
        MarketingModule,
        PartnersModule,
        TasksModule,
        RemindersModule,
        SubjectRequestsModule,
        RightsModule,
        TransparencyModule,
        ApplicantsModule,
        InquiriesModule,
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
    };
  }
}
