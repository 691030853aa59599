import {
  INQUIRY_POLICY,
  REQUEST_POLICY,
  RetentionPolicy,
} from '@privdesk/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

const RECIPIENTS: Array<
  [string, string, string, string, string[], boolean, string | null]
> = [
  [
    'Reklambyrå (utskick)',
    'processor',
    'Namn och kontaktuppgifter för utskick',
    'Names and contact details for mailings',
    ['P5'],
    true,
    null,
  ],
  [
    'Tryckeri',
    'processor',
    'Namn och postadress för tryckta utskick',
    'Names and postal addresses for printed mailings',
    ['P5'],
    true,
    null,
  ],
  [
    'IT-partner och leverantörer',
    'processor',
    'Uppgifter som behövs för support, drift och reparationer',
    'Data needed for support, operations and repairs',
    ['P3', 'P4', 'P6'],
    true,
    null,
  ],
  [
    'Klarna',
    'independent_controller',
    'Kort- eller personnummer och ekonomiska uppgifter för betalning och kreditprövning',
    'Card or personal identity numbers and financial data for payment and credit checks',
    ['P7'],
    true,
    null,
  ],
];

const COOKIES: Array<
  [string, string, string, string, string, string, string, string]
> = [
  [
    'website',
    'CookieConsent',
    'Cookiebot',
    '1 år',
    '1 year',
    'Sparar ditt val av kakor',
    'Stores your cookie choices',
    'necessary',
  ],
  [
    'website',
    '__cf_bm',
    'Cloudflare',
    '30 minuter',
    '30 minutes',
    'Skiljer människor från robotar (bothantering)',
    'Tells people from bots (bot management)',
    'necessary',
  ],
  [
    'website',
    '_ga',
    'Google Analytics',
    '2 år',
    '2 years',
    'Statistik över hur webbplatsen används',
    'Statistics on how the site is used',
    'optional',
  ],
  [
    'website',
    'VISITOR_INFO1_LIVE',
    'YouTube',
    '6 månader',
    '6 months',
    'Inbäddade videor',
    'Embedded videos',
    'optional',
  ],
  [
    'privdesk',
    'privdesk_session',
    'Privdesk',
    'Sessionen (upphör efter en tids inaktivitet)',
    'The session (ends after a period of inactivity)',
    'Håller dig inloggad',
    'Keeps you signed in',
    'necessary',
  ],
  [
    'privdesk',
    'XSRF-TOKEN',
    'Privdesk',
    'Sessionen',
    'The session',
    'Skydd mot förfalskade anrop (CSRF)',
    'Protection against forged requests (CSRF)',
    'necessary',
  ],
];

/**
 * Data-subject rights and transparency: the requests register (A2), marketing contacts,
 * applicants with their documents, contact-form inquiries (P8), the recipients and cookie
 * registers seeded from the company's notice, and the controller's identity as a setting.
 */
