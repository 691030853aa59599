import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { PeopleModule } from './people.module';
import { PersonMergeController } from './person-merge.controller';
import { PersonMergeService } from './person-merge.service';

/**
 * Merging people, apart from PeopleModule: a merge recomputes the kept person's retention, which
 * the customers area computes, and the customers area itself needs PeopleModule.
 */
@Module({
  imports: [PeopleModule, CustomersModule],
  controllers: [PersonMergeController],
  providers: [PersonMergeService],
})
export class PersonMergeModule {}
