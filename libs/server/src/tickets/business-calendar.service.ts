import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { InstallationSetting } from '../settings/installation-setting.entity';

const CALENDAR_SETTING = 'business_calendar';

/** The shop's opening hours, on which tickets' SLA clocks run (Swedish holidays computed, not stored). */
@Injectable()
export class BusinessCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<BusinessCalendar> {
    const setting = await manager.findOneBy(InstallationSetting, { key: CALENDAR_SETTING });
    return setting ? (JSON.parse(setting.value) as BusinessCalendar) : DEFAULT_BUSINESS_CALENDAR;
  }

  /** New hours count for tickets registered, reprioritised or resumed from now on; due times already set stay. */
  async update(calendar: BusinessCalendar, actorId: string): Promise<BusinessCalendar> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(manager);
      const stored: BusinessCalendar = { week: calendar.week, closedOnHolidays: calendar.closedOnHolidays };
      await manager.save(InstallationSetting, { key: CALENDAR_SETTING, value: JSON.stringify(stored) });
      await this.audit.record({ actorId, action: 'setting.updated', entityType: 'setting', entityId: null, fields: ['businessCalendar'], details: { before, after: stored } }, manager);
      return stored;
    });
  }
}
