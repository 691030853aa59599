import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addCalendarDays, stockholmDate } from '@privdesk/domain';
import { DataSource } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { AppConfig } from '../core/config';
import { MailService } from '../outbox/mail.service';
import { personalDataTables } from '../privacy/registry';

/** A week before a nightly cull that would remove more than the threshold, the admins hear of it. */
@Injectable()
export class ExpiryReminderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async remind(today = stockholmDate(new Date())): Promise<{ night: string; records: number; mailed: number }> {
    // The cull on night N removes what expired the day before: look at the day six days from now.
    const night = addCalendarDays(today, 7);
    const expiringDay = addCalendarDays(today, 6);
    let records = 0;
    for (const { table } of personalDataTables()) {
      const [{ count }] = await this.dataSource.query(
        `SELECT count(*)::int AS count FROM ${table} WHERE retain_until = $1 AND anonymised_at IS NULL`,
        [expiringDay],
      );
      records += count;
    }
    if (records <= this.config.RETENTION_REMINDER_THRESHOLD) return { night, records, mailed: 0 };
    const admins = await this.dataSource.getRepository(StaffUser).findBy({ role: 'admin', active: true });
    let mailed = 0;
    for (const admin of admins) {
      const queued = await this.mail.queue({
        idempotencyKey: `expiry-reminder:${night}:${admin.id}`,
        to: admin.email,
        sentFor: 'A1',
        subject: `Privdesk: ${records} records will be culled on the night to ${night}`,
        body: [
          `Hello ${admin.name},`,
          '',
          `The nightly cull on ${night} will remove or anonymise ${records} records whose retention deadline passes on ${expiringDay}.`,
          'Open Retention in Privdesk to preview them, place legal holds or review them before then.',
          '',
          'Privdesk',
        ].join('\n'),
      });
      if (queued) mailed++;
    }
    return { night, records, mailed };
  }
}
