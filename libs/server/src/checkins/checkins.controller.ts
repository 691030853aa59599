import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CheckinDetail, CheckinListItem, DevicePasswordView, Page } from '@privdesk/domain';
import { FastifyReply } from 'fastify';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { CheckinQueryDto, CreateCheckinDto, ReturnCheckinDto, UpdateCheckinDto } from './checkin.dto';
import { CheckinsService } from './checkins.service';

/** The service counter: technicians and admins. */
@ApiTags('check-ins')
@Controller('checkins')
export class CheckinsController {
  constructor(private readonly checkins: CheckinsService) {}

  @Get()
  @Allow('admin', 'technician')
  list(@Query() query: CheckinQueryDto): Promise<Page<CheckinListItem>> {
    return this.checkins.list(query);
  }

  @Post()
  @Allow('admin', 'technician')
  create(@Body() body: CreateCheckinDto, @CurrentUser() actor: StaffUser): Promise<CheckinDetail> {
    return this.checkins.create(body, actor);
  }

  @Get(':id')
  @Allow('admin', 'technician')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CheckinDetail> {
    return this.checkins.get(id);
  }

  @Patch(':id')
  @Allow('admin', 'technician')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCheckinDto, @CurrentUser() actor: StaffUser): Promise<CheckinDetail> {
    return this.checkins.update(id, body, actor);
  }

  @Post(':id/return')
  @Allow('admin', 'technician')
  returnDevice(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReturnCheckinDto, @CurrentUser() actor: StaffUser): Promise<CheckinDetail> {
    return this.checkins.return(id, body, actor);
  }

  @Get(':id/password')
  @Allow('technician', 'admin')
  password(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() viewer: StaffUser): Promise<DevicePasswordView> {
    return this.checkins.revealPassword(id, viewer);
  }

  @Get(':id/receipt.pdf')
  @Allow('admin', 'technician')
  async receipt(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { filename, pdf } = await this.checkins.receipt(id);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(pdf);
  }
}
