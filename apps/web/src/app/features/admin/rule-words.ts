import type { Language, RetentionPolicy } from '@privdesk/domain';
import { DICTIONARIES, interpolate } from '../../core/i18n';

/** A policy's retention rule in words, for the policy table (the API sends only the structured rule). */
export function ruleInWords(policy: RetentionPolicy, lang: Language): string {
  const dictionary = DICTIONARIES[lang];
  const rule = policy.rule;
  switch (rule.kind) {
    case 'months-from-event':
      return interpolate(dictionary['rule.monthsFromEvent'], { months: rule.months, event: policy.clockStarts[lang] });
    case 'quote':
      return interpolate(dictionary['rule.quote'], { months: rule.months });
    case 'agreement':
      return rule.yearsAfterEnd > 0
        ? interpolate(dictionary['rule.agreementYears'], { years: rule.yearsAfterEnd, months: rule.monthsWithoutAgreement })
        : interpolate(dictionary['rule.agreement'], { months: rule.monthsWithoutAgreement });
    case 'bookkeeping':
      return interpolate(dictionary['rule.bookkeeping'], { years: rule.years });
  }
}
