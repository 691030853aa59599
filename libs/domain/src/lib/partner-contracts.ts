import { PersonInput } from './contracts';
import { IsoDate } from './dates';
import { LegalBasis, Localised, Privacy } from './privacy';
import { PARTNER_CONTACT_POLICY, retentionInWords } from './policies';
import { RetentionPolicy } from './retention';
import { Versioned, VersionedEdit } from './versions';

/** Who the organisation is to the company. */
export const PARTNER_KINDS = ['supplier', 'partner'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The policy supplier and partner contacts are kept under (P9 by default; the stored copy governs). */
export const PARTNER_CONTACT_PURPOSE = PARTNER_CONTACT_POLICY.code;

/** A contact person at a supplier or partner (P9). */
export interface PartnerContactView extends Versioned {
  id: string;
  personId: string;
  name: string;
  email: string | null;
  phone: string | null;
  organisationName: string;
  kind: PartnerKind;
  /** The person's role or title at the organisation. */
  title: string | null;
  /** Free text; scrubbed of a person's name and contact details when he or she goes. */
  notes: string | null;
  /** The last contact with the person: the clock runs from it while the relationship lasts. */
  lastContactOn: IsoDate;
  /** The business relationship ended on this day (null while it lasts). */
  relationshipEndedOn: IsoDate | null;
  createdAt: string;
  privacy: Privacy;
}

export interface CreatePartnerContact {
  /** An already registered person … */
  personId?: string;
  /** … or a new one (one person per e-mail address: a match is answered with person_exists). */
  person?: PersonInput;
  /** After a person_exists answer: the person registered with this e-mail address is meant. */
  existingPersonId?: string;
  organisationName: string;
  kind: PartnerKind;
  title?: string | null;
  notes?: string | null;
  /** Defaults to today. */
  lastContactOn?: IsoDate;
  relationshipEndedOn?: IsoDate | null;
}

export interface UpdatePartnerContact extends VersionedEdit {
  organisationName?: string;
  kind?: PartnerKind;
  title?: string | null;
  notes?: string | null;
  lastContactOn?: IsoDate;
  relationshipEndedOn?: IsoDate | null;
  person?: Partial<PersonInput>;
}

/** The policy as stored (the policy table is the single source): what the page says about why and how long. */
export interface PartnerContactPolicyView {
  code: string;
  purpose: Localised;
  dataCategories: Localised;
  legalBasis: LegalBasis;
  retention: Localised;
}

export function partnerContactPolicyView(policy: RetentionPolicy): PartnerContactPolicyView {
  return { code: policy.code, purpose: policy.purpose, dataCategories: policy.dataCategories, legalBasis: policy.legalBasis, retention: retentionInWords(policy) };
}
