import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the cull leans on: customers by person and organisation (is a person still referenced?)
 * and indexes of the words in free-text columns (where may a person be mentioned?) — partial, as
 * GIN searches slow down badly over many empty entries.
 */
export class CullIndexes1764090000004 implements MigrationInterface {
  name = 'CullIndexes1764090000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_44c7c03d57d8cd74bac08500b2" ON "customer" ("person_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_4826e339f8ec2dc55a693f896f" ON "customer" ("organisation_id")`);
    await queryRunner.query(`CREATE INDEX "agreement_title_fts" ON "agreement" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("title", '')))) WHERE "title" <> ''`);
    await queryRunner.query(`CREATE INDEX "contact_person_title_fts" ON "contact_person" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("title", '')))) WHERE "title" <> ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['IDX_44c7c03d57d8cd74bac08500b2', 'IDX_4826e339f8ec2dc55a693f896f', 'agreement_title_fts', 'contact_person_title_fts']) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
  }
}
