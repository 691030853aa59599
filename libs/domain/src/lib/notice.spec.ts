import { DEFAULT_POLICIES, EVIDENCE_POLICY, INQUIRY_POLICY, REQUEST_POLICY, retentionInWords } from './policies';

describe('retentionInWords', () => {
  it.each([
    ['P1', { sv: '24 månader från ansökan', en: '24 months from the application' }],
    ['P2', { sv: 'under giltighetstiden, högst 24 månader från att offerten lämnades', en: 'while the quote is valid, at most 24 months from issue' }],
    ['P3', { sv: 'avtalets löptid + 5 år (utan avtal: 24 månader från registreringen)', en: "the agreement's term + 5 years (without an agreement: 24 months from registration)" }],
    ['P4', { sv: 'avtalets löptid (utan avtal: 24 månader från registreringen)', en: "the agreement's term (without an agreement: 24 months from registration)" }],
    ['P7', { sv: 't.o.m. 31 december det 7:e året efter räkenskapsårets slut', en: 'until 31 December of the 7th year after the end of the financial year' }],
  ] as const)('%s', (code, words) => {
    expect(retentionInWords(DEFAULT_POLICIES[code])).toEqual(words);
  });

  it.each([
    [INQUIRY_POLICY, '12 months from when the question was received'],
    [REQUEST_POLICY, '36 months from when the request was received'],
    [EVIDENCE_POLICY, '120 months from the cull'],
  ])('%s', (policy, en) => {
    expect(retentionInWords(policy).en).toBe(en);
  });
});
