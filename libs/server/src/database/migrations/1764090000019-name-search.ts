import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding people and companies by any part of their name (the ticket search, the customer picker)
 * without reading every row: trigram indexes over the names as the searches write them.
 */
export class NameSearch1764090000019 implements MigrationInterface {
  name = 'NameSearch1764090000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "person_name_trgm" ON "person" USING gin ((first_name || ' ' || last_name) gin_trgm_ops) WITH (fastupdate = off) WHERE anonymised_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "organisation_name_trgm" ON "organisation" USING gin (name gin_trgm_ops) WITH (fastupdate = off)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "organisation_name_trgm"`);
    await queryRunner.query(`DROP INDEX "person_name_trgm"`);
  }
}
