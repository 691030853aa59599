import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people/people.module';
import { PoliciesModule } from '../policies/policies.module';
import { Agreement } from './agreement.entity';
import { ContactPerson } from './contact-person.entity';
import { CustomerRetentionService } from './customer-retention.service';
import { Customer } from './customer.entity';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';
import { Organisation } from './organisation.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Customer, Organisation, ContactPerson, Agreement]), PeopleModule, PoliciesModule],
  controllers: [CustomersController],
  providers: [CustomersService, CustomerRetentionService],
  exports: [CustomersService, CustomerRetentionService],
})
export class CustomersModule {}
