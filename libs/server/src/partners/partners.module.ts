import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { PoliciesModule } from '../policies/policies.module';
import { PartnerContactsService } from './partner-contacts.service';
import { PartnersController } from './partners.controller';

/** Contact persons at suppliers and partners (P9). */
@Module({
  imports: [PeopleModule, PoliciesModule],
  controllers: [PartnersController],
  providers: [PartnerContactsService],
})
export class PartnersModule {}
