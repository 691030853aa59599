import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { addCalendarDays, stockholmDate } from '@privdesk/domain';
import { DataSource } from 'typeorm';
import { seedExpiredContacts } from '../../test/seed-expired';
import { testConfig } from '../../test/test-app';
import { MailService } from '../outbox/mail.service';
import { WorkerModule } from '../worker/worker.module';
import { CullService } from './cull.service';
import { ExpiryReminderService } from './expiry-reminder.service';

describe('expiry reminders, the mail outbox and the certificates’ own retention', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig({ RETENTION_REMINDER_THRESHOLD: '2' })), { logger: false });
    await worker.init();
    dataSource = worker.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await worker?.close();
  });

  it('mails each active admin once, a week before a nightly cull larger than the threshold, and keeps the mail in the outbox without SMTP', async () => {
    const today = stockholmDate(new Date());
    const [admin] = await dataSource.query(
      `INSERT INTO staff_user (email, name, role, password_hash) VALUES ('reminded-admin@test.privdesk.local', 'Rut Admin', 'admin', 'x') RETURNING id`,
    );
    const customerId = await seedExpiredContacts(dataSource, 3, 'Soon');
    await dataSource.query('UPDATE contact_person SET retain_until = $2 WHERE customer_id = $1', [customerId, addCalendarDays(today, 6)]);

    const reminders = worker.get(ExpiryReminderService);
    const first = await reminders.remind(today);
    const again = await reminders.remind(today);

    expect(first).toMatchObject({ night: addCalendarDays(today, 7), records: 3 });
    expect(first.mailed).toBeGreaterThanOrEqual(1);
    expect(again.mailed).toBe(0);
    const mails = await dataSource.query(`SELECT to_address, subject, status FROM outbox_email WHERE idempotency_key LIKE $1`, [`expiry-reminder:%:${admin.id}`]);
    expect(mails).toEqual([{ to_address: 'reminded-admin@test.privdesk.local', subject: expect.stringContaining('3 records'), status: 'pending' }]);

    const delivered = await worker.get(MailService).deliverPending();
    expect(delivered.stored).toBeGreaterThanOrEqual(1);
    const [stored] = await dataSource.query(`SELECT status FROM outbox_email WHERE idempotency_key LIKE $1`, [`expiry-reminder:%:${admin.id}`]);
    expect(stored.status).toBe('stored');
  });

  it('stays quiet when the batch is small', async () => {
    const result = await worker.get(ExpiryReminderService).remind('2099-01-01');
    expect(result).toMatchObject({ records: 0, mailed: 0 });
  });

  it('culls certificates past their own deadline (policy A1), entries and all', async () => {
    const [{ id: oldRun }] = await dataSource.query(`INSERT INTO retention_task (kind, subject, status) VALUES ('cull', '2010-01-01', 'completed') RETURNING id`);
    await dataSource.query(
      `INSERT INTO deletion_certificate (run_id, as_of, started_at, finished_at, counts, totals, purpose, retain_until)
       VALUES ($1, '2010-01-01', now(), now(), '[]', '{"deleted":0,"anonymised":0,"held":0,"reviewed":0}', 'A1', '2020-01-01')`,
      [oldRun],
    );
    await dataSource.query(`INSERT INTO certificate_entry (run_id, record_type, policy, outcome, id_hash) VALUES ($1, 'person', 'P6', 'deleted', 'abc')`, [oldRun]);
    const [{ id: taskId }] = await dataSource.query(`INSERT INTO retention_task (kind, subject) VALUES ('cull', '2026-11-25') RETURNING id`);

    await worker.get(CullService).run(taskId);

    expect(await dataSource.query('SELECT id FROM deletion_certificate WHERE run_id = $1', [oldRun])).toEqual([]);
    expect(await dataSource.query('SELECT id FROM certificate_entry WHERE run_id = $1', [oldRun])).toEqual([]);
    const [fresh] = await dataSource.query('SELECT retain_until::text AS retain_until FROM deletion_certificate WHERE run_id = $1', [taskId]);
    expect(fresh.retain_until).toBe('2036-11-25');
  });
});
