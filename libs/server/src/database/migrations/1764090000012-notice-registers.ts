import { MigrationInterface, QueryRunner } from 'typeorm';

type CookieSeed = [name: string, provider: string, durationSv: string, durationEn: string, purposeSv: string, purposeEn: string, category: 'necessary' | 'optional'];

/** The web site's cookies as they were seeded before (two of them never on the site); unedited rows go. */
const OLD_WEBSITE_COOKIES: Array<[name: string, provider: string, durationSv: string, purposeSv: string]> = [
  ['CookieConsent', 'Cookiebot', '1 år', 'Sparar ditt val av kakor'],
  ['__cf_bm', 'Cloudflare', '30 minuter', 'Skiljer människor från robotar (bothantering)'],
  ['_ga', 'Google Analytics', '2 år', 'Statistik över hur webbplatsen används'],
  ['VISITOR_INFO1_LIVE', 'YouTube', '6 månader', 'Inbäddade videor'],
];

const GA = 'Google Analytics (via MonsterInsights)';
const IP_SV = 'IP-adressen anonymiseras: de sista siffrorna maskeras innan den sparas.';
const IP_EN = 'The IP address is anonymised: its last digits are masked before it is stored.';
const LONG_SV = '1 år, 1 månad och 4 dagar';
const LONG_EN = '1 year, 1 month and 4 days';

/** The nine cookies the company's notice lists for its web site. */
const WEBSITE_COOKIES: CookieSeed[] = [
  [
    'cookieyes-consent',
    'CookieYes',
    '1 år',
    '1 year',
    'Kommer ihåg vilka kakor du har godkänt eller nekat, så att ditt val gäller när du kommer tillbaka. Innehåller inga uppgifter om dig.',
    'Remembers which cookies you accepted or refused, so that your choice holds when you come back. Holds no data about you.',
    'necessary',
  ],
  [
    '__cf_bm',
    'Cloudflare',
    '1 timme',
    '1 hour',
    'Cloudflares bothantering: ger besökaren ett unikt id och skiljer människor från automatiska robotar, så att webbplatsen skyddas mot skadlig trafik.',
    'Cloudflare’s bot management: gives the visitor a unique id and tells people from automated bots, protecting the site from harmful traffic.',
    'necessary',
  ],
  [
    '_GRECAPTCHA',
    'Google reCAPTCHA',
    '6 månader',
    '6 months',
    'Känner igen robotar och skyddar webbplatsens formulär mot skräppost och attacker.',
    'Recognises bots and protects the site’s forms from spam and attacks.',
    'necessary',
  ],
  [
    'aka_debug',
    'Vimeo',
    'Sessionen (tills webbläsaren stängs)',
    'The session (until the browser is closed)',
    'Behövs för att spela upp inbäddade videor. Nekar du den kan vissa videofunktioner sluta fungera.',
    'Needed to play embedded videos. If you refuse it, some video features may stop working.',
    'optional',
  ],
  [
    'vuid',
    'Vimeo',
    LONG_SV,
    LONG_EN,
    'Ett unikt id som Vimeo använder för att följa hur de inbäddade videorna visas.',
    'A unique id Vimeo uses to follow how the embedded videos are watched.',
    'optional',
  ],
  [
    '_ga',
    GA,
    LONG_SV,
    LONG_EN,
    `Ett slumpmässigt id som räknar unika besökare, besök och kampanjer för webbplatsens statistik. ${IP_SV}`,
    `A random id that counts unique visitors, visits and campaigns for the site’s statistics. ${IP_EN}`,
    'optional',
  ],
  [
    '_ga_*',
    GA,
    LONG_SV,
    LONG_EN,
    `Sparar och räknar sidvisningar för webbplatsens statistik. ${IP_SV}`,
    `Stores and counts page views for the site’s statistics. ${IP_EN}`,
    'optional',
  ],
  [
    '_gid',
    GA,
    '1 dag',
    '1 day',
    `Statistik över hur besökare använder webbplatsen: hur många de är, varifrån de kommer och vilka sidor de ser. ${IP_SV}`,
    `Statistics on how visitors use the site: how many they are, where they come from and which pages they see. ${IP_EN}`,
    'optional',
  ],
  [
    '_gat_gtag_UA_*',
    GA,
    '1 minut',
    '1 minute',
    `Sparar ett unikt användar-id för statistiken. ${IP_SV}`,
    `Stores a unique user id for the statistics. ${IP_EN}`,
    'optional',
  ],
];

type RecipientSeed = {
  name: string;
  kind: 'processor' | 'independent_controller';
  receivesSv: string;
  receivesEn: string;
  purposes: string[];
  countries: string[];
  inEu: boolean;
  mechanism: 'adequacy' | 'dpf' | 'scc' | null;
};

