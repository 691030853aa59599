import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A kept answer names the records it shows, so it is forgotten with them: a cull or an erasure
 * leaves no copy of the data in the retry cache.
 */
export class IdempotentAnswersForgotten1764090000020 implements MigrationInterface {
  name = 'IdempotentAnswersForgotten1764090000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotent_request" ADD "record_ids" uuid[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX "idempotent_request_record_ids" ON "idempotent_request" USING gin ("record_ids") WITH (fastupdate = off)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idempotent_request_record_ids"`);
    await queryRunner.query(`ALTER TABLE "idempotent_request" DROP COLUMN "record_ids"`);
  }
}
