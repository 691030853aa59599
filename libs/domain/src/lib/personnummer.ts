import { isIsoDate, IsoDate } from './dates';

/** Luhn (mod 10) over the ten digits YYMMDDNNNC. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

export interface ParsedPersonnummer {
  /** Normalised `YYYYMMDD-NNNN`. */
  normalised: string;
  birthDate: IsoDate;
  /** A samordningsnummer (coordination number): the day of birth plus 60. */
  coordination: boolean;
}

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;

/**
 * Parses a Swedish personnummer or samordningsnummer in any of its usual forms
 * (`YYMMDD-NNNN`, `YYMMDD+NNNN` from the calendar year the person turns 100, `YYYYMMDDNNNN`,
 * `YYYYMMDD-NNNN`).
 * Returns null when the format, the date or the check digit is wrong.
 * `today` decides the century of a ten-digit number.
 */
export function parsePersonnummer(input: string, today: IsoDate): ParsedPersonnummer | null {
  const match = PATTERN.exec(input.trim().replace(/\s/g, ''));
  if (!match) return null;
  const [, century, yy, mm, ddRaw, separator, tail] = match;
  if (century && separator === '+') return null;
  const day = Number(ddRaw);
  const coordination = day > 60;
  const dd = String(coordination ? day - 60 : day).padStart(2, '0');
  if (!luhnValid(`${yy}${mm}${ddRaw}${tail}`)) return null;

  let year: number;
  if (century) {
    year = Number(`${century}${yy}`);
  } else {
    const [thisYear, thisMonthDay] = [Number(today.slice(0, 4)), today.slice(5)];
    if (separator === '+') {
      // The plus sign replaces the hyphen from the calendar year the person turns 100
      // (Skatteverket), even before the birthday: the latest year ending in YY up to this year − 100.
      const base = thisYear - 100;
      year = base - (((base - Number(yy)) % 100) + 100) % 100;
    } else {
      year = Math.floor(thisYear / 100) * 100 + Number(yy);
      if (year > thisYear || (year === thisYear && `${mm}-${dd}` > thisMonthDay)) year -= 100;
    }
  }
  const birthDate = `${year}-${mm}-${dd}`;
  if (!isIsoDate(birthDate) || birthDate > today) return null;
  return { normalised: `${year}${mm}${ddRaw}-${tail}`, birthDate, coordination };
}

/** Shows the date of birth and hides the four last digits: `19850312-****`. */
export function maskPersonnummer(normalised: string): string {
  return `${normalised.slice(0, 8)}-****`;
}

/**
 * Swedish organisationsnummer: ten digits `NNNNNN-NNNN` with Luhn check digit; the third digit is
 * at least 2 for legal entities. A sole trader's (enskild firma) number is the owner's
 * personnummer — which is personal data — so it is accepted and flagged.
 */
export function parseOrganisationsnummer(
  input: string,
  today: IsoDate,
): { normalised: string; soleTrader: boolean } | null {
  const compact = input.trim().replace(/[\s-]/g, '');
  const legalEntity = /^(16)?(\d{10})$/.exec(compact);
  if (legalEntity && Number(legalEntity[2][2]) >= 2 && luhnValid(legalEntity[2])) {
    const digits = legalEntity[2];
    return { normalised: `${digits.slice(0, 6)}-${digits.slice(6)}`, soleTrader: false };
  }
  // The 16 prefix marks a legal entity; "16" + a personnummer is not a sole trader born in the 1600s.
  if (legalEntity?.[1]) return null;
  const person = parsePersonnummer(input, today);
  return person ? { normalised: person.normalised, soleTrader: true } : null;
}
