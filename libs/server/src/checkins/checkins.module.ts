import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { PeopleModule } from '../people/people.module';
import { PoliciesModule } from '../policies/policies.module';
import { TransparencyModule } from '../transparency/transparency.module';
import { CheckinsController } from './checkins.controller';
import { CheckinsService } from './checkins.service';
import { DeviceCheckin } from './device-checkin.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DeviceCheckin]), CustomersModule, PeopleModule, PoliciesModule, TransparencyModule],
  controllers: [CheckinsController],
  providers: [CheckinsService],
  exports: [CheckinsService],
})
export class CheckinsModule {}
