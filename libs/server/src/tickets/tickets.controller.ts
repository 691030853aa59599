import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, TicketDetail, TicketListItem } from '@privdesk/domain';
import { Allow, AnyStaff } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { AddTicketEntryDto, CreateTicketDto, TicketQueryDto, UpdateTicketDto } from './ticket.dto';
import { TicketsService } from './tickets.service';

/** Sales read tickets (without internal notes) and register them; the work itself is the technicians'. */
@ApiTags('tickets')
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @AnyStaff()
  list(@Query() query: TicketQueryDto, @CurrentUser() viewer: StaffUser): Promise<Page<TicketListItem>> {
    return this.tickets.list(query, viewer);
  }

  @Post()
  @AnyStaff()
  create(@Body() body: CreateTicketDto, @CurrentUser() actor: StaffUser): Promise<TicketDetail> {
    return this.tickets.create(body, actor);
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() viewer: StaffUser): Promise<TicketDetail> {
    return this.tickets.get(id, viewer);
  }

  @Patch(':id')
  @Allow('admin', 'technician')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateTicketDto, @CurrentUser() actor: StaffUser): Promise<TicketDetail> {
    return this.tickets.update(id, body, actor);
  }

  @Post(':id/entries')
  @Allow('admin', 'technician')
  addEntry(@Param('id', ParseUUIDPipe) id: string, @Body() body: AddTicketEntryDto, @CurrentUser() actor: StaffUser): Promise<TicketDetail> {
    return this.tickets.addEntry(id, body, actor);
  }
}
