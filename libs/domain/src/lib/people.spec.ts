import { normaliseEmail, sameEmail } from './people';

describe('one person per e-mail address', () => {
  it('compares addresses trimmed and in lower case', () => {
    expect(normaliseEmail('  Anna.Lindqvist@Example.SE ')).toBe('anna.lindqvist@example.se');
    expect(sameEmail('ANNA@example.se', ' anna@EXAMPLE.se')).toBe(true);
    expect(sameEmail('anna@example.se', 'anna2@example.se')).toBe(false);
  });

  it('never treats a missing address as a match', () => {
    expect(sameEmail(null, null)).toBe(false);
    expect(sameEmail('', '')).toBe(false);
    expect(sameEmail(undefined, 'a@b.se')).toBe(false);
  });
});
