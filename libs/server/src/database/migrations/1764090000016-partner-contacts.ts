import { PARTNER_CONTACT_POLICY } from '@privdesk/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contact persons at suppliers and partners (P9, docs/decisions/0014): the policy row, the table
 * with its free-text word indexes (written directly, no pending list) and the retention report's
 * tally triggers, like every personal-data table.
 */
export class PartnerContacts1764090000016 implements MigrationInterface {
  name = 'PartnerContacts1764090000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    const policy = PARTNER_CONTACT_POLICY;
    await queryRunner.query(
      `INSERT INTO retention_policy (code, purpose_sv, purpose_en, data_categories_sv, data_categories_en, legal_basis, clock_starts_sv, clock_starts_en, rule, expiry_action)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'delete') ON CONFLICT (code) DO NOTHING`,
      [
        policy.code,
        policy.purpose.sv,
        policy.purpose.en,
        policy.dataCategories.sv,
        policy.dataCategories.en,
        policy.legalBasis,
        policy.clockStarts.sv,
        policy.clockStarts.en,
        JSON.stringify(policy.rule),
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "partner_contact" ("purpose" text NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "organisation_name" text NOT NULL, "kind" text NOT NULL, "title" text, "notes" text, "last_contact_on" date NOT NULL, "relationship_ended_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, "anonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "partner_contact_kind" CHECK (kind IN ('supplier', 'partner')), CONSTRAINT "partner_contact_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_80979f1f41c3483b5e2bae4adca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ddcb0e20819a1a63e44efa8104" ON "partner_contact" ("person_id", "organisation_name")`);
    await queryRunner.query(`CREATE INDEX "IDX_739016d733c952db018f79feb3" ON "partner_contact" ("retain_until")`);
    await queryRunner.query(
      `ALTER TABLE "partner_contact" ADD CONSTRAINT "FK_814af94b583e2eff4a617a95832" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_contact" ADD CONSTRAINT "FK_50c4cf3007c3b95d6ff5a19d031" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    for (const column of ['title', 'notes']) {
      await queryRunner.query(
        `CREATE INDEX "partner_contact_${column}_fts" ON "partner_contact" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("${column}", '')))) WITH (fastupdate = off) WHERE "${column}" <> ''`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER "partner_contact_retention_tally_insert" AFTER INSERT ON "partner_contact" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_tally_track('partner_contact')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "partner_contact_retention_tally_update" AFTER UPDATE ON "partner_contact" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_tally_track('partner_contact')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "partner_contact_retention_tally_delete" AFTER DELETE ON "partner_contact" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_tally_track('partner_contact')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM retention_tally WHERE record_type = 'partner_contact'`);
    await queryRunner.query(`DROP TABLE "partner_contact"`);
    await queryRunner.query(`DELETE FROM retention_policy WHERE code = 'P9'`);
  }
}
