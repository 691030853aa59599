import { MigrationInterface, QueryRunner } from 'typeorm';

/** Job ids from a random key rather than the outbox sequence, which rewinds when a backup is restored. */
export class JobOutboxKey1764090000005 implements MigrationInterface {
  name = 'JobOutboxKey1764090000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_outbox" ADD "job_key" uuid NOT NULL DEFAULT gen_random_uuid()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "job_outbox" DROP COLUMN "job_key"`);
  }
}
