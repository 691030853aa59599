import { laterOf } from './dates';
import { partnerContactPolicyView, PARTNER_CONTACT_PURPOSE } from './partner-contracts';
import { PARTNER_CONTACT_POLICY, retentionInWords } from './policies';
import { computeRetention } from './retention';

describe('supplier and partner contacts (P9)', () => {
  it('is its own purpose under legitimate interest', () => {
    expect(PARTNER_CONTACT_PURPOSE).toBe('P9');
    expect(PARTNER_CONTACT_POLICY.legalBasis).toBe('legitimate_interest');
  });

  it.each([
    ['while the relationship lasts: from the last contact', '2026-03-15', null, '2028-03-15'],
    ['ended after the last contact: from the end', '2026-01-10', '2026-06-30', '2028-06-30'],
    ['contact after the end: from the contact', '2026-08-01', '2026-06-30', '2028-08-01'],
    ['leap day', '2024-02-29', null, '2026-02-28'],
  ])('keeps a contact 24 months from the later date (%s)', (_case, lastContact, ended, until) => {
    const eventDate = ended ? laterOf(lastContact, ended) : lastContact;
    expect(computeRetention(PARTNER_CONTACT_POLICY, { eventDate })).toEqual({
      purpose: 'P9',
      legalBasis: 'legitimate_interest',
      retainUntil: until,
      rule: '24 months from the last contact or the end of the business relationship, whichever is later',
      ruleSv: '24 månader från den senaste kontakten eller affärsrelationens slut, det som är senast',
    });
  });

  it('describes the stored policy in words, for the page and the notice', () => {
    const edited = { ...PARTNER_CONTACT_POLICY, rule: { kind: 'months-from-event' as const, months: 12 } };
    expect(partnerContactPolicyView(edited)).toEqual({
      code: 'P9',
      purpose: PARTNER_CONTACT_POLICY.purpose,
      dataCategories: PARTNER_CONTACT_POLICY.dataCategories,
      legalBasis: 'legitimate_interest',
      retention: retentionInWords(edited),
    });
    expect(retentionInWords(edited).en).toBe('12 months from the last contact or the end of the business relationship, whichever is later');
  });
});
