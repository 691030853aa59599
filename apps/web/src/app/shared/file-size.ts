/** A byte count for people: `820 B`, `12,5 kB`, `3,4 MB` (1 kB = 1024 B). */
export function fileSize(bytes: number, lang: 'sv' | 'en' = 'sv'): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${units[unit]}`;
}
