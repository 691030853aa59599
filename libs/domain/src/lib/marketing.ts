import { IsoDate } from './dates';
import { MarketingDecision, MarketingGround } from './rights-contracts';

export interface MarketingRecipient {
  email: string | null;
  audience: 'consumer' | 'business';
  /** When the person consented to e-mail marketing, if ever. */
  consentAt: Date | string | null;
}

/**
 * Whether a marketing e-mail may go to one recipient, and on which ground: never to someone who
 * objected (GDPR Art. 21(3)); to business recipients with an opt-out; to consumers with consent, or
 * when they are existing customers offered the company's own similar products (Marknadsföringslagen
 * 19 § second paragraph) — every mail carrying the opt-out link.
 */
export function marketingDecision(recipient: MarketingRecipient, suppressed: boolean, existingCustomer: boolean): { decision: MarketingDecision; ground: MarketingGround | null } {
  if (!recipient.email) return { decision: 'no_email', ground: null };
  if (suppressed) return { decision: 'suppressed', ground: null };
  if (recipient.audience === 'business') return { decision: 'send', ground: 'business_opt_out' };
  if (recipient.consentAt) return { decision: 'send', ground: 'consent' };
  if (existingCustomer) return { decision: 'send', ground: 'existing_customer' };
  return { decision: 'no_consent', ground: null };
}

export interface CustomerRecipient {
  email: string | null;
  /** An agreement of the customer runs today (no end, or an end not yet passed). */
  agreementRunning: boolean;
  /**
   * The customer record's deadline under the customer-relationship policy (P3: the agreement's
   * end plus the years the notice gives, because IT services are bought rarely); null while it runs.
   */
  keptUntil: IsoDate | null;
}

/**
 * Whether a marketing mail may go to a customer or a customer's representative: while an agreement
 * runs, and after it ended for as long as the policy keeps the customer for this purpose — never
 * to someone who objected; every mail carries the opt-out link.
 */
export function customerMarketingDecision(
  recipient: CustomerRecipient,
  suppressed: boolean,
  today: IsoDate,
): { decision: MarketingDecision; ground: MarketingGround | null; until: IsoDate | null } {
  if (!recipient.email) return { decision: 'no_email', ground: null, until: null };
  if (suppressed) return { decision: 'suppressed', ground: null, until: null };
  if (recipient.agreementRunning) return { decision: 'send', ground: 'customer', until: null };
  if (recipient.keptUntil && recipient.keptUntil >= today) return { decision: 'send', ground: 'former_customer', until: recipient.keptUntil };
  return { decision: 'window_ended', ground: null, until: recipient.keptUntil };
}
