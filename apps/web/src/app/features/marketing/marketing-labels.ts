import type { MarketingAudience, MarketingDecision, MarketingGround, MarketingRecipientSource, MarketingSource } from '@privdesk/domain';

export const audienceKey = (audience: MarketingAudience): `marketing.audience.${MarketingAudience}` => `marketing.audience.${audience}`;
export const sourceKey = (source: MarketingSource): `marketing.source.${MarketingSource}` => `marketing.source.${source}`;
export const decisionKey = (decision: MarketingDecision): `marketing.decision.${MarketingDecision}` => `marketing.decision.${decision}`;
export const groundKey = (ground: MarketingGround): `marketing.ground.${MarketingGround}` => `marketing.ground.${ground}`;
export const recipientSourceKey = (source: MarketingRecipientSource): `mailing.source.${MarketingRecipientSource}` => `mailing.source.${source}`;

/** Who gets the mail first in the preview, then why the others do not. */
const DECISION_ORDER: readonly MarketingDecision[] = ['send', 'no_consent', 'window_ended', 'no_email', 'suppressed'];

export function sortDecisions<T extends { decision: MarketingDecision; name: string }>(decisions: readonly T[]): T[] {
  return [...decisions].sort((a, b) => DECISION_ORDER.indexOf(a.decision) - DECISION_ORDER.indexOf(b.decision) || a.name.localeCompare(b.name, 'sv'));
}

export function countDecisions(decisions: readonly { decision: MarketingDecision }[]): Record<MarketingDecision, number> {
  const counts: Record<MarketingDecision, number> = { send: 0, suppressed: 0, no_consent: 0, no_email: 0, window_ended: 0 };
  for (const { decision } of decisions) counts[decision]++;
  return counts;
}
