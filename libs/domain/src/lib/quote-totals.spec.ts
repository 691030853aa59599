import { formatSek, quoteAmounts, toOre, toSek } from './quote-totals';
import { QuoteLineInput } from './work-contracts';

const line = (quantity: number, unitPrice: number, extra: Partial<QuoteLineInput> = {}): QuoteLineInput => ({
  kind: 'item',
  description: 'x',
  quantity,
  unitPrice,
  ...extra,
});

describe('toOre', () => {
  it.each([
    [19.99, 1999],
    [0.1 + 0.2, 30],
    [1234.5, 123450],
    [0, 0],
    [1.005, 101],
  ])('%s SEK is %s öre', (sek, ore) => {
    expect(toOre(sek)).toBe(ore);
  });
});

describe('toSek', () => {
  it.each([
    [1999, 19.99],
    [0, 0],
    [100, 1],
    [-250, -2.5],
  ])('%i öre = %d SEK', (ore, sek) => {
    expect(toSek(ore)).toBe(sek);
  });
});

describe('quoteAmounts', () => {
  it.each<[string, QuoteLineInput[], { net: number; vat: number; total: number }]>([
    ['no lines', [], { net: 0, vat: 0, total: 0 }],
    ['one line at 25 % VAT', [line(2, 1000)], { net: 200000, vat: 50000, total: 250000 }],
    ['a discount', [line(1, 999.99, { discountPercent: 10 })], { net: 89999, vat: 22500, total: 112499 }],
    ['VAT rounded per line', [line(1, 0.01), line(1, 0.01)], { net: 2, vat: 0, total: 2 }],
    ['reduced VAT', [line(3, 100, { vatPercent: 12 })], { net: 30000, vat: 3600, total: 33600 }],
    ['no VAT', [line(1, 500, { vatPercent: 0 })], { net: 50000, vat: 0, total: 50000 }],
    ['fractional quantity (hours)', [line(1.5, 850, { kind: 'service' })], { net: 127500, vat: 31875, total: 159375 }],
    ['full discount', [line(4, 250, { discountPercent: 100 })], { net: 0, vat: 0, total: 0 }],
    ['two lines', [line(1, 12990), line(2.5, 950, { kind: 'service', discountPercent: 5 })], { net: 1524625, vat: 381156, total: 1905781 }],
  ])('%s', (_name, lines, expected) => {
    const { net, vat, total } = quoteAmounts(lines);
    expect({ net, vat, total }).toEqual(expected);
  });

  it('sums the lines it reports', () => {
    const amounts = quoteAmounts([line(1, 10), line(3, 33.33, { discountPercent: 7.5 })]);
    expect(amounts.net).toBe(amounts.lines.reduce((sum, l) => sum + l.net, 0));
    expect(amounts.total).toBe(amounts.net + amounts.vat);
  });
});

describe('formatSek', () => {
  it.each([
    [0, '0,00\u00a0kr'],
    [1999, '19,99\u00a0kr'],
    [123456789, '1\u00a0234\u00a0567,89\u00a0kr'],
    [-500, '−5,00\u00a0kr'],
  ])('%s öre reads %s', (ore, text) => {
    expect(formatSek(ore)).toBe(text);
  });
});
