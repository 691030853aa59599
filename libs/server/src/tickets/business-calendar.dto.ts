import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { BusinessCalendar, isClockTime, OpenHours, WeeklyHours } from '@privdesk/domain';
import { IsBoolean, ValidateBy, ValidateIf } from 'class-validator';
import { NestedObject } from '../core/validators';

const IsClockTime = () => ValidateBy({ name: 'isClockTime', validator: { validate: isClockTime, defaultMessage: () => 'Enter a time as HH:mm (00:00–24:00)' } });

export class OpenHoursDto implements OpenHours {
  @ApiProperty({ example: '08:00' }) @IsClockTime() opens!: string;
  @ApiProperty({ example: '17:00' }) @IsClockTime() closes!: string;
}

const Day = (name: string) =>
  applyDecorators(
    ApiProperty({ type: OpenHoursDto, nullable: true, description: `${name}: open hours, or null when closed` }),
    ValidateIf((_object, value) => value !== null),
    NestedObject(() => OpenHoursDto, `${name} must be open hours { opens, closes } or null`),
  );

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export class WeeklyHoursDto implements WeeklyHours {
  @Day('Monday') '1'!: OpenHoursDto | null;
  @Day('Tuesday') '2'!: OpenHoursDto | null;
  @Day('Wednesday') '3'!: OpenHoursDto | null;
  @Day('Thursday') '4'!: OpenHoursDto | null;
  @Day('Friday') '5'!: OpenHoursDto | null;
  @Day('Saturday') '6'!: OpenHoursDto | null;
  @Day('Sunday') '7'!: OpenHoursDto | null;
}

export class BusinessCalendarDto implements BusinessCalendar {
  @ApiProperty({ type: WeeklyHoursDto }) @NestedObject(() => WeeklyHoursDto) week!: WeeklyHoursDto;
  @ApiProperty({ description: 'Closed on Swedish public holidays and on midsummer, Christmas and New Year’s eves' }) @IsBoolean() closedOnHolidays!: boolean;
}
