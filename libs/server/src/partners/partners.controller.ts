import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, PartnerContactPolicyView, PartnerContactView } from '@privdesk/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { CreatePartnerContactDto, PartnerContactQueryDto, UpdatePartnerContactDto } from './partner-contact.dto';
import { PartnerContactsService } from './partner-contacts.service';

/**
 * Contact persons at suppliers and partners: kept by admins and sales, who deal with them;
 * technicians have no need for the list (docs/decisions/0014).
 */
@ApiTags('partners')
@Controller('partner-contacts')
export class PartnersController {
  constructor(private readonly contacts: PartnerContactsService) {}

  @Get()
  @Allow('admin', 'sales')
  list(@Query() query: PartnerContactQueryDto): Promise<Page<PartnerContactView>> {
    return this.contacts.list(query);
  }

  /** Why and how long the list is kept, from the policy table. */
  @Get('policy')
  @Allow('admin', 'sales')
  policy(): Promise<PartnerContactPolicyView> {
    return this.contacts.policy();
  }

  @Get(':id')
  @Allow('admin', 'sales')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PartnerContactView> {
    return this.contacts.get(id);
  }

  @Post()
  @Allow('admin', 'sales')
  create(@Body() body: CreatePartnerContactDto, @CurrentUser() actor: StaffUser): Promise<PartnerContactView> {
    return this.contacts.create(body, actor.id);
  }

  @Patch(':id')
  @Allow('admin', 'sales')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePartnerContactDto, @CurrentUser() actor: StaffUser): Promise<PartnerContactView> {
    return this.contacts.update(id, body, actor.id);
  }

  @Delete(':id')
  @Allow('admin', 'sales')
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: StaffUser): Promise<void> {
    return this.contacts.remove(id, actor.id);
  }
}
