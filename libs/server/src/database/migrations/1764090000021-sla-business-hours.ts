import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA clock runs on opening hours and stands still while a ticket waits for the customer:
 * when the wait began, the open minutes waited so far, and when the assignee is warned.
 * Tickets registered before keep their due times; their warning time is the old rule's (¾ of the window).
 */
export class SlaBusinessHours1764090000021 implements MigrationInterface {
  name = 'SlaBusinessHours1764090000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket" ADD "sla_paused_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "sla_paused_minutes" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "warn_at" timestamptz`);
    await queryRunner.query(`UPDATE "ticket" SET "warn_at" = "created_at" + ("due_at" - "created_at") * 0.75, "sla_paused_at" = CASE WHEN "status" = 'waiting' THEN now() END`);
    await queryRunner.query(`ALTER TABLE "ticket" ALTER COLUMN "warn_at" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ticket_active_warn" ON "ticket" ("warn_at") WHERE status IN ('new', 'open')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ticket_active_warn"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "warn_at"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "sla_paused_minutes"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "sla_paused_at"`);
  }
}
