import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { CreateServiceWindowRequest, ServiceWindowView } from '@privdesk/domain';
import { IsIn, IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';
import { Allow } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { TrimToNull } from '../core/validators';
import { RemindersService } from './reminders.service';

class CreateServiceWindowDto implements CreateServiceWindowRequest {
  @ApiProperty() @TrimToNull() @IsString({ message: 'Give the window a title' }) @MinLength(1, { message: 'Give the window a title' }) @MaxLength(200) title!: string;
  @ApiProperty() @TrimToNull() @IsString({ message: 'Write the message to customers' }) @MinLength(1, { message: 'Write the message to customers' }) @MaxLength(5000) message!: string;
  @ApiProperty({ example: '2026-12-05T22:00:00+01:00' }) @IsISO8601({ strict: true }, { message: 'Enter the start as a date and time' }) startsAt!: string;
  @ApiProperty({ example: '2026-12-06T02:00:00+01:00' }) @IsISO8601({ strict: true }, { message: 'Enter the end as a date and time' }) endsAt!: string;
  @ApiProperty({ enum: ['service_window', 'system_update'] }) @IsIn(['service_window', 'system_update']) kind!: 'service_window' | 'system_update';
}

@ApiTags('service windows')
@Controller('service-windows')
export class ServiceWindowsController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Allow('admin')
  list(): Promise<ServiceWindowView[]> {
    return this.reminders.list();
  }

  @Post()
  @Allow('admin')
  announce(@Body() body: CreateServiceWindowDto, @CurrentUser() actor: StaffUser): Promise<ServiceWindowView> {
    return this.reminders.announce(body, actor.id);
  }
}
