import { CustomerRecipient, customerMarketingDecision, marketingDecision, MarketingRecipient } from './marketing';

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

describe('customerMarketingDecision', () => {
  const today = '2026-12-01';
  const customer = (extra: Partial<CustomerRecipient> = {}): CustomerRecipient => ({ email: 'kund@example.se', agreementRunning: false, keptUntil: null, ...extra });

  it.each<[string, CustomerRecipient, boolean, string, string | null, string | null]>([
    ['agreement running', customer({ agreementRunning: true }), false, 'send', 'customer', null],
    ['agreement running, objected', customer({ agreementRunning: true }), true, 'suppressed', null, null],
    ['ended, kept five more years: ends later', customer({ keptUntil: '2030-06-30' }), false, 'send', 'former_customer', '2030-06-30'],
    ['ended, the window ends today', customer({ keptUntil: '2026-12-01' }), false, 'send', 'former_customer', '2026-12-01'],
    ['ended, the window ended yesterday', customer({ keptUntil: '2026-11-30' }), false, 'window_ended', null, '2026-11-30'],
    ['ended, window on a leap day ahead', customer({ keptUntil: '2028-02-29' }), false, 'send', 'former_customer', '2028-02-29'],
    ['no deadline and nothing running', customer(), false, 'window_ended', null, null],
    ['ended within the window, objected', customer({ keptUntil: '2030-06-30' }), true, 'suppressed', null, null],
    ['no e-mail address', customer({ email: null, agreementRunning: true }), false, 'no_email', null, null],
  ])('%s', (_name, recipient, suppressed, decision, ground, until) => {
    expect(customerMarketingDecision(recipient, suppressed, today)).toEqual({ decision, ground, until });
  });
});
