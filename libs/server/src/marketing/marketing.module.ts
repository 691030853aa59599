import { Module } from '@nestjs/common';
import { MarketingController } from './marketing.controller';
import { SuppressionService } from './suppression.service';
import { CustomersModule } from '../customers/customers.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleModule } from '../people/people.module';
import { PoliciesModule } from '../policies/policies.module';
import { TransparencyModule } from '../transparency/transparency.module';
import { MarketingContactsService } from './marketing-contacts.service';

@Module({
  imports: [CustomersModule, PeopleModule, OutboxModule, PoliciesModule, TransparencyModule],
  controllers: [MarketingController],
  providers: [SuppressionService, MarketingContactsService],
  exports: [SuppressionService, MarketingContactsService],
})
export class MarketingModule {}
