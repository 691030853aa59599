import { DEFAULT_POLICIES } from '@privdesk/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Seeds the policy table with the privacy notice's defaults (P1–P7); admins edit them later. */
export class SeedDefaultPolicies1764090000001 implements MigrationInterface {
  name = 'SeedDefaultPolicies1764090000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const policy of Object.values(DEFAULT_POLICIES)) {
      await queryRunner.query(
        `INSERT INTO retention_policy (code, purpose_sv, purpose_en, data_categories_sv, data_categories_en, legal_basis, clock_starts_sv, clock_starts_en, rule)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code) DO NOTHING`,
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
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM retention_policy WHERE code = ANY($1)`, [Object.keys(DEFAULT_POLICIES)]);
  }
}
