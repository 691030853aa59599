/**
 * Data-subject rights and transparency: the requests register, erasure, marketing contacts and
 * consent, applicants, the recipients and cookie registers, the controller's identity, the
 * public privacy notice and the contact form.
 */
import { PersonInput, PersonView } from './contracts';
import { IsoDate } from './dates';
import { Language, LegalBasis, Localised, Privacy } from './privacy';
import { Versioned, VersionedEdit } from './versions';

// --- requests register ----------------------------------------------------------------------

export const SUBJECT_REQUEST_KINDS = ['access', 'rectification', 'erasure', 'objection', 'restriction', 'portability', 'consent_withdrawal'] as const;
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number];

export const REQUEST_CHANNELS = ['email', 'phone', 'letter', 'in_person', 'web_form'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_STATUSES = ['open', 'answered', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface CreateSubjectRequest {
  kind: SubjectRequestKind;
  channel: RequestChannel;
  receivedOn: IsoDate;
  /** The person in Privdesk the request is about, when found. */
  personId?: string | null;
  requesterName: string;
  requesterContact?: string | null;
  identityChecked: boolean;
  /** How the identity was checked, e.g. "BankID", "ID card at the counter". */
  identityMethod?: string | null;
  notes?: string | null;
}

export interface UpdateSubjectRequest extends VersionedEdit {
  personId?: string | null;
  identityChecked?: boolean;
  identityMethod?: string | null;
  notes?: string | null;
}

export interface ExtendSubjectRequest {
  reason: string;
}

export interface AnswerSubjectRequest {
  status: Exclude<RequestStatus, 'open'>;
  answer: string;
}

export interface SubjectRequestQuery {
  status?: RequestStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface SubjectRequestView extends Versioned {
  id: string;
  requestNumber: number;
  kind: SubjectRequestKind;
  channel: RequestChannel;
  receivedOn: IsoDate;
  personId: string | null;
  personName: string | null;
  requesterName: string;
  requesterContact: string | null;
  identityChecked: boolean;
  identityMethod: string | null;
  notes: string | null;
  /** Received + 1 month (GDPR Art. 12(3)). */
  dueOn: IsoDate;
  /** Set when extended by two months, with the reason. */
  extendedDueOn: IsoDate | null;
  extensionReason: string | null;
  /** The deadline that applies now. */
  effectiveDueOn: IsoDate;
  status: RequestStatus;
  answer: string | null;
  answeredOn: IsoDate | null;
  overdue: boolean;
  dueWithinWeek: boolean;
  createdByName: string;
  privacy: Privacy;
}

// --- erasure ----------------------------------------------------------------------------------

export const ERASURE_OUTCOMES = ['erase', 'anonymise', 'keep'] as const;
export type ErasureOutcome = (typeof ERASURE_OUTCOMES)[number];

export interface ErasureItem {
  recordType: string;
  id: string;
  /** What the record is, in words an admin recognises (never shown after erasure). */
  label: string;
  /** The same in Swedish. */
  labelSv: string;
  purpose: string;
  outcome: ErasureOutcome;
  /** Why, in words the person can read. */
  reason: Localised;
  /** Kept records: when they may go. */
  keptUntil: IsoDate | null;
}

export interface ErasureProposal {
  personId: string;
  personName: string;
  items: ErasureItem[];
}

export interface EraseRequest {
  /** The register entry this erasure answers. */
  requestId?: string | null;
}

export interface ErasureResult {
  erased: number;
  anonymised: number;
  kept: Array<Omit<ErasureItem, 'label' | 'labelSv' | 'id'>>;
  /** The paragraph for the answer letter. */
  letter: Localised;
}

// --- marketing ----------------------------------------------------------------------------------

export const MARKETING_SOURCES = ['event', 'sign_up', 'representative', 'contact_form'] as const;
export type MarketingSource = (typeof MARKETING_SOURCES)[number];

export const MARKETING_AUDIENCES = ['consumer', 'business'] as const;
export type MarketingAudience = (typeof MARKETING_AUDIENCES)[number];

export interface CreateMarketingContact {
  personId?: string;
  person?: PersonInput;
  /** With `person`: the person registered with its e-mail address is meant (blank fields filled in). */
  existingPersonId?: string;
  audience: MarketingAudience;
  companyName?: string | null;
  source: MarketingSource;
  receivedOn: IsoDate;
  /** The person gave consent to e-mail marketing (needed for consumers who are not customers). */
  consent: boolean;
  consentText?: string | null;
}

export interface MarketingContactView {
  id: string;
  personId: string;
  name: string;
  email: string | null;
  audience: MarketingAudience;
  companyName: string | null;
  source: MarketingSource;
  receivedOn: IsoDate;
  consentAt: string | null;
  consentText: string | null;
  suppressed: boolean;
  privacy: Privacy;
}

export interface MarketingSendRequest {
  subject: string;
  body: string;
  /** Only decide, send nothing. */
  dryRun?: boolean;
}

export type MarketingDecision = 'send' | 'suppressed' | 'no_consent' | 'no_email' | 'window_ended';
/**
 * Why a mail may go: consent, a business recipient's opt-out, an existing customer (a marketing
 * contact who is also a customer), a customer or customer's representative under a running
 * agreement, or a former one within the window the customer-relationship policy (P3) keeps them.
 */
export type MarketingGround = 'consent' | 'existing_customer' | 'business_opt_out' | 'customer' | 'former_customer';
/** Where a recipient comes from: the marketing list, a private customer, a company customer's contact person. */
export type MarketingRecipientSource = 'marketing_contact' | 'customer' | 'contact_person';

export interface MarketingSendResult {
  sent: number;
  decisions: Array<{
    /** The record the recipient comes from (its id, whatever its source). */
    contactId: string;
    name: string;
    source: MarketingRecipientSource;
    decision: MarketingDecision;
    ground: MarketingGround | null;
    /** For a former customer: the last day the customer-relationship policy allows marketing. */
    until: IsoDate | null;
  }>;
}

// --- applicants ----------------------------------------------------------------------------------

/** How an application reached the company: the public form, or registered by staff from another channel. */
export const APPLICATION_SOURCES = ['web_form', 'email', 'paper', 'recruiter'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

/**
 * What in a document needs care: the notice names personnummer, drug-test results and references'
 * statements that may concern health. Such documents are open only to recruiting admins, every
 * view audited.
 */
export const DOCUMENT_SENSITIVITIES = ['none', 'personnummer', 'drug_test', 'health_reference'] as const;
export type DocumentSensitivity = (typeof DOCUMENT_SENSITIVITIES)[number];

export interface ApplicantDocumentView {
  id: string;
  /** Empty when the viewer may not open the document: a file name can say what it holds. */
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  sensitivity: DocumentSensitivity;
  /** The viewer is not a recruiting admin and may not open this document. */
  restricted: boolean;
}

export interface ApplicantView {
  id: string;
  person: PersonView;
  position: string;
  submittedAt: string;
  source: ApplicationSource;
  /** The recruiting firm or site, when the application came through one. */
  recruiterName: string | null;
  /** The staff member who registered an application that did not come through the form. */
  registeredBy: string | null;
  consentText: string;
  consentAt: string;
  documents: ApplicantDocumentView[];
  privacy: Privacy;
}

/**
 * The consent an applicant gives, in the words of the stored P1 policy's retention (as the notice
 * words it), so the promise follows the policy; the exact words are stored with each application.
 */
export function applicantConsentText(retention: Localised): Localised {
  return {
    sv: `Jag samtycker till att företaget behandlar mina personuppgifter och bifogade handlingar för att pröva min ansökan, i ${retention.sv}. Jag kan när som helst ta tillbaka mitt samtycke; då raderas ansökan.`,
    en: `I consent to the company processing my personal data and attached documents to assess my application, for ${retention.en}. I may withdraw my consent at any time; the application is then deleted.`,
  };
}

// --- registers and the notice --------------------------------------------------------------------

export const RECIPIENT_KINDS = ['processor', 'independent_controller'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface RecipientInput {
  name: string;
  kind: RecipientKind;
  /** What they receive. */
  receives: Localised;
  /** Purposes (policy codes) under which data goes to them. */
  purposes: string[];
  /** Countries where the recipient processes the data (ISO 3166-1 alpha-2, e.g. SE, US). */
  countries?: string[];
  /** Every country is in the EU/EEA; false when any is outside. */
  inEu: boolean;
  /** Outside the EU/EEA: what makes the transfer lawful (GDPR Art. 45 or 46). */
  transferMechanism?: TransferMechanism | null;
  /** Outside the EU: a note on the safeguard (e.g. the module of the clauses, supplementary measures). */
  transferSafeguard?: string | null;
  agreementReference?: string | null;
}

export interface RecipientView extends RecipientInput {
  id: string;
  countries: string[];
  transferMechanism: TransferMechanism | null;
  transferSafeguard: string | null;
  agreementReference: string | null;
}

/** Country codes in words of the language: "Irland, USA" / "Ireland, United States". */
export function countriesInWords(countries: readonly string[], language: Language): string {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return countries.map((code) => names.of(code) ?? code).join(', ');
}

/** How a transfer outside the EU/EEA is made lawful. */
export const TRANSFER_MECHANISMS = ['adequacy', 'dpf', 'scc'] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const TRANSFER_MECHANISM_LABELS: Record<TransferMechanism, Localised> = {
  adequacy: { sv: 'beslut om adekvat skyddsnivå (art. 45)', en: 'adequacy decision (Art. 45)' },
  dpf: {
    sv: 'EU–US Data Privacy Framework (beslut om adekvat skyddsnivå, art. 45)',
    en: 'EU–US Data Privacy Framework (adequacy decision, Art. 45)',
  },
  scc: { sv: 'EU-kommissionens standardavtalsklausuler (art. 46)', en: 'the European Commission’s standard contractual clauses (Art. 46)' },
};

export const COOKIE_CATEGORIES = ['necessary', 'optional'] as const;
export type CookieCategory = (typeof COOKIE_CATEGORIES)[number];
export const COOKIE_SITES = ['website', 'privdesk'] as const;
export type CookieSite = (typeof COOKIE_SITES)[number];

export interface CookieInput {
  site: CookieSite;
  name: string;
  provider: string;
  duration: Localised;
  purpose: Localised;
  category: CookieCategory;
}

export interface CookieView extends CookieInput {
  id: string;
}

export interface ControllerIdentity {
  companyName: string;
  orgNumber: string;
  street: string;
  postalCode: string;
  city: string;
  privacyPhone: string;
  privacyEmail: string;
}

export interface NoticePurpose {
  code: string;
  purpose: Localised;
  dataCategories: Localised;
  legalBasis: LegalBasis;
  legalBasisName: Localised;
  /** Further bases the purpose rests on, each with what it covers. */
  additionalBases: Array<{ legalBasis: LegalBasis; legalBasisName: Localised; statement: Localised }>;
  retention: Localised;
  clockStarts: Localised;
  recipients: string[];
}

/** The notice's own statements, said once here and rendered by the public notice and the record. */
export interface NoticeStatements {
  /** Data asked for under a contract is a contractual requirement; what follows if it is not given. */
  contractRequirement: Localised;
  /** The technical and organisational security measures, in a sentence. */
  security: Localised;
  /** The right to complain to the supervisory authority. */
  complaint: Localised;
  complaintUrl: string;
  /** How to object to direct marketing. */
  marketingObjection: Localised;
}

export const NOTICE_STATEMENTS: NoticeStatements = {
  contractRequirement: {
    sv: 'De uppgifter vi ber om för att ingå och fullgöra ett avtal med dig är ett avtalsenligt krav. Lämnar du dem inte kan vi inte ingå avtalet, fullgöra det eller göra det vi har åtagit oss gentemot dig.',
    en: 'The data we ask for to make and perform an agreement with you is a contractual requirement. If you do not give it, we cannot make the agreement, perform it or do what we have undertaken to do for you.',
  },
  security: {
    sv: 'Vi skyddar dina uppgifter mot obehörig åtkomst och ändring med tekniska och organisatoriska åtgärder: behörighet efter roll, loggning av känsliga visningar, kryptering av lösenord till inlämnade enheter, krypterade förbindelser (HTTPS) och gallring med raderingsintyg när tiden gått ut.',
    en: 'We protect your data against unauthorised access and alteration with technical and organisational measures: access by role, logging of sensitive views, encryption of the passwords of devices handed in, encrypted connections (HTTPS) and culling with deletion certificates when the time is up.',
  },
  complaint: {
    sv: 'Du har rätt att klaga hos Integritetsskyddsmyndigheten (IMY), som är tillsynsmyndighet, om du anser att vi behandlar dina personuppgifter i strid med dataskyddsförordningen.',
    en: 'You have the right to complain to the Swedish Authority for Privacy Protection (IMY), the supervisory authority, if you think we process your personal data in breach of the GDPR.',
  },
  complaintUrl: 'https://www.imy.se',
  marketingObjection: {
    sv: 'Du kan när som helst invända mot direktmarknadsföring, utan kostnad: klicka på avregistreringslänken som finns i varje utskick, eller kontakta oss på e-postadressen eller telefonnumret ovan. Marknadsföringen upphör direkt; vi sparar bara en nyckelbaserad kontrollsumma (hash) av din e-postadress så att du inte läggs till igen.',
    en: 'You may object to direct marketing at any time, free of charge: click the opt-out link in every mailing, or contact us at the e-mail address or phone number above. The marketing stops at once; we keep only a keyed hash of your e-mail address so that you are not added again.',
  },
};

/** The public privacy notice, rendered from what the system enforces. */
export interface PrivacyNotice {
  controller: ControllerIdentity;
  purposes: NoticePurpose[];
  recipients: RecipientView[];
  cookies: CookieView[];
  statements: NoticeStatements;
  generatedAt: string;
}

// --- contact form ---------------------------------------------------------------------------------

export interface CreateInquiry {
  name: string;
  email: string;
  phone?: string | null;
  message: string;
  /** A field people never see; bots fill it in. */
  website?: string;
}

export const INQUIRY_STATUSES = ['new', 'ticket', 'lead', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export interface InquiryView {
  id: string;
  inquiryNumber: number;
  personId: string;
  name: string;
  email: string | null;
  phone: string | null;
  message: string;
  receivedAt: string;
  status: InquiryStatus;
  ticketId: string | null;
  customerId: string | null;
  privacy: Privacy;
}

export interface ConvertInquiry {
  to: 'ticket' | 'lead';
  /** Ticket: the customer it belongs to; unset makes the sender a person customer. */
  customerId?: string | null;
}
