import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications from every channel: where each came from (the form, e-mail, paper, a recruiter) and
 * who registered it; documents marked when they hold what needs care (personnummer, drug-test
 * results, references that may concern health), open only to admins flagged as recruiting.
 */
export class ApplicantsEveryChannel1764090000015 implements MigrationInterface {
  name = 'ApplicantsEveryChannel1764090000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applicant" ADD "source" text NOT NULL DEFAULT 'web_form'`);
    await queryRunner.query(`ALTER TABLE "applicant" ADD CONSTRAINT "applicant_source" CHECK ("source" IN ('web_form', 'email', 'paper', 'recruiter'))`);
    await queryRunner.query(`ALTER TABLE "applicant" ADD "recruiter_name" text`);
    await queryRunner.query(`ALTER TABLE "applicant" ADD "registered_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "applicant" ADD CONSTRAINT "FK_applicant_registered_by" FOREIGN KEY ("registered_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "applicant_document" ADD "sensitivity" text NOT NULL DEFAULT 'none'`);
    await queryRunner.query(
      `ALTER TABLE "applicant_document" ADD CONSTRAINT "applicant_document_sensitivity" CHECK ("sensitivity" IN ('none', 'personnummer', 'drug_test', 'health_reference'))`,
    );
    await queryRunner.query(`ALTER TABLE "staff_user" ADD "recruiter" boolean NOT NULL DEFAULT false`);
    // The notice names these categories for applicants; a stored P1 still carrying the old default words gets them too.
    await queryRunner.query(
      `UPDATE retention_policy
          SET data_categories_sv = 'Namn, adress, kontaktuppgifter, personnummer, utbildning, betyg och intyg, arbetslivserfarenhet, meriter, foto, referenser och deras omdömen (som kan röra hälsa), testresultat, bakgrundskontroller, resultat av drogtester',
              data_categories_en = 'Name, address, contact details, personnummer, education, grades and certificates, work experience, merits, photo, references and their statements (which may concern health), test results, background checks, drug-test results'
        WHERE code = 'P1' AND data_categories_en = 'Name, contact details, education, certificates, work experience, merits, photo, references, test results, background checks'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_user" DROP COLUMN "recruiter"`);
    await queryRunner.query(`ALTER TABLE "applicant_document" DROP CONSTRAINT "applicant_document_sensitivity"`);
    await queryRunner.query(`ALTER TABLE "applicant_document" DROP COLUMN "sensitivity"`);
    await queryRunner.query(`ALTER TABLE "applicant" DROP CONSTRAINT "FK_applicant_registered_by"`);
    await queryRunner.query(`ALTER TABLE "applicant" DROP COLUMN "registered_by_id"`);
    await queryRunner.query(`ALTER TABLE "applicant" DROP COLUMN "recruiter_name"`);
    await queryRunner.query(`ALTER TABLE "applicant" DROP CONSTRAINT "applicant_source"`);
    await queryRunner.query(`ALTER TABLE "applicant" DROP COLUMN "source"`);
  }
}
