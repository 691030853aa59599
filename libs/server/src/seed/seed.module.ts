import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { StaffUser } from '../auth/staff-user.entity';
import { AppConfig } from '../core/config';
import { CoreModule } from '../core/core.module';
import { Customer } from '../customers/customer.entity';
import { CustomersModule } from '../customers/customers.module';
import { DatabaseModule } from '../database/database.module';
import { OutboxModule } from '../outbox/outbox.module';
import { RetentionModule } from '../retention/retention.module';
import { SeedService } from './seed.service';
import { CheckinsModule } from '../checkins/checkins.module';
import { QuotesModule } from '../quotes/quotes.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ApplicantsModule } from '../applicants/applicants.module';
import { InquiriesModule } from '../inquiries/inquiries.module';
import { MarketingModule } from '../marketing/marketing.module';
import { SubjectRequestsModule } from '../requests/subject-requests.module';
import { TransparencyModule } from '../transparency/transparency.module';

/** What the start command needs to create the first admin and the demo data. */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [CoreModule.forRoot(config), DatabaseModule, AuditModule, OutboxModule, AuthModule, CustomersModule, RetentionModule, TicketsModule, CheckinsModule, QuotesModule, MarketingModule, SubjectRequestsModule, InquiriesModule, ApplicantsModule, TransparencyModule, TypeOrmModule.forFeature([StaffUser, Customer])],
      providers: [SeedService],
    };
  }
}
