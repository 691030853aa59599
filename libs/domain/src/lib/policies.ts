import { PurposeCode } from './privacy';
import { RetentionPolicy } from './retention';

/**
 * The default policy set: what the company's published privacy notice promises (P1–P7).
 * The database is seeded from this table; admins edit the stored copy.
 */
export const DEFAULT_POLICIES: Record<PurposeCode, RetentionPolicy> = {
  P1: {
    code: 'P1',
    purpose: { sv: 'Söka arbete eller praktik', en: 'Job or internship application' },
    dataCategories: {
      sv: 'Namn, kontaktuppgifter, utbildning, intyg, arbetslivserfarenhet, meriter, foto, referenser, testresultat, bakgrundskontroller',
      en: 'Name, contact details, education, certificates, work experience, merits, photo, references, test results, background checks',
    },
    legalBasis: 'consent',
    clockStarts: { sv: 'ansökan', en: 'the application' },
    rule: { kind: 'months-from-event', months: 24 },
  },
  P2: {
    code: 'P2',
    purpose: { sv: 'Offerera (ej vunnen offert)', en: 'Quote not won' },
    dataCategories: { sv: 'Namn, kontaktuppgifter, offerten', en: 'Name, contact details, the quote' },
    legalBasis: 'legitimate_interest',
    clockStarts: { sv: 'när offerten lämnas till kunden', en: 'when the quote is issued to the customer' },
    rule: { kind: 'quote', months: 24 },
  },
  P3: {
    code: 'P3',
    purpose: { sv: 'Administrera kundrelationen', en: 'Administer the customer relationship' },
    dataCategories: { sv: 'Namn, kontaktuppgifter', en: 'Name, contact details' },
    legalBasis: 'contract',
    clockStarts: { sv: 'när avtalet ingås (5 år räknas från avtalets slut)', en: 'when the agreement is made (the 5 years run from its end)' },
    rule: { kind: 'agreement', yearsAfterEnd: 5, monthsWithoutAgreement: 24 },
  },
  P4: {
    code: 'P4',
    purpose: { sv: 'Support, underhåll och service', en: 'Support, maintenance and service' },
    dataCategories: {
      sv: 'Uppgifter knutna till användaren, t.ex. felsökning, uppgraderingar, reparerade/utbytta/installerade delar',
      en: 'Data tied to the user, e.g. troubleshooting done, upgrades, parts repaired/replaced/installed',
    },
    legalBasis: 'contract',
    clockStarts: { sv: 'när avtalet ingås', en: 'when the agreement is made' },
    rule: { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 },
  },
  P5: {
    code: 'P5',
    purpose: { sv: 'Marknadsföring via e-post, sms och post', en: 'Marketing by e-mail, SMS and post' },
    dataCategories: { sv: 'Namn, kontaktuppgifter', en: 'Name, contact details' },
    legalBasis: 'legitimate_interest',
    clockStarts: { sv: 'mottagandet av kontaktuppgifterna', en: 'receipt of the contact details' },
    rule: { kind: 'months-from-event', months: 24 },
  },
  P6: {
    code: 'P6',
    purpose: { sv: 'Kontaktperson för kund', en: 'Contact person for a customer' },
    dataCategories: { sv: 'Namn, kontakt- och adressuppgifter (och enhetens data)', en: "Name, contact and address details (and the device's data)" },
    legalBasis: 'legitimate_interest',
    clockStarts: { sv: 'när avtalet ingås', en: 'when the agreement is made' },
    rule: { kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 },
  },
  P7: {
    code: 'P7',
    purpose: { sv: 'Bokföring och skatterätt (bokföringslagen)', en: 'Bookkeeping and tax law' },
    dataCategories: { sv: 'Avtals- och köphistorik (verifikationer, fakturor, viktiga avtal)', en: 'Agreement and purchase history (vouchers, invoices, important agreements)' },
    legalBasis: 'legal_obligation',
    clockStarts: { sv: 'räkenskapsårets slut', en: 'the end of the financial year' },
    rule: { kind: 'bookkeeping', years: 7 },
  },
};

/**
 * Deletion certificates prove what was culled (accountability, GDPR Art. 5(2)); they are kept
 * ten years and then culled themselves, so the evidence does not become a hoard.
 */
export const EVIDENCE_POLICY: RetentionPolicy = {
  code: 'A1',
  purpose: { sv: 'Bevis om gallring (ansvarsskyldighet)', en: 'Evidence of deletion (accountability)' },
  dataCategories: { sv: 'Gallringsintyg: antal och hashade id:n, inga personuppgifter i klartext', en: 'Deletion certificates: counts and hashed ids, no personal data in clear' },
  legalBasis: 'legal_obligation',
  clockStarts: { sv: 'gallringen', en: 'the cull' },
  rule: { kind: 'months-from-event', months: 120 },
};
