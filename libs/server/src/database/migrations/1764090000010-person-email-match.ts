import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One person per e-mail address: every path that registers a person looks him or her up by the
 * address trimmed and in lower case, and the duplicates list groups by it. Not unique — people
 * registered twice before the rule stay listable until an admin merges them.
 */
export class PersonEmailMatch1764090000010 implements MigrationInterface {
  name = 'PersonEmailMatch1764090000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "person_email_match" ON "person" (lower(trim("email"))) WHERE "email" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "person_email_match"`);
  }
}
