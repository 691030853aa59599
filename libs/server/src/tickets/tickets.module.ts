import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { PoliciesModule } from '../policies/policies.module';
import { BusinessCalendarService } from './business-calendar.service';
import { BusinessHoursController } from './business-hours.controller';
import { TicketEntry } from './ticket-entry.entity';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket, TicketEntry]), CustomersModule, PoliciesModule],
  controllers: [TicketsController, BusinessHoursController],
  providers: [TicketsService, BusinessCalendarService],
  exports: [TicketsService, BusinessCalendarService],
})
export class TicketsModule {}
