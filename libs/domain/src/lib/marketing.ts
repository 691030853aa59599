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
