import { DEFAULT_POLICIES, EVIDENCE_POLICY, INQUIRY_POLICY, REQUEST_POLICY, retentionInWords } from './policies';
import { applicantConsentText, countriesInWords, NOTICE_STATEMENTS, TRANSFER_MECHANISM_LABELS, TRANSFER_MECHANISMS } from './rights-contracts';

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

describe('countriesInWords', () => {
  it.each([
    // countries, language, words
    [['SE', 'IE'], 'sv', 'Sverige, Irland'],
    [['SE', 'IE'], 'en', 'Sweden, Ireland'],
    [['US'], 'sv', 'USA'],
    [['US', 'GB'], 'en', 'United States, United Kingdom'],
    [[], 'en', ''],
  ] as const)('%j in %s: %j', (countries, language, words) => {
    expect(countriesInWords(countries, language)).toBe(words);
  });
});

describe('TRANSFER_MECHANISM_LABELS', () => {
  it.each([
    // mechanism, article of GDPR in Swedish and English
    ['adequacy', 'art. 45', 'Art. 45'],
    ['dpf', 'art. 45', 'Art. 45'],
    ['scc', 'art. 46', 'Art. 46'],
  ] as const)('%s names %s / %s', (mechanism, sv, en) => {
    expect(TRANSFER_MECHANISM_LABELS[mechanism].sv).toContain(sv);
    expect(TRANSFER_MECHANISM_LABELS[mechanism].en).toContain(en);
  });

  it('labels every mechanism, and no other', () => {
    expect(Object.keys(TRANSFER_MECHANISM_LABELS).sort()).toEqual([...TRANSFER_MECHANISMS].sort());
  });
});

describe('NOTICE_STATEMENTS', () => {
  it.each([
    // statement, words it must say in Swedish and English
    ['contractRequirement', 'avtalsenligt krav', 'contractual requirement'],
    ['security', 'obehörig åtkomst', 'unauthorised access'],
    ['complaint', 'Integritetsskyddsmyndigheten (IMY)', 'Swedish Authority for Privacy Protection (IMY)'],
    ['marketingObjection', 'invända mot direktmarknadsföring', 'object to direct marketing'],
  ] as const)('%s says %j / %j', (statement, sv, en) => {
    expect(NOTICE_STATEMENTS[statement].sv).toContain(sv);
    expect(NOTICE_STATEMENTS[statement].en).toContain(en);
  });

  it('links the supervisory authority', () => {
    expect(NOTICE_STATEMENTS.complaintUrl).toBe('https://www.imy.se');
  });
});

describe('applicantConsentText', () => {
  it('promises what the stored P1 keeps: the application for its period, deleted when consent is withdrawn', () => {
    const text = applicantConsentText(retentionInWords(DEFAULT_POLICIES.P1));
    expect(text.sv).toContain('i 24 månader från ansökan');
    expect(text.sv).toContain('ta tillbaka mitt samtycke; då raderas ansökan');
    expect(text.en).toContain('for 24 months from the application');
    expect(text.en).toContain('withdraw my consent at any time; the application is then deleted');
    const shorter = applicantConsentText(retentionInWords({ ...DEFAULT_POLICIES.P1, rule: { kind: 'months-from-event', months: 12 } }));
    expect(shorter.en).toContain('for 12 months from the application');
  });
});
