import { formulaSafe, formulaSafeStrings, toCsv } from './csv';

describe('formula-safe CSV', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+46 70 123 45 67', `'+46 70 123 45 67`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['Kalle = Anka', 'Kalle = Anka'],
    ['', ''],
  ])('%j → %j', (text, safe) => {
    expect(formulaSafe(text)).toBe(safe);
  });

  it('writes text cells safe and numbers as numbers', () => {
    expect(toCsv([['name', 'count'], ['=1+1', -3], ['Åsa', 2]])).toBe(`name,count\n'=1+1,-3\nÅsa,2\n`);
  });

  it('makes every string of a nested value safe, leaving the rest', () => {
    expect(formulaSafeStrings({ rows: [{ purpose: '=x', records: 2 }], when: null })).toEqual({ rows: [{ purpose: `'=x`, records: 2 }], when: null });
  });
});
