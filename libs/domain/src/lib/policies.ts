import { Localised, PurposeCode } from './privacy';
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
      sv: 'Namn, adress, kontaktuppgifter, personnummer, utbildning, betyg och intyg, arbetslivserfarenhet, meriter, foto, referenser och deras omdömen (som kan röra hälsa), testresultat, bakgrundskontroller, resultat av drogtester',
      en: 'Name, address, contact details, personnummer, education, grades and certificates, work experience, merits, photo, references and their statements (which may concern health), test results, background checks, drug-test results',
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

/** Questions sent through the public contact form: answered, then kept a year for follow-up questions. */
export const INQUIRY_POLICY: RetentionPolicy = {
  code: 'P8',
  purpose: { sv: 'Besvara frågor från kontaktformuläret', en: 'Answer questions sent through the contact form' },
  dataCategories: { sv: 'Namn, kontaktuppgifter, frågan', en: 'Name, contact details, the question' },
  legalBasis: 'legitimate_interest',
  clockStarts: { sv: 'när frågan kom in', en: 'when the question was received' },
  rule: { kind: 'months-from-event', months: 12 },
};

/**
 * Contact persons at suppliers and partners (the company's notice: "leverantör, partner"): kept
 * while the business relationship lasts, counted from the last contact, and 24 months from its
 * end. A list nobody keeps in touch with expires on its own (docs/decisions/0014).
 */
export const PARTNER_CONTACT_POLICY: RetentionPolicy = {
  code: 'P9',
  purpose: { sv: 'Kontaktpersoner hos leverantörer och partner', en: 'Contact persons at suppliers and partners' },
  dataCategories: { sv: 'Namn, kontaktuppgifter, roll, organisation, anteckningar', en: 'Name, contact details, role, organisation, notes' },
  legalBasis: 'legitimate_interest',
  clockStarts: {
    sv: 'den senaste kontakten eller affärsrelationens slut, det som är senast',
    en: 'the last contact or the end of the business relationship, whichever is later',
  },
  rule: { kind: 'months-from-event', months: 24 },
};

/**
 * The register of data-subject requests: proof that the company answered (accountability, GDPR
 * Art. 5(2) and 12); kept three years from receipt, the period within which a complaint usually comes.
 */
export const REQUEST_POLICY: RetentionPolicy = {
  code: 'A2',
  purpose: { sv: 'Hantera begäranden om de registrerades rättigheter', en: "Handle data subjects' requests" },
  dataCategories: { sv: 'Namn, kontaktuppgifter, begäran, identitetskontroll, svaret', en: 'Name, contact details, the request, the identity check, the answer' },
  legalBasis: 'legal_obligation',
  clockStarts: { sv: 'när begäran kom in', en: 'when the request was received' },
  rule: { kind: 'months-from-event', months: 36 },
};

/** A policy's retention in words, for the privacy notice and the record of processing. */
export function retentionInWords(policy: RetentionPolicy): Localised {
  const rule = policy.rule;
  switch (rule.kind) {
    case 'months-from-event':
      return { sv: `${rule.months} månader från ${policy.clockStarts.sv}`, en: `${rule.months} months from ${policy.clockStarts.en}` };
    case 'quote':
      return { sv: `under giltighetstiden, högst ${rule.months} månader från att offerten lämnades`, en: `while the quote is valid, at most ${rule.months} months from issue` };
    case 'agreement':
      return rule.yearsAfterEnd > 0
        ? {
            sv: `avtalets löptid + ${rule.yearsAfterEnd} år (utan avtal: ${rule.monthsWithoutAgreement} månader från registreringen)`,
            en: `the agreement's term + ${rule.yearsAfterEnd} years (without an agreement: ${rule.monthsWithoutAgreement} months from registration)`,
          }
        : {
            sv: `avtalets löptid (utan avtal: ${rule.monthsWithoutAgreement} månader från registreringen)`,
            en: `the agreement's term (without an agreement: ${rule.monthsWithoutAgreement} months from registration)`,
          };
    case 'bookkeeping':
      return {
        sv: `t.o.m. 31 december det ${rule.years}:e året efter räkenskapsårets slut`,
        en: `until 31 December of the ${rule.years}th year after the end of the financial year`,
      };
  }
}

/**
 * Mail Privdesk sends (reminders, follow-ups, announcements, marketing): kept a short while after
 * it was sent, to show what was sent to whom and to answer questions about it, then culled.
 * Each mail also records the purpose of what caused it.
 */
export const MAIL_POLICY: RetentionPolicy = {
  code: 'A3',
  purpose: { sv: 'Skickad e-post (vad som skickades till vem)', en: 'Mail sent (what was sent to whom)' },
  dataCategories: { sv: 'Mottagarens e-postadress, ämne och text', en: "The recipient's e-mail address, subject and text" },
  legalBasis: 'legitimate_interest',
  clockStarts: { sv: 'när meddelandet skickades', en: 'when the mail was sent' },
  rule: { kind: 'months-from-event', months: 3 },
};

/** Every policy the product seeds, by code — the notice's purposes and the product's own — for labels until the stored table is read. */
export function seededPolicy(code: string): RetentionPolicy | undefined {
  const own = [EVIDENCE_POLICY, INQUIRY_POLICY, PARTNER_CONTACT_POLICY, REQUEST_POLICY, MAIL_POLICY].find((policy) => policy.code === code);
  return own ?? (DEFAULT_POLICIES as Record<string, RetentionPolicy | undefined>)[code];
}