/** Recipients the web site's services imply: each gets the visitor's data from the cookies above. */
const NEW_RECIPIENTS: RecipientSeed[] = [
  {
    name: 'Google (Google Ireland Ltd och Google LLC)',
    kind: 'processor',
    receivesSv: 'Besökares förkortade IP-adress, kak-id, sidvisningar och enhetsuppgifter från webbplatsen (Google Analytics via MonsterInsights, reCAPTCHA)',
    receivesEn: 'Visitors’ shortened IP address, cookie ids, page views and device data from the web site (Google Analytics through MonsterInsights, reCAPTCHA)',
    purposes: [],
    countries: ['IE', 'US'],
    inEu: false,
    mechanism: 'dpf',
  },
  {
    name: 'Vimeo (Vimeo.com, Inc.)',
    kind: 'independent_controller',
    receivesSv: 'Besökares IP-adress, kak-id och uppgifter om uppspelning när en inbäddad video visas',
    receivesEn: 'Visitors’ IP address, cookie ids and playback data when an embedded video is shown',
    purposes: [],
    countries: ['US'],
    inEu: false,
    mechanism: 'dpf',
  },
  {
    name: 'Cloudflare, Inc.',
    kind: 'processor',
    receivesSv: 'Besökares IP-adress och uppgifter om anropen, för skydd mot robotar och attacker',
    receivesEn: 'Visitors’ IP address and request data, for protection against bots and attacks',
    purposes: [],
    countries: ['US'],
    inEu: false,
    mechanism: 'dpf',
  },
  {
    name: 'CookieYes Limited',
    kind: 'processor',
    receivesSv: 'Besökares samtyckesval för kakor, med ett slumpmässigt id och förkortad IP-adress',
    receivesEn: 'Visitors’ cookie consent choices, with a random id and shortened IP address',
    purposes: [],
    countries: ['GB'],
    inEu: false,
    mechanism: 'adequacy',
  },
];

/** Support (P4) rests on the agreement and, for the record of work done, on legitimate interest. */
const P4_LEGITIMATE_INTEREST = [
  {
    legalBasis: 'legitimate_interest',
    statement: {
      sv: 'Uppgifter om felsökningar och utförda arbeten, även delar som reparerats, bytts ut eller installerats, så att rätt reparation och service kan utföras säkert och vi kan visa att vi fullgjort våra åtaganden.',
      en: 'Records of troubleshooting and work done, including parts repaired, replaced or installed, so that the right repair and service can be done safely and we can show that we met our commitments.',
    },
  },
];

/** The recipients seeded before: all in Sweden. */
const SWEDISH_RECIPIENTS = ['Reklambyrå (utskick)', 'Tryckeri', 'IT-partner och leverantörer', 'Klarna'];

/**
 * The public notice and the record of processing say what the company's published notice says:
 * the web site's nine cookies replace the invented seed (rows an admin edited stay), and each
 * recipient carries its countries and, outside the EU/EEA, the transfer mechanism; a policy may
 * rest on further legal bases, each with what it covers (support, P4: contract and legitimate interest).
 */
export class NoticeRegisters1764090000012 implements MigrationInterface {
  name = 'NoticeRegisters1764090000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "recipient" ADD "countries" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "recipient" ADD "transfer_mechanism" text`);
    await queryRunner.query(`ALTER TABLE "recipient" ADD CONSTRAINT "recipient_transfer_mechanism" CHECK (transfer_mechanism IN ('adequacy', 'dpf', 'scc'))`);

    await queryRunner.query(`ALTER TABLE "retention_policy" ADD "additional_bases" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`UPDATE retention_policy SET additional_bases = $1 WHERE code = 'P4' AND legal_basis = 'contract'`, [JSON.stringify(P4_LEGITIMATE_INTEREST)]);

    await queryRunner.query(`UPDATE recipient SET countries = '{SE}' WHERE name = ANY($1) AND in_eu AND countries = '{}'`, [SWEDISH_RECIPIENTS]);
    for (const r of NEW_RECIPIENTS) {
      await queryRunner.query(
        `INSERT INTO recipient (name, kind, receives_sv, receives_en, purposes, countries, in_eu, transfer_mechanism)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE NOT EXISTS (SELECT 1 FROM recipient WHERE name = $1)`,
        [r.name, r.kind, r.receivesSv, r.receivesEn, r.purposes, r.countries, r.inEu, r.mechanism],
      );
    }

    for (const [name, provider, durationSv, purposeSv] of OLD_WEBSITE_COOKIES) {
      await queryRunner.query(`DELETE FROM cookie_entry WHERE site = 'website' AND name = $1 AND provider = $2 AND duration_sv = $3 AND purpose_sv = $4`, [name, provider, durationSv, purposeSv]);
    }
    for (const [name, provider, durationSv, durationEn, purposeSv, purposeEn, category] of WEBSITE_COOKIES) {
      await queryRunner.query(
        `INSERT INTO cookie_entry (site, name, provider, duration_sv, duration_en, purpose_sv, purpose_en, category)
         SELECT 'website', $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM cookie_entry WHERE site = 'website' AND name = $1)`,
        [name, provider, durationSv, durationEn, purposeSv, purposeEn, category],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, provider, , , purposeSv] of WEBSITE_COOKIES) {
      await queryRunner.query(`DELETE FROM cookie_entry WHERE site = 'website' AND name = $1 AND provider = $2 AND purpose_sv = $3`, [name, provider, purposeSv]);
    }
    for (const r of NEW_RECIPIENTS) {
      await queryRunner.query(`DELETE FROM recipient WHERE name = $1 AND receives_sv = $2`, [r.name, r.receivesSv]);
    }
    await queryRunner.query(`ALTER TABLE "retention_policy" DROP COLUMN "additional_bases"`);
    await queryRunner.query(`ALTER TABLE "recipient" DROP CONSTRAINT "recipient_transfer_mechanism"`);
    await queryRunner.query(`ALTER TABLE "recipient" DROP COLUMN "transfer_mechanism"`);
    await queryRunner.query(`ALTER TABLE "recipient" DROP COLUMN "countries"`);
  }
}
