import { formatSek, toOre } from '@privdesk/domain';

/**
 * An amount the API gives in SEK (two decimals at most) as `12 345,50 kr`, the way the quote PDF
 * prints it; '' for null (prices hidden from the reader).
 */
export function sek(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '' : formatSek(toOre(amount));
}
