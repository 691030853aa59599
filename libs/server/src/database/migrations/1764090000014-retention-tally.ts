import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables that declare personal data (the registry) when this migration was written. */
const TABLES = ['agreement', 'applicant', 'contact_person', 'customer', 'device_checkin', 'inquiry', 'marketing_contact', 'outbox_email', 'person', 'quote', 'subject_request', 'ticket'];

/**
 * GIN indexes without a pending list, and the retention report's counts, kept by PostgreSQL as records change: each statement on a
 * personal-data table appends what it changed (records per type, purpose, basis and deadline, plus
 * or minus), so the report sums a few thousand rows instead of scanning every table. Append-only,
 * so concurrent writers never wait for each other or deadlock; the worker folds the rows together.
 */
export class RetentionTally1764090000014 implements MigrationInterface {
  name = 'RetentionTally1764090000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    // GIN indexes buffer new entries in a pending list that every search reads from end to end: a
    // few megabytes of recent writes made each scrub query of the cull take seconds. Written
    // straight into the index, an entry costs a little more to write and nothing to find.
    await queryRunner.query(`DO $$ DECLARE found record; BEGIN
      FOR found IN SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gin%' LOOP
        EXECUTE format('ALTER INDEX %I SET (fastupdate = off)', found.indexname);
        PERFORM gin_clean_pending_list(found.indexname::regclass);
      END LOOP; END $$`);
    await queryRunner.query(`CREATE TABLE "retention_tally" (
      "id" bigserial PRIMARY KEY,
      "record_type" text NOT NULL,
      "purpose" text,
      "legal_basis" text,
      "retain_until" date,
      "records" integer NOT NULL)`);
    await queryRunner.query(`CREATE FUNCTION retention_tally_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO retention_tally (record_type, purpose, legal_basis, retain_until, records)
          SELECT TG_ARGV[0], purpose, legal_basis, retain_until, count(*) FROM new_rows WHERE anonymised_at IS NULL GROUP BY 2, 3, 4;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO retention_tally (record_type, purpose, legal_basis, retain_until, records)
          SELECT TG_ARGV[0], purpose, legal_basis, retain_until, -count(*) FROM old_rows WHERE anonymised_at IS NULL GROUP BY 2, 3, 4;
        ELSE
          -- Most updates (a status, a note) change nothing the report counts: then nothing is written.
          INSERT INTO retention_tally (record_type, purpose, legal_basis, retain_until, records)
          SELECT TG_ARGV[0], purpose, legal_basis, retain_until, sum(change) FROM (
            SELECT purpose, legal_basis, retain_until, -1 AS change FROM old_rows WHERE anonymised_at IS NULL
            UNION ALL
            SELECT purpose, legal_basis, retain_until, 1 FROM new_rows WHERE anonymised_at IS NULL) changes
          GROUP BY 2, 3, 4 HAVING sum(change) <> 0;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_retention_tally_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_tally_track('${table}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_retention_tally_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_tally_track('${table}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_retention_tally_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_tally_track('${table}')`,
      );
      await queryRunner.query(
        `INSERT INTO retention_tally (record_type, purpose, legal_basis, retain_until, records)
         SELECT '${table}', purpose, legal_basis, retain_until, count(*) FROM "${table}" WHERE anonymised_at IS NULL GROUP BY 2, 3, 4`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ DECLARE found record; BEGIN
      FOR found IN SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gin%' LOOP
        EXECUTE format('ALTER INDEX %I RESET (fastupdate)', found.indexname);
      END LOOP; END $$`);
    for (const table of TABLES) {
      for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "${table}_retention_tally_${event}" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION retention_tally_track()`);
    await queryRunner.query(`DROP TABLE "retention_tally"`);
  }
}