export class SubjectRights1764090000007 implements MigrationInterface {
  name = 'SubjectRights1764090000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "applicant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "position" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consent_text" text NOT NULL, "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, "anonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "applicant_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_f4a6e907b8b17f293eb073fc5ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4e56b17c80c81894b2618fedef" ON "applicant"  ("person_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f6298b51dfe383569e8036472f" ON "applicant"  ("retain_until")`,
    );
    await queryRunner.query(
      `CREATE TABLE "applicant_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "applicant_id" uuid NOT NULL, "filename" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c4b0b33c68501380b470cc6934" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7286d990e4e1d80e8f78b6b08d" ON "applicant_document"  ("applicant_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "inquiry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inquiry_number" SERIAL NOT NULL, "person_id" uuid NOT NULL, "message" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" text NOT NULL DEFAULT 'new', "ticket_id" uuid, "customer_id" uuid, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, "anonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_1165d5aa68a993e9969e7ee4774" UNIQUE ("inquiry_number"), CONSTRAINT "inquiry_status" CHECK (status IN ('new', 'ticket', 'lead', 'closed')), CONSTRAINT "inquiry_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_3e226d0994e8bd24252dd65e1b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e5971fa7f1a4e8ec314f707a1f" ON "inquiry"  ("person_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a5f2dc111a3a506e7e0643dee7" ON "inquiry"  ("status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9b9b6818d4879c88018f03f052" ON "inquiry"  ("retain_until")`,
    );
    await queryRunner.query(
      `CREATE TABLE "marketing_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "audience" text NOT NULL, "company_name" text, "source" text NOT NULL, "received_on" date NOT NULL, "consent_at" TIMESTAMP WITH TIME ZONE, "consent_text" text, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, "anonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "marketing_contact_audience" CHECK (audience IN ('consumer', 'business')), CONSTRAINT "marketing_contact_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_9af854c2182cc002f6a2194fd7e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_16b611eedba487d51c901f4018" ON "marketing_contact"  ("person_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6b1faa06a63e6117c14b9a31da" ON "marketing_contact"  ("retain_until")`,
    );
    await queryRunner.query(
      `CREATE TABLE "subject_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_number" SERIAL NOT NULL, "kind" text NOT NULL, "channel" text NOT NULL, "received_on" date NOT NULL, "person_id" uuid, "requester_name" text NOT NULL, "requester_contact" text, "identity_checked" boolean NOT NULL DEFAULT false, "identity_method" text, "notes" text, "due_on" date NOT NULL, "extended_due_on" date, "extension_reason" text, "status" text NOT NULL DEFAULT 'open', "answer" text, "answered_on" date, "created_by_id" uuid, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "legal_basis" text NOT NULL, "retain_until" date, "retention_rule" text NOT NULL, "retention_rule_sv" text NOT NULL, "anonymised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_97ccdd935134e26f54e74719ae4" UNIQUE ("request_number"), CONSTRAINT "subject_request_status" CHECK (status IN ('open', 'answered', 'rejected')), CONSTRAINT "subject_request_legal_basis" CHECK (legal_basis IN ('contract', 'legitimate_interest', 'consent', 'legal_obligation')), CONSTRAINT "PK_61d21fd37d62e0b43a04474bf18" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_68d7ac84166de936fc221e6b8e" ON "subject_request"  ("person_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_101684d4b03a4ca5118dd4799c" ON "subject_request"  ("due_on")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_646183c7e93fa7239ab3692d54" ON "subject_request"  ("status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bf948457524764659a68a38daf" ON "subject_request"  ("retain_until")`,
    );
    await queryRunner.query(
      `CREATE TABLE "cookie_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site" text NOT NULL, "name" text NOT NULL, "provider" text NOT NULL, "duration_sv" text NOT NULL, "duration_en" text NOT NULL, "purpose_sv" text NOT NULL, "purpose_en" text NOT NULL, "category" text NOT NULL, CONSTRAINT "cookie_entry_site" CHECK (site IN ('website', 'privdesk')), CONSTRAINT "cookie_entry_category" CHECK (category IN ('necessary', 'optional')), CONSTRAINT "PK_f67e697ac70db8a338314021435" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "recipient" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "receives_sv" text NOT NULL, "receives_en" text NOT NULL, "purposes" text array NOT NULL DEFAULT '{}', "in_eu" boolean NOT NULL DEFAULT true, "transfer_safeguard" text, "agreement_reference" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recipient_kind" CHECK (kind IN ('processor', 'independent_controller')), CONSTRAINT "PK_9f7a695711b2055e3c8d5cfcfa1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant" ADD CONSTRAINT "FK_4e56b17c80c81894b2618fedef7" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant" ADD CONSTRAINT "FK_5d441979bdecc522d21596f756a" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applicant_document" ADD CONSTRAINT "FK_7286d990e4e1d80e8f78b6b08dd" FOREIGN KEY ("applicant_id") REFERENCES "applicant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry" ADD CONSTRAINT "FK_e5971fa7f1a4e8ec314f707a1f1" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry" ADD CONSTRAINT "FK_d5859bdf8654370fa6c50a87328" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "marketing_contact" ADD CONSTRAINT "FK_16b611eedba487d51c901f40180" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "marketing_contact" ADD CONSTRAINT "FK_558345dc3c4dea876bac432de89" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_request" ADD CONSTRAINT "FK_68d7ac84166de936fc221e6b8ea" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_request" ADD CONSTRAINT "FK_63174a483036c55cc0ecf58bebf" FOREIGN KEY ("created_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subject_request" ADD CONSTRAINT "FK_67772fdaf2ed7d13c2d15cb8159" FOREIGN KEY ("purpose") REFERENCES "retention_policy"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "inquiry_message_fts" ON "inquiry" USING gin (tsvector_to_array(to_tsvector('simple', coalesce("message", '')))) WHERE "message" <> ''`,
    );
    for (const policy of [
      INQUIRY_POLICY,
      REQUEST_POLICY,
    ] as RetentionPolicy[]) {
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
    }
    for (const [
      name,
      kind,
      receivesSv,
      receivesEn,
      purposes,
      inEu,
      safeguard,
    ] of RECIPIENTS) {
      await queryRunner.query(
        `INSERT INTO recipient (name, kind, receives_sv, receives_en, purposes, in_eu, transfer_safeguard) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [name, kind, receivesSv, receivesEn, purposes, inEu, safeguard],
      );
    }
    for (const [
      site,
      name,
      provider,
      durationSv,
      durationEn,
      purposeSv,
      purposeEn,
      category,
    ] of COOKIES) {
      await queryRunner.query(
        `INSERT INTO cookie_entry (site, name, provider, duration_sv, duration_en, purpose_sv, purpose_en, category) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          site,
          name,
          provider,
          durationSv,
          durationEn,
          purposeSv,
          purposeEn,
          category,
        ],
      );
    }
    await queryRunner.query(
      `INSERT INTO installation_setting (key, value) VALUES ('controller.identity', $1) ON CONFLICT (key) DO NOTHING`,
      [
        JSON.stringify({
          companyName: 'Företaget AB',
          orgNumber: '',
          street: '',
          postalCode: '',
          city: '',
          privacyPhone: '',
          privacyEmail: '',
        }),
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM installation_setting WHERE key = 'controller.identity'`,
    );
    for (const table of [
      'applicant_document',
      'applicant',
      'marketing_contact',
      'inquiry',
      'subject_request',
      'recipient',
      'cookie_entry',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}" CASCADE`);
    }
    await queryRunner.query(
      `DELETE FROM retention_policy WHERE code IN ('P8', 'A2')`,
    );
  }
}
