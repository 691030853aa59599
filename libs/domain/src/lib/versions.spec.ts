import { mergeEdit, sameValue } from './versions';

describe('mergeEdit', () => {
  const base = { phone: '070-111', city: 'Umeå', notes: '' };

  it.each([
    ['only they changed a field: theirs is taken', { ...base, phone: '073-222' }, base, { ...base, phone: '073-222' }, ['phone'], [], []],
    ['only I changed a field: mine is kept', base, { ...base, city: 'Luleå' }, { ...base, city: 'Luleå' }, [], [], ['city']],
    ['we changed different fields: both survive', { ...base, phone: '073-222' }, { ...base, city: 'Luleå' }, { ...base, phone: '073-222', city: 'Luleå' }, ['phone'], [], ['city']],
    ['we changed one field differently: a clash, mine kept', { ...base, city: 'Kiruna' }, { ...base, city: 'Luleå' }, { ...base, city: 'Luleå' }, ['city'], ['city'], ['city']],
    ['we changed one field alike: no clash', { ...base, city: 'Luleå' }, { ...base, city: 'Luleå' }, { ...base, city: 'Luleå' }, ['city'], [], ['city']],
    ['blank and null are the same', { ...base, notes: null as unknown as string }, base, base, [], [], []],
  ])('%s', (_name, current, mine, merged, theirs, clashes, changedByMe) => {
    const result = mergeEdit(base, current, mine);
    expect(result.merged).toEqual(merged);
    expect(result.theirs).toEqual(theirs);
    expect(result.clashes).toEqual(clashes);
    expect(result.mine).toEqual(changedByMe);
  });

  it('compares lines and objects by content', () => {
    const lines = [{ description: 'Disk', quantity: 1 }];
    const result = mergeEdit({ lines }, { lines: [{ quantity: 1, description: 'Disk' }] }, { lines: [{ description: 'Disk', quantity: 2 }] });
    expect(result.theirs).toEqual([]);
    expect(result.mine).toEqual(['lines']);
  });
});

describe('sameValue', () => {
  it.each([
    ['', null, true],
    ['  ', undefined, true],
    ['a', 'a ', false],
    [0, null, false],
    [false, null, false],
    [[1, 2], [2, 1], false],
    [new Date('2026-12-01T00:00:00Z'), new Date('2026-12-02T00:00:00Z'), false],
    [new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), true],
  ])('%j vs %j → %s', (a, b, same) => expect(sameValue(a, b)).toBe(same));
});
