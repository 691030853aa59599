import { MigrationInterface, QueryRunner } from 'typeorm';

/** Answers kept an hour per caller and Idempotency-Key, so a repeated create or send does nothing twice. */
export class IdempotentRequests1764090000017 implements MigrationInterface {
  name = 'IdempotentRequests1764090000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "idempotent_request" (
      "scope" text NOT NULL,
      "key" text NOT NULL,
      "path" text NOT NULL,
      "fingerprint" text NOT NULL,
      "status" integer,
      "body" jsonb,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_idempotent_request" PRIMARY KEY ("scope", "key"))`);
    await queryRunner.query(`CREATE INDEX "idempotent_request_created_at" ON "idempotent_request" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotent_request"`);
  }
}
