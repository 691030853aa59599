import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AgreementView, ContactView, CustomerDetail, CustomerListItem, Page } from '@privdesk/domain';
import { AnyStaff } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { CustomersService } from './customers.service';
import { AgreementInputDto, UpdateAgreementDto } from './dto/agreement.dto';
import { CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import { CreateCustomerDto, CustomerQueryDto, UpdateCustomerDto } from './dto/customer.dto';

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @AnyStaff()
  list(@Query() query: CustomerQueryDto): Promise<Page<CustomerListItem>> {
    return this.customers.list(query);
  }

  @Post()
  @AnyStaff()
  create(@Body() body: CreateCustomerDto, @CurrentUser() actor: StaffUser): Promise<CustomerDetail> {
    return this.customers.create(body, actor.id);
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CustomerDetail> {
    return this.customers.get(id);
  }

  @Patch(':id')
  @AnyStaff()
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCustomerDto, @CurrentUser() actor: StaffUser): Promise<CustomerDetail> {
    return this.customers.update(id, body, actor.id);
  }

  @Post(':id/contacts')
  @AnyStaff()
  addContact(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateContactDto, @CurrentUser() actor: StaffUser): Promise<ContactView> {
    return this.customers.addContact(id, body, actor.id);
  }

  @Patch(':id/contacts/:contactId')
  @AnyStaff()
  updateContact(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
    @Body() body: UpdateContactDto,
    @CurrentUser() actor: StaffUser,
  ): Promise<ContactView> {
    return this.customers.updateContact(id, contactId, body, actor.id);
  }

  @Post(':id/agreements')
  @AnyStaff()
  addAgreement(@Param('id', ParseUUIDPipe) id: string, @Body() body: AgreementInputDto, @CurrentUser() actor: StaffUser): Promise<AgreementView> {
    return this.customers.addAgreement(id, body, actor.id);
  }

  @Patch(':id/agreements/:agreementId')
  @AnyStaff()
  updateAgreement(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('agreementId', ParseUUIDPipe) agreementId: string,
    @Body() body: UpdateAgreementDto,
    @CurrentUser() actor: StaffUser,
  ): Promise<AgreementView> {
    return this.customers.updateAgreement(id, agreementId, body, actor.id);
  }
}
