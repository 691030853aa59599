import { computeRetention, MAIL_POLICY } from '@privdesk/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail is personal data: every outgoing mail gets a purpose, a legal basis and a deadline from a
 * policy of its own (A3), the person it went to, the record that caused it and that record's
 * purpose. Existing mails are filled in from their idempotency keys. Word indexes for the free
 * text the cull scrubs (mails, quote lines).
 */
export class PersonalDataRegistry1764090000008 implements MigrationInterface {
  name = 'PersonalDataRegistry1764090000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    const policy = MAIL_POLICY;
    await queryRunner.query(
      `INSERT INTO retention_policy (code, purpose_sv, purpose_en, data_categories_sv, data_categories_en, legal_basis, clock_starts_sv, clock_starts_en, rule, expiry_action)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'delete') ON CONFLICT (code) DO NOTHING`,
      [policy.code, policy.purpose.sv, policy.purpose.en, policy.dataCategories.sv, policy.dataCategories.en, policy.legalBasis, policy.clockStarts.sv, policy.clockStarts.en, JSON.stringify(policy.rule)],
    );
    for (const column of ['purpose text', 'person_id uuid', 'record_type text', 'record_id uuid', 'sent_for text', 'legal_basis text', 'retain_until date', 'retention_rule text', 'retention_rule_sv text', 'anonymised_at TIMESTAMP WITH TIME ZONE']) {
      const [name, ...type] = column.split(' ');
      await queryRunner.query(`ALTER TABLE "outbox_email" ADD "${name}" ${type.join(' ')}`);
    }
    const privacy = computeRetention(policy, { eventDate: '2000-01-01' });
    await queryRunner.query(
      `UPDATE outbox_email o SET purpose = $1, legal_basis = $2, retention_rule = $3, retention_rule_sv = $4,
              retain_until = ((coalesce(o.sent_at, o.created_at) AT TIME ZONE 'Europe/Stockholm')::date + make_interval(months => $5))::date,
              sent_for = CASE split_part(o.idempotency_key, ':', 1)
                           WHEN 'quote-follow-up' THEN 'P2' WHEN 'ticket-due' THEN 'P4' WHEN 'service-window' THEN 'P4'
                           WHEN 'marketing' THEN 'P5' WHEN 'expiry-reminder' THEN 'A1' WHEN 'subject-request-due' THEN 'A2' ELSE 'A3' END,
              person_id = (SELECT p.id FROM person p WHERE lower(p.email) = lower(o.to_address) ORDER BY p.created_at LIMIT 1)`,
      [policy.code, policy.legalBasis, privacy.rule, privacy.ruleSv, (policy.rule as { months: number }).months],
    );
    for (const column of ['purpose', 'sent_for', 'legal_basis', 'retention_rule', 'retention_rule_sv']) {
      await queryRunner.query(`ALTER TABLE "outbox_email" ALTER COLUMN "${column}" SET NOT NULL`);
    }
    await queryRunner.query(`CREATE INDEX "IDX_be97f8107b828d2b80f11dd868" ON "outbox_email" ("person_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_52efcd8f803382be4ab7770052" ON "outbox_email" ("record_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_479a17589ce8bba095441c69de" ON "outbox_email" ("retain_until")`);
    await queryRunner.query(
      `ALTER TABLE "outbox_email" ADD CONSTRAINT "outbox_email_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_email" ADD CONSTRAINT "FK_feecff06db8a2b8dc335c16c13f" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_email" ADD CONSTRAINT "FK_be97f8107b828d2b80f11dd868c" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    for (const [table, column] of [
      ['outbox_email', 'subject'],
      ['outbox_email', 'body'],
      ['quote_line', 'description'],
    ]) {
      await queryRunner.query(
        `CREATE INDEX "${table}_${column}_fts" ON "${table}" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("${column}", '')))) WHERE "${column}" <> ''`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['outbox_email_subject_fts', 'outbox_email_body_fts', 'quote_line_description_fts']) await queryRunner.query(`DROP INDEX "${index}"`);
    await queryRunner.query(`ALTER TABLE "outbox_email" DROP CONSTRAINT "FK_be97f8107b828d2b80f11dd868c"`);
    await queryRunner.query(`ALTER TABLE "outbox_email" DROP CONSTRAINT "FK_feecff06db8a2b8dc335c16c13f"`);
    await queryRunner.query(`ALTER TABLE "outbox_email" DROP CONSTRAINT "outbox_email_legal_basis"`);
    for (const column of ['purpose', 'person_id', 'record_type', 'record_id', 'sent_for', 'legal_basis', 'retain_until', 'retention_rule', 'retention_rule_sv', 'anonymised_at']) {
      await queryRunner.query(`ALTER TABLE "outbox_email" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DELETE FROM retention_policy WHERE code = 'A3'`);
  }
}
