/** Legal bases of GDPR Art. 6(1) that Privdesk's policies use. */
export const LEGAL_BASES = ['contract', 'legitimate_interest', 'consent', 'legal_obligation'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Purposes of the company's privacy notice (P1–P7); admins may add more later. */
export const PURPOSE_CODES = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'] as const;
export type PurposeCode = (typeof PURPOSE_CODES)[number];

export type Language = 'sv' | 'en';
export type Localised = Record<Language, string>;

export const LEGAL_BASIS_LABELS: Record<LegalBasis, Localised> = {
  contract: { sv: 'Avtal', en: 'Contract' },
  legitimate_interest: { sv: 'Intresseavvägning', en: 'Legitimate interest' },
  consent: { sv: 'Samtycke', en: 'Consent' },
  legal_obligation: { sv: 'Rättslig förpliktelse', en: 'Legal obligation' },
};

/** What every record holding personal data tells about itself. */
export interface Privacy {
  purpose: string;
  legalBasis: LegalBasis;
  /** Last calendar day (Europe/Stockholm) the record may be kept; null while the clock has not started. */
  retainUntil: string | null;
  /** Why, in words (English). */
  rule: string;
  /** Why, in words (Swedish). */
  ruleSv: string;
}
