import { countDecisions, sortDecisions } from './marketing-labels';

describe('marketing decisions', () => {
  const decisions = [
    { name: 'Örjan', decision: 'suppressed' as const },
    { name: 'Anna', decision: 'no_consent' as const },
    { name: 'Bo', decision: 'send' as const },
    { name: 'Ada', decision: 'send' as const },
  ];

  it('lists the recipients first, then the others by reason', () => {
    expect(sortDecisions(decisions).map((d) => d.name)).toEqual(['Ada', 'Bo', 'Anna', 'Örjan']);
  });

  it('counts each decision', () => {
    expect(countDecisions(decisions)).toEqual({ send: 2, suppressed: 1, no_consent: 1, no_email: 0, window_ended: 0 });
  });
});
