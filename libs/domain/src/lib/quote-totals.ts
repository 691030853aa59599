import { DEFAULT_VAT_PERCENT, QuoteLineInput } from './work-contracts';

export interface LineAmounts {
  /** In öre (1/100 SEK), after discount, excluding VAT. */
  net: number;
  vat: number;
}

export interface QuoteAmounts {
  lines: LineAmounts[];
  net: number;
  vat: number;
  total: number;
}

/** SEK with up to two decimals to whole öre, without binary floating-point drift (19.99 → 1999). */
export function toOre(sek: number): number {
  return Math.round(Number((sek * 100).toFixed(4)));
}

export function toSek(ore: number): number {
  return ore / 100;
}

/**
 * A quote's amounts in öre: each line's net is rounded to the öre after its discount and its VAT
 * is rounded per line (as an invoice prints them), and the totals are the sums of the lines.
 */
export function quoteAmounts(lines: ReadonlyArray<QuoteLineInput>): QuoteAmounts {
  const amounts = lines.map((line) => {
    const gross = toOre(line.unitPrice) * line.quantity;
    const net = Math.round(gross * (1 - (line.discountPercent ?? 0) / 100));
    const vat = Math.round((net * (line.vatPercent ?? DEFAULT_VAT_PERCENT)) / 100);
    return { net, vat };
  });
  const net = amounts.reduce((sum, line) => sum + line.net, 0);
  const vat = amounts.reduce((sum, line) => sum + line.vat, 0);
  return { lines: amounts, net, vat, total: net + vat };
}

/** "12 345,50 kr" — Swedish grouping and decimal comma, for PDFs and mails. */
export function formatSek(ore: number): string {
  const negative = ore < 0;
  const abs = Math.abs(ore);
  const kronor = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${negative ? '−' : ''}${kronor},${cents}\u00a0kr`;
}
