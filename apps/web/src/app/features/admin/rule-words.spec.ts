import { DEFAULT_POLICIES } from '@privdesk/domain';
import { ruleInWords } from './rule-words';

describe('ruleInWords', () => {
  it('describes every default policy in both languages', () => {
    for (const policy of Object.values(DEFAULT_POLICIES)) {
      expect(ruleInWords(policy, 'sv')).not.toMatch(/\{|undefined/);
      expect(ruleInWords(policy, 'en')).not.toMatch(/\{|undefined/);
    }
    expect(ruleInWords(DEFAULT_POLICIES.P3, 'en')).toBe(
      'While the agreement runs and 5 years after it ends; without an agreement 24 months from registration',
    );
    expect(ruleInWords(DEFAULT_POLICIES.P1, 'sv')).toBe('24 månader från ansökan');
  });
});
