import { marketingDecision, MarketingRecipient } from './marketing';

const consumer = (extra: Partial<MarketingRecipient> = {}): MarketingRecipient => ({ email: 'a@example.se', audience: 'consumer', consentAt: null, ...extra });
const business = (extra: Partial<MarketingRecipient> = {}): MarketingRecipient => ({ email: 'b@bolag.se', audience: 'business', consentAt: null, ...extra });

describe('marketingDecision', () => {
  it.each<[string, MarketingRecipient, boolean, boolean, string, string | null]>([
    ['consumer with consent', consumer({ consentAt: '2026-01-01T10:00:00Z' }), false, false, 'send', 'consent'],
    ['consumer without consent', consumer(), false, false, 'no_consent', null],
    ['consumer who is a customer', consumer(), false, true, 'send', 'existing_customer'],
    ['consumer with consent who objected', consumer({ consentAt: '2026-01-01T10:00:00Z' }), true, false, 'suppressed', null],
    ['customer who objected', consumer(), true, true, 'suppressed', null],
    ['business recipient', business(), false, false, 'send', 'business_opt_out'],
    ['business recipient who objected', business(), true, false, 'suppressed', null],
    ['no e-mail address', consumer({ email: null, consentAt: '2026-01-01T10:00:00Z' }), false, true, 'no_email', null],
    ['no e-mail, objected', business({ email: null }), true, false, 'no_email', null],
  ])('%s', (_name, recipient, suppressed, customer, decision, ground) => {
    expect(marketingDecision(recipient, suppressed, customer)).toEqual({ decision, ground });
  });
});
