import { DEFAULT_EXPIRY_ACTIONS, EVIDENCE_POLICY } from '@privdesk/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Expiry actions for P1–P7, the certificates' own policy (A1), and the key of the id hashes. */
export class SeedRetentionDefaults1764090000003 implements MigrationInterface {
  name = 'SeedRetentionDefaults1764090000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const policy = EVIDENCE_POLICY;
    await queryRunner.query(
      `INSERT INTO retention_policy (code, purpose_sv, purpose_en, data_categories_sv, data_categories_en, legal_basis, clock_starts_sv, clock_starts_en, rule)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code) DO NOTHING`,
      [policy.code, policy.purpose.sv, policy.purpose.en, policy.dataCategories.sv, policy.dataCategories.en, policy.legalBasis, policy.clockStarts.sv, policy.clockStarts.en, JSON.stringify(policy.rule)],
    );
    for (const [code, action] of Object.entries(DEFAULT_EXPIRY_ACTIONS)) {
      await queryRunner.query(`UPDATE retention_policy SET expiry_action = $2 WHERE code = $1`, [code, action]);
    }
    // A random key for the certificates' HMACs, kept with the data so a restored backup can re-apply deletions.
    await queryRunner.query(
      `INSERT INTO installation_setting (key, value)
       VALUES ('retention.hash_key', encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text)::bytea), 'hex'))
       ON CONFLICT (key) DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM installation_setting WHERE key = 'retention.hash_key'`);
    await queryRunner.query(`DELETE FROM retention_policy WHERE code = $1`, [EVIDENCE_POLICY.code]);
  }
}
