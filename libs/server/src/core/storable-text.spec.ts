import { isStorableText, unstorableTextFields } from './storable-text';

describe('storable text', () => {
  it.each([
    ['plain text', 'Skrivaren på plan 2', true],
    ['an emoji (a whole surrogate pair)', 'Tack 👍', true],
    ['a NUL byte', 'a\u0000b', false],
    ['a lone high surrogate', 'a\ud800', false],
    ['a lone low surrogate', '\udc00b', false],
    ['a pair the wrong way round', '\udc00\ud800', false],
  ])('%s → %s', (_case, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });

  it('names every broken string by dotted path, through objects and lists', () => {
    expect(unstorableTextFields({ email: '\ud800', person: { firstName: 'Åsa', lastName: 'x\u0000' }, lines: [{ description: 'ok' }, { description: '\u0000' }], count: 3 })).toEqual({
      email: [expect.any(String)],
      'person.lastName': [expect.any(String)],
      'lines.1.description': [expect.any(String)],
    });
    expect(unstorableTextFields({ ok: 'fine', nested: [['fine']] })).toEqual({});
    expect(unstorableTextFields(undefined)).toEqual({});
  });

  it('walks a deeply nested body without exhausting the stack', () => {
    let deep: unknown = '\u0000';
    for (let level = 0; level < 100_000; level++) deep = [deep];

    expect(Object.keys(unstorableTextFields(deep))).toHaveLength(1);
  });
});
