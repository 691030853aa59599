import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { testConfig } from '../../test/test-app';
import { SeedModule } from './seed.module';
import { SeedService } from './seed.service';

describe('demo data', () => {
  let context: INestApplicationContext;

  beforeAll(async () => {
    context = await NestFactory.createApplicationContext(SeedModule.forRoot(testConfig({ DEVICE_PASSWORD_KEY: 'device-password-key-for-the-tests-0123456789' })), { logger: false });
    await context.init();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('fills an empty installation with customers, tickets, check-ins and quotes, once, every record with its privacy', async () => {
    const dataSource = context.get<DataSource>(getDataSourceToken());
    const seed = context.get(SeedService);
    await seed.firstAdmin('demo-admin@test.privdesk.local', 'a-demo-password-long-enough');
    await seed.demo();
    await seed.demo();
    const count = async (table: string) => (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    expect(await count('ticket')).toBe(6);
    expect(await count('device_checkin')).toBe(3);
    expect(await count('quote')).toBe(5);
    const statuses = await dataSource.query(`SELECT status, purpose FROM quote ORDER BY status`);
    expect(statuses).toEqual(expect.arrayContaining([{ status: 'won', purpose: 'P7' }, { status: 'lost', purpose: 'P2' }]));
    for (const table of ['ticket', 'device_checkin', 'quote', 'person']) {
      expect(await dataSource.query(`SELECT id FROM ${table} WHERE legal_basis IS NULL OR retention_rule IS NULL`)).toEqual([]);
    }
    expect(await count(`device_checkin WHERE password_ciphertext IS NOT NULL`)).toBe(1);
    expect(await count('marketing_contact')).toBe(2);
    expect(await count('inquiry')).toBe(1);
    expect(await count('applicant_document')).toBe(1);
    expect(await count('subject_request')).toBe(1);
  });
});
