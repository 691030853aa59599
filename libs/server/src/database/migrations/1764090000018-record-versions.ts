import { MigrationInterface, QueryRunner } from 'typeorm';

/** The records forms edit carry a version each saved edit raises; an edit based on an older one is refused. */
export const VERSIONED_TABLES = [
  'person',
  'organisation',
  'contact_person',
  'agreement',
  'ticket',
  'quote',
  'device_checkin',
  'staff_user',
  'subject_request',
  'partner_contact',
  'retention_policy',
];

export class RecordVersions1764090000018 implements MigrationInterface {
  name = 'RecordVersions1764090000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A constant default adds the column without rewriting the table.
    for (const table of VERSIONED_TABLES) await queryRunner.query(`ALTER TABLE "${table}" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of VERSIONED_TABLES) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "version"`);
  }
}
