import { DEFAULT_POLICIES, EVIDENCE_POLICY, PolicyView, RetentionRule } from '@privdesk/domain';
import { policyChanges, policyForm, PolicyFormValue, ruleFromValues, ruleValues } from './policy-form';

const view = (code: keyof typeof DEFAULT_POLICIES): PolicyView => ({
  ...DEFAULT_POLICIES[code],
  expiryAction: code === 'P7' ? 'review' : 'delete',
  additionalBases: [],
  updatedAt: '2026-11-25T10:00:00.000Z',
  version: 1,
});

describe('rule form mapping', () => {
  const rules: RetentionRule[] = [
    { kind: 'months-from-event', months: 24 },
    { kind: 'quote', months: 6 },
    { kind: 'agreement', yearsAfterEnd: 5, monthsWithoutAgreement: 24 },
    { kind: 'bookkeeping', years: 7 },
    EVIDENCE_POLICY.rule,
  ];

  it('round-trips every kind of rule', () => {
    for (const rule of rules) expect(ruleFromValues(rule.kind, ruleValues(rule))).toEqual(rule);
  });

  it('uses only the numbers of the kind', () => {
    expect(ruleValues({ kind: 'agreement', yearsAfterEnd: 0, monthsWithoutAgreement: 24 })).toEqual({
      months: null,
      yearsAfterEnd: 0,
      monthsWithoutAgreement: 24,
      years: null,
    });
    expect(ruleFromValues('bookkeeping', { years: 10, months: 3 })).toEqual({ kind: 'bookkeeping', years: 10 });
  });

  it('gives no rule for missing, fractional, negative or too large numbers', () => {
    expect(ruleFromValues('quote', { months: null })).toBeNull();
    expect(ruleFromValues('quote', { months: 2.5 })).toBeNull();
    expect(ruleFromValues('agreement', { yearsAfterEnd: -1, monthsWithoutAgreement: 24 })).toBeNull();
    expect(ruleFromValues('bookkeeping', { years: 101 })).toBeNull();
    // A number input can hand over a numeric string.
    expect(ruleFromValues('months-from-event', { months: '12' as unknown as number })).toEqual({ kind: 'months-from-event', months: 12 });
  });
});

describe('policy form', () => {
  it('starts with the policy and enables only the rule fields of its kind', () => {
    const form = policyForm(view('P3'));
    expect(form.controls.rule.controls.yearsAfterEnd.value).toBe(5);
    expect(form.controls.rule.controls.months.disabled).toBe(true);
    expect(form.controls.purpose.controls.sv.value).toBe('Administrera kundrelationen');
    expect(form.valid).toBe(true);
  });

  it('asks for only what changed', () => {
    const policy = view('P3');
    const value = (): PolicyFormValue => policyForm(policy).getRawValue();
    expect(policyChanges(policy, value())).toEqual({});

    const edited = value();
    edited.rule = { ...edited.rule, yearsAfterEnd: 3 };
    edited.expiryAction = 'anonymise';
    edited.purpose = { sv: ' Administrera kundrelationen ', en: 'Customer relationship' };
    expect(policyChanges(policy, edited)).toEqual({
      rule: { kind: 'agreement', yearsAfterEnd: 3, monthsWithoutAgreement: 24 },
      expiryAction: 'anonymise',
      purpose: { sv: 'Administrera kundrelationen', en: 'Customer relationship' },
    });
  });

  it('leaves an invalid rule out of the request', () => {
    const policy = view('P7');
    const edited: PolicyFormValue = { ...policyForm(policy).getRawValue(), rule: { years: null } };
    expect(policyChanges(policy, edited)).toEqual({});
  });
});
