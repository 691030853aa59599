import { DataSource } from 'typeorm';
import { personalDataTables } from '../privacy/registry';
import { createDataSource } from './data-source';

describe('database schema (real PostgreSQL, migrations applied)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource(process.env['DATABASE_URL'] as string);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('matches the entities exactly: the migrations leave nothing for synchronize to do', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('is seeded with the privacy notice’s policies P1–P7, the contact form’s (P8), supplier and partner contacts’ (P9) and Privdesk’s own (A1 certificates, A2 requests register)', async () => {
    const rows = await dataSource.query('SELECT code, legal_basis FROM retention_policy ORDER BY code');

    expect(rows).toEqual([
      { code: 'A1', legal_basis: 'legal_obligation' },
      { code: 'A2', legal_basis: 'legal_obligation' },
      { code: 'A3', legal_basis: 'legitimate_interest' },
      { code: 'P1', legal_basis: 'consent' },
      { code: 'P2', legal_basis: 'legitimate_interest' },
      { code: 'P3', legal_basis: 'contract' },
      { code: 'P4', legal_basis: 'contract' },
      { code: 'P5', legal_basis: 'legitimate_interest' },
      { code: 'P6', legal_basis: 'legitimate_interest' },
      { code: 'P7', legal_basis: 'legal_obligation' },
      { code: 'P8', legal_basis: 'legitimate_interest' },
      { code: 'P9', legal_basis: 'legitimate_interest' },
    ]);
  });

  it.each([
    ['no policy', `NULL, 'contract'`, /null value in column "purpose"/],
    ['an unknown policy', `'P99', 'contract'`, /violates foreign key constraint/],
    ['no legal basis', `'P3', NULL`, /null value in column "legal_basis"/],
    ['an unknown legal basis', `'P3', 'because we can'`, /violates check constraint "person_legal_basis"/],
  ])('makes a personal-data record with %s impossible', async (_case, values, error) => {
    await expect(
      dataSource.query(
        `INSERT INTO person (first_name, last_name, purpose, legal_basis, retention_rule, retention_rule_sv) VALUES ('A', 'B', ${values}, 'r', 'r')`,
      ),
    ).rejects.toThrow(error);
  });

  it('declares purpose, legal basis and deadline on every table of the personal-data registry, and only there', async () => {
    const rows: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name IN ('purpose', 'legal_basis', 'retain_until')
         AND table_name <> 'retention_tally' -- the report's counts of those columns, not records
       GROUP BY table_name HAVING count(*) = 3 ORDER BY table_name`,
    );

    expect(rows.map((row) => row.table_name)).toEqual(personalDataTables().map((declaration) => declaration.table).sort());
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['agreement', 'applicant', 'contact_person', 'customer', 'device_checkin', 'inquiry', 'marketing_contact', 'outbox_email', 'partner_contact', 'person', 'quote', 'subject_request', 'ticket']),
    );
  });
});
