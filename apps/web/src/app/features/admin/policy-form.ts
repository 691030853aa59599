import { FormControl, FormGroup, Validators } from '@angular/forms';
import { ExpiryAction, LegalBasis, Localised, PolicyChange, PolicyView, RetentionRule } from '@privdesk/domain';
import { integerValidator } from './retention/validators';

export type RuleKind = RetentionRule['kind'];

/** Every number a rule may have; a policy's kind uses some of them. */
export interface RuleValues {
  months: number | null;
  yearsAfterEnd: number | null;
  monthsWithoutAgreement: number | null;
  years: number | null;
}
export type RuleField = keyof RuleValues;

/** The numbers of each kind of rule, with the largest the server takes (100 years). */
export const RULE_FIELDS: Record<RuleKind, ReadonlyArray<{ field: RuleField; max: number }>> = {
  'months-from-event': [{ field: 'months', max: 1200 }],
  quote: [{ field: 'months', max: 1200 }],
  agreement: [
    { field: 'yearsAfterEnd', max: 100 },
    { field: 'monthsWithoutAgreement', max: 1200 },
  ],
  bookkeeping: [{ field: 'years', max: 100 }],
};

const EMPTY_RULE: RuleValues = { months: null, yearsAfterEnd: null, monthsWithoutAgreement: null, years: null };

/** A rule as form values (the fields its kind does not use are null). */
export function ruleValues(rule: RetentionRule): RuleValues {
  switch (rule.kind) {
    case 'months-from-event':
    case 'quote':
      return { ...EMPTY_RULE, months: rule.months };
    case 'agreement':
      return { ...EMPTY_RULE, yearsAfterEnd: rule.yearsAfterEnd, monthsWithoutAgreement: rule.monthsWithoutAgreement };
    case 'bookkeeping':
      return { ...EMPTY_RULE, years: rule.years };
  }
}

/** Form values back to a rule of `kind`; null while a number is missing, not whole or out of range. */
export function ruleFromValues(kind: RuleKind, values: Partial<RuleValues>): RetentionRule | null {
  const numbers: Partial<Record<RuleField, number>> = {};
  for (const { field, max } of RULE_FIELDS[kind]) {
    const raw = values[field];
    const value = raw === null || raw === undefined || (raw as unknown) === '' ? NaN : Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max) return null;
    numbers[field] = value;
  }
  switch (kind) {
    case 'months-from-event':
    case 'quote':
      return { kind, months: numbers.months as number };
    case 'agreement':
      return { kind, yearsAfterEnd: numbers.yearsAfterEnd as number, monthsWithoutAgreement: numbers.monthsWithoutAgreement as number };
    case 'bookkeeping':
      return { kind, years: numbers.years as number };
  }
}

export function sameRule(a: RetentionRule, b: RetentionRule): boolean {
  return a.kind === b.kind && RULE_FIELDS[a.kind].every(({ field }) => ruleValues(a)[field] === ruleValues(b)[field]);
}

const localisedGroup = (value: Localised) =>
  new FormGroup({
    sv: new FormControl(value.sv, { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
    en: new FormControl(value.en, { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
  });

/** The edit form; its shape mirrors `PolicyChange`, so the server's field paths name its controls. */
export function policyForm(policy: PolicyView) {
  const values = ruleValues(policy.rule);
  const used = new Set(RULE_FIELDS[policy.rule.kind].map(({ field }) => field));
  const numberControl = (field: RuleField) => {
    const max = RULE_FIELDS[policy.rule.kind].find((f) => f.field === field)?.max ?? 0;
    return new FormControl<number | null>(
      { value: values[field], disabled: !used.has(field) },
      { validators: [Validators.required, Validators.min(0), Validators.max(max), integerValidator] },
    );
  };
  return new FormGroup({
    rule: new FormGroup({
      months: numberControl('months'),
      yearsAfterEnd: numberControl('yearsAfterEnd'),
      monthsWithoutAgreement: numberControl('monthsWithoutAgreement'),
      years: numberControl('years'),
    }),
    expiryAction: new FormControl<ExpiryAction>(policy.expiryAction, { nonNullable: true, validators: [Validators.required] }),
    legalBasis: new FormControl<LegalBasis>(policy.legalBasis, { nonNullable: true, validators: [Validators.required] }),
    purpose: localisedGroup(policy.purpose),
    dataCategories: localisedGroup(policy.dataCategories),
    clockStarts: localisedGroup(policy.clockStarts),
  });
}
export type PolicyForm = ReturnType<typeof policyForm>;

export interface PolicyFormValue {
  rule: Partial<RuleValues>;
  expiryAction: ExpiryAction;
  legalBasis: LegalBasis;
  purpose: Localised;
  dataCategories: Localised;
  clockStarts: Localised;
}

const trimmed = (value: Localised): Localised => ({ sv: value.sv.trim(), en: value.en.trim() });
const sameText = (a: Localised, b: Localised) => a.sv === b.sv && a.en === b.en;

/**
 * What the form changes about `policy`, with only the changed parts (the audit log names the
 * fields that changed). Empty when nothing changed; no `rule` while the rule is invalid. Saving
 * adds the version of `policy`.
 */
export function policyChanges(policy: PolicyView, value: PolicyFormValue): PolicyChange {
  const request: PolicyChange = {};
  const rule = ruleFromValues(policy.rule.kind, value.rule);
  if (rule && !sameRule(rule, policy.rule)) request.rule = rule;
  if (value.expiryAction !== policy.expiryAction) request.expiryAction = value.expiryAction;
  if (value.legalBasis !== policy.legalBasis) request.legalBasis = value.legalBasis;
  for (const key of ['purpose', 'dataCategories', 'clockStarts'] as const) {
    const text = trimmed(value[key]);
    if (!sameText(text, policy[key])) request[key] = text;
  }
  return request;
}
