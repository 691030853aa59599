import { MigrationInterface, QueryRunner } from 'typeorm';

/** The retention engine: tasks, certificates, holds, reviews, job and e-mail outboxes, settings. */
export class RetentionEngine1764090000002 implements MigrationInterface {
  name = 'RetentionEngine1764090000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "job_outbox" ("id" BIGSERIAL NOT NULL, "queue" text NOT NULL, "name" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c3ba45dab51e3016acef18d0433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "job_outbox_pending" ON "job_outbox"  ("id") WHERE relayed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "outbox_email" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" text NOT NULL, "to_address" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "error" text, CONSTRAINT "PK_b55f4d8ab961614aa75da7a668d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8599e8ccd099e69f3f3bb6e118" ON "outbox_email"  ("idempotency_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_a32ee761614eae278b6718f552" ON "outbox_email"  ("status") `);
    await queryRunner.query(`CREATE TABLE "certificate_entry" ("id" BIGSERIAL NOT NULL, "run_id" uuid NOT NULL, "record_type" text NOT NULL, "policy" text NOT NULL, "outcome" text NOT NULL, "id_hash" text NOT NULL, CONSTRAINT "PK_fe2887f7ee77dcb9672ff636f13" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d4eacd5fbc191f991cf82f1083" ON "certificate_entry"  ("id_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_40d4c66ea48d0c70e6788a938a" ON "certificate_entry"  ("run_id") `);
    await queryRunner.query(`CREATE TABLE "deletion_certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "as_of" date NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "counts" jsonb NOT NULL, "totals" jsonb NOT NULL, "purpose" text NOT NULL, "retain_until" date NOT NULL, CONSTRAINT "PK_6c44c73493eec01afc08038504c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8a175c241cf811d0f5ca92cd07" ON "deletion_certificate"  ("run_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_07d8a7cfd29ea13a16b10e9a0e" ON "deletion_certificate"  ("retain_until") `);
    await queryRunner.query(`CREATE TABLE "disposition_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "record_type" text NOT NULL, "record_id" uuid NOT NULL, "policy" text NOT NULL, "retain_until" date, "status" text NOT NULL DEFAULT 'pending', "reason" text, "extended_until" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, CONSTRAINT "PK_0019ce74154fd1983fca231a7e2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_608c188f2a68f1c1767c8fdf06" ON "disposition_review"  ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e7c0e03ceb5c4b7fcf0e078014" ON "disposition_review"  ("record_type", "record_id") `);
    await queryRunner.query(`CREATE TABLE "legal_hold" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid, "record_type" text, "record_id" uuid, "reason" text NOT NULL, "until" date, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "released_at" TIMESTAMP WITH TIME ZONE, "released_by" uuid, CONSTRAINT "legal_hold_target" CHECK ((person_id IS NOT NULL) OR (record_type IS NOT NULL AND record_id IS NOT NULL)), CONSTRAINT "PK_edcd499db1f1c67a56c565c5e64" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_bf50a46362f1023149c31ae833" ON "legal_hold"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ef9ca111616b107a137f0a8aa5" ON "legal_hold"  ("record_id") `);
    await queryRunner.query(`CREATE TABLE "retention_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "subject" text NOT NULL, "done" integer NOT NULL DEFAULT '0', "total" integer, "steps" jsonb NOT NULL DEFAULT '[]', "counts" jsonb NOT NULL DEFAULT '{}', "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "error" text, CONSTRAINT "PK_a38acf6e472c273b1eedc325757" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ac381b576ce45498c08f0b0af5" ON "retention_task"  ("kind", "created_at") `);
    await queryRunner.query(`CREATE TABLE "installation_setting" ("key" text NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_d31f1b5f10d28d31538ed536895" PRIMARY KEY ("key"))`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "details" jsonb`);
    await queryRunner.query(`ALTER TABLE "retention_policy" ADD "expiry_action" text NOT NULL DEFAULT 'delete'`);
    await queryRunner.query(`ALTER TABLE "deletion_certificate" ADD CONSTRAINT "FK_be47fa0f4b30a60a923fb6612be" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "contact_person" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "customer" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "agreement" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['person', 'contact_person', 'customer', 'agreement']) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`ALTER TABLE "retention_policy" DROP COLUMN "expiry_action"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "details"`);
    for (const table of ['installation_setting', 'retention_task', 'legal_hold', 'disposition_review', 'deletion_certificate', 'certificate_entry', 'outbox_email', 'job_outbox']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
