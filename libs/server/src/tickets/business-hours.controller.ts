import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BusinessCalendar, BusinessHoursView, stockholmDate, swedishHolidays } from '@privdesk/domain';
import { Allow, AnyStaff } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { StaffUser } from '../auth/staff-user.entity';
import { invalidField } from '../core/errors';
import { BusinessCalendarDto } from './business-calendar.dto';
import { BusinessCalendarService } from './business-calendar.service';

/** Opening hours: the SLA clock of every ticket runs on them. */
@ApiTags('settings')
@Controller('settings/business-hours')
export class BusinessHoursController {
  constructor(private readonly calendars: BusinessCalendarService) {}

  @Get()
  @AnyStaff()
  async get(): Promise<BusinessHoursView> {
    return this.view(await this.calendars.get());
  }

  @Put()
  @Allow('admin')
  async update(@Body() body: BusinessCalendarDto, @CurrentUser() actor: StaffUser): Promise<BusinessHoursView> {
    for (const [day, hours] of Object.entries(body.week)) {
      if (hours && hours.closes <= hours.opens) throw invalidField(`week.${day}.closes`, 'Closing time must be after opening time');
    }
    if (!Object.values(body.week).some(Boolean)) throw invalidField('week', 'Open at least one day a week');
    return this.view(await this.calendars.update(body, actor.id));
  }

  private view(calendar: BusinessCalendar): BusinessHoursView {
    const year = Number(stockholmDate(new Date()).slice(0, 4));
    return { calendar, holidays: [...swedishHolidays(year), ...swedishHolidays(year + 1)] };
  }
}
