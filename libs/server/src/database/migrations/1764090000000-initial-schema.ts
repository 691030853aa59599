import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff, sessions, audit, the policy table, people, organisations, customers, contacts, agreements. */
export class InitialSchema1764090000000 implements MigrationInterface {
  name = 'InitialSchema1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid, "fields" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_97535621724623160ea0427566" ON "audit_entry"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cfbd3da3d6664af0dab55783b5" ON "audit_entry"  ("entity_type", "entity_id") `);
    await queryRunner.query(`CREATE TABLE "staff_session" ("id" text NOT NULL, "user_id" uuid, "data" jsonb NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f6ff7fdf4bb47ace7981adbcdee" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_16f703e79dc2ddfaca760e844b" ON "staff_session"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f0ad4c6bc427f11149910f9100" ON "staff_session"  ("expires_at") `);
    await queryRunner.query(`CREATE TABLE "staff_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_41a4f42a05b7aee26f9d3a0bb6b" UNIQUE ("email"), CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "retention_policy" ("code" text NOT NULL, "purpose_sv" text NOT NULL, "purpose_en" text NOT NULL, "data_categories_sv" text NOT NULL, "data_categories_en" text NOT NULL, "legal_basis" text NOT NULL, "clock_starts_sv" text NOT NULL, "clock_starts_en" text NOT NULL, "rule" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3afbc5b23e5ae0927a5e16d470f" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "first_name" text NOT NULL, "last_name" text NOT NULL, "email" text, "phone" text, "street" text, "postal_code" text, "city" text, "personnummer" text, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, CONSTRAINT "UQ_6ea809eb8e0a5e56fab73fb6f30" UNIQUE ("personnummer"), CONSTRAINT "person_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d2d717efd90709ebd3cb26b936" ON "person"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_ed9d5dea665e5d266ed2c592de" ON "person"  ("phone") `);
    await queryRunner.query(`CREATE INDEX "IDX_d8749f02eb6018c4541968133a" ON "person"  ("retain_until") `);
    await queryRunner.query(`CREATE TABLE "contact_person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "person_id" uuid NOT NULL, "title" text, "left_on" date, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, CONSTRAINT "contact_person_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_12d9c34f76290c4e2ad2aa5e33f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9d4efcf30dc5dfd71151de6920" ON "contact_person"  ("person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_45d44753dc7cebf0c95aa6fa3e" ON "contact_person"  ("customer_id", "person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_716d940bb762c6f6d839587815" ON "contact_person"  ("retain_until") `);
    await queryRunner.query(`CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "org_number" text, "sole_trader" boolean NOT NULL DEFAULT false, "email" text, "phone" text, "street" text, "postal_code" text, "city" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d7ac8577c12a0852af32e7ac22" ON "organisation"  ("org_number") WHERE org_number IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "customer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_number" SERIAL NOT NULL, "type" text NOT NULL, "person_id" uuid, "organisation_id" uuid, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, CONSTRAINT "UQ_547ae6ce72f8d77640b8601336f" UNIQUE ("customer_number"), CONSTRAINT "customer_party" CHECK ((type = 'person' AND person_id IS NOT NULL AND organisation_id IS NULL) OR (type = 'organisation' AND organisation_id IS NOT NULL AND person_id IS NULL)), CONSTRAINT "customer_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_a7a13f4cacb744524e44dfdad32" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_97c70e5ee97e18f5d1587dd87f" ON "customer"  ("retain_until") `);
    await queryRunner.query(`CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "title" text NOT NULL, "start_date" date NOT NULL, "end_date" date, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, CONSTRAINT "agreement_dates" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "agreement_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_e7537188219eeef56233a609753" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_77019745c34e8808a712cc83c7" ON "agreement"  ("customer_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2e5c8f7ce394aa289df3cfa929" ON "agreement"  ("retain_until") `);
    await queryRunner.query(`ALTER TABLE "person" ADD CONSTRAINT "FK_d7168fa076b00588e04a1ef737f" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_person" ADD CONSTRAINT "FK_f089dedb117ec78d018ca1e608d" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_person" ADD CONSTRAINT "FK_9d4efcf30dc5dfd71151de69209" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_person" ADD CONSTRAINT "FK_a81b3f81b5959b457fc7c3c2748" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer" ADD CONSTRAINT "FK_44c7c03d57d8cd74bac08500b2a" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer" ADD CONSTRAINT "FK_4826e339f8ec2dc55a693f896fc" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "customer" ADD CONSTRAINT "FK_c2102acc330639022a1be16d1d5" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agreement" ADD CONSTRAINT "FK_77019745c34e8808a712cc83c7f" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agreement" ADD CONSTRAINT "FK_4feff55b7a5857ab08f41f68f5b" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER SEQUENCE "customer_customer_number_seq" RESTART WITH 10001`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agreement', 'contact_person', 'customer', 'organisation', 'person', 'retention_policy', 'staff_user', 'staff_session', 'audit_entry']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
