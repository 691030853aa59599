import {
  luhnValid,
  maskPersonnummer,
  parseOrganisationsnummer,
  parsePersonnummer,
} from './personnummer';

/*
 * TEST NUMBERS ONLY. Every personnummer and samordningsnummer that this file treats as valid is a
 * test number from Skatteverket's published test data ("testpersonnummer" and test
 * samordningsnummer, open data from the Swedish Tax Agency), whose birth numbers lie in the
 * reserved test series (e.g. 980/981 for 1890, 238/239 for the 1990s, 2019 and coordination
 * numbers). None of them belongs to a real person. Invalid examples are derived from them (wrong
 * check digit, impossible dates) and cannot belong to anyone either.
 * The two organisationsnummer are public company registration numbers (Telefonaktiebolaget
 * L M Ericsson and Skatteverket), which are not personal data.
 */

/** Independent Luhn (mod 10, weights 2-1-2-…) check digit over nine digits YYMMDDNNN. */
function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** A test number in the 13-character form `YYYYMMDD-NNNC`, built from birth date and birth number. */
const testNumber = (yyyymmdd: string, birthNumber: string) =>
  `${yyyymmdd}-${birthNumber}${checkDigit(yyyymmdd.slice(2) + birthNumber)}`;

const TODAY = '2026-06-15';

describe('the test numbers used here', () => {
  it.each([
    // birth date (dd + 60 for samordningsnummer), birth number, check digit as published by Skatteverket
    ['19950324', '238', 1],
    ['19960229', '238', 6],
    ['19951231', '238', 1],
    ['19960101', '239', 7],
    ['20190501', '239', 7],
    ['20190408', '238', 3],
    ['20191231', '239', 2],
    ['18900101', '980', 2],
    ['18901231', '980', 3],
    ['19140168', '239', 6],
    ['19260468', '239', 9],
    ['19320791', '238', 1],
    ['19380366', '239', 8],
    ['20221291', '239', 4],
    ['20230161', '239', 2],
    ['20230288', '238', 2],
  ])(
    '%s-%s has check digit %i (the helper agrees with the published data)',
    (date, birthNumber, published) => {
      expect(testNumber(date, birthNumber)).toBe(
        `${date}-${birthNumber}${published}`,
      );
    },
  );
});

describe('luhnValid', () => {
  it.each([
    ['9503242381', true],
    ['9602292386', true],
    ['1401682396', true],
    ['5560160680', true],
    ['2021005489', true],
    ['1234567897', true],
    ['0000000000', true],
    ['9503242380', false],
    ['9503242382', false],
    ['5560160681', false],
    ['2021005488', false],
    ['1234567890', false],
    ['5903242381', false], // first two digits swapped
    ['9503243281', false], // birth-number digits swapped
  ])('luhnValid(%s) = %p', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });
});

describe('parsePersonnummer', () => {
  describe('accepts every usual form', () => {
    it.each([
      // input, normalised, birth date
      ['950324-2381', '19950324-2381', '1995-03-24'], // YYMMDD-NNNN
      ['9503242381', '19950324-2381', '1995-03-24'], // YYMMDDNNNN
      ['199503242381', '19950324-2381', '1995-03-24'], // YYYYMMDDNNNN
      ['19950324-2381', '19950324-2381', '1995-03-24'], // YYYYMMDD-NNNN
      [' 950324-2381 ', '19950324-2381', '1995-03-24'], // surrounding white space
      ['950324 2381', '19950324-2381', '1995-03-24'], // a space instead of the hyphen
      ['1995 03 24 2381', '19950324-2381', '1995-03-24'],
      ['960229-2386', '19960229-2386', '1996-02-29'], // leap day
      ['19960229-2386', '19960229-2386', '1996-02-29'],
      ['951231-2381', '19951231-2381', '1995-12-31'],
      ['960101-2397', '19960101-2397', '1996-01-01'],
      ['190501-2397', '20190501-2397', '2019-05-01'],
      ['20190501-2397', '20190501-2397', '2019-05-01'],
      ['190408-2383', '20190408-2383', '2019-04-08'],
      ['191231-2392', '20191231-2392', '2019-12-31'],
      ['900101+9802', '18900101-9802', '1890-01-01'], // YYMMDD+NNNN: 100 years or older
      ['901231+9803', '18901231-9803', '1890-12-31'],
      ['189001019802', '18900101-9802', '1890-01-01'],
      ['18900101-9802', '18900101-9802', '1890-01-01'],
    ])('%p → %s', (input, normalised, birthDate) => {
      expect(parsePersonnummer(input, TODAY)).toEqual({
        normalised,
        birthDate,
        coordination: false,
      });
    });
  });

  describe('samordningsnummer (day of birth + 60)', () => {
    it.each([
      // input, normalised (keeps day + 60), birth date
      ['380366-2398', '19380366-2398', '1938-03-06'],
      ['19380366-2398', '19380366-2398', '1938-03-06'],
      ['193803662398', '19380366-2398', '1938-03-06'],
      ['140168+2396', '19140168-2396', '1914-01-08'],
      ['191401682396', '19140168-2396', '1914-01-08'],
      ['320791-2381', '19320791-2381', '1932-07-31'], // day 91 = 31st
      ['221291-2394', '20221291-2394', '2022-12-31'],
      ['230161-2392', '20230161-2392', '2023-01-01'], // day 61 = 1st
      ['20230288-2382', '20230288-2382', '2023-02-28'],
    ])('%p → %s, born %s', (input, normalised, birthDate) => {
      expect(parsePersonnummer(input, TODAY)).toEqual({
        normalised,
        birthDate,
        coordination: true,
      });
    });

    it.each([
      ['960290-2380', 'day 90 = 30 February'],
      ['950392-2388', 'day 92 = 32 March'],
      ['950360-2386', 'day 60 = day 0'],
      ['20230289-2381', 'day 89 = 29 February 2023'],
    ])('rejects %p (%s) although its check digit is right', (input) => {
      expect(luhnValid(input.replace('-', '').slice(-10))).toBe(true);
      expect(parsePersonnummer(input, TODAY)).toBeNull();
    });
  });

  describe('check digit', () => {
    it.each(['0', '2', '3', '4', '5', '6', '7', '8', '9'])(
      'rejects 950324-238%s (the right digit is 1)',
      (digit) => {
        expect(parsePersonnummer(`950324-238${digit}`, TODAY)).toBeNull();
        expect(parsePersonnummer(`19950324238${digit}`, TODAY)).toBeNull();
      },
    );

    it.each([
      ['590324-2381', 'year digits swapped'],
      ['950324-3281', 'birth-number digits swapped'],
      ['950342-2381', 'day digits swapped'],
      ['140168-2397', 'samordningsnummer, wrong check digit'],
      ['900101+9803', '100+ years, wrong check digit'],
      ['20190501-2398', 'twelve digits, wrong check digit'],
    ])('rejects %p (%s)', (input) => {
      expect(parsePersonnummer(input, TODAY)).toBeNull();
    });
  });

  describe('impossible dates (check digit right, date wrong)', () => {
    it.each([
      // input, why; the check digits were computed by hand so that only the date is wrong
      ['960230-2383', '30 February'],
      ['19960230-2383', '30 February, twelve digits'],
      ['230229-2384', '29 February 2023 (not a leap year)'],
      ['20230229-2384', '29 February 2023, twelve digits'],
      ['951324-2389', 'month 13'],
      ['950024-2384', 'month 0'],
      ['950300-2389', 'day 0'],
      ['950332-2381', '32 March'],
      ['950431-2381', '31 April'],
    ])('rejects %p (%s)', (input) => {
      const tenDigits = input.replace('-', '').slice(-10);
      expect(luhnValid(tenDigits)).toBe(true);
      expect(parsePersonnummer(input, TODAY)).toBeNull();
    });
  });

  describe('malformed input', () => {
    it.each([
      '',
      '   ',
      'garbage',
      'ÅÅMMDD-NNNN',
      '950324-238', // nine digits
      '95032423811', // eleven digits
      '1995032423810', // thirteen digits
      '95032-42381', // hyphen in the wrong place
      '950324--2381',
      '95-03-24-2381',
      '950324_2381',
      '950324/2381',
      '950324\u20132381', // en dash
      '950324+-2381',
      '19950324+2381', // plus sign with a century: not a form in use
      '18900101+9802',
    ])('rejects %p', (input) => {
      expect(parsePersonnummer(input, TODAY)).toBeNull();
    });
  });

  describe('century of a ten-digit number, relative to today', () => {
    it.each([
      // input, today, birth date
      ['950324-2381', '2026-06-15', '1995-03-24'],
      ['9503242381', '2026-06-15', '1995-03-24'],
      ['380366-2398', '2026-06-15', '1938-03-06'], // 2038 would be in the future
      ['190501-2397', '2026-06-15', '2019-05-01'],
      ['190501-2397', '2019-05-02', '2019-05-01'],
      ['190501-2397', '2019-05-01', '2019-05-01'], // born today
      ['190501-2397', '2019-04-30', '1919-05-01'], // 2019-05-01 would be tomorrow
      ['1905012397', '2019-04-30', '1919-05-01'],
      ['260468-2399', '2026-06-15', '2026-04-08'], // hyphen: younger than 100 this year
      ['260468-2399', '2026-03-01', '1926-04-08'], // 2026-04-08 would be in the future
      ['221291-2394', '2023-01-01', '2022-12-31'],
      ['221291-2394', '2022-12-30', '1922-12-31'],
      ['140168-2396', '2026-06-15', '2014-01-08'], // only the plus sign tells 1914 from 2014
      ['140168+2396', '2026-06-15', '1914-01-08'],
      ['900101+9802', '2026-06-15', '1890-01-01'],
      ['901231+9803', '2026-06-15', '1890-12-31'],
      ['950324-2381', '2099-12-31', '2095-03-24'],
      ['950324+2381', '2099-12-31', '1995-03-24'],
      // The plus sign is used from the calendar year the person turns 100 (Skatteverket: "det år
      // en person fyller 100 år"), so it also applies before the 100th birthday in that year.
      ['260468+2399', '2026-06-15', '1926-04-08'], // turned 100 on 8 April 2026
      ['260468+2399', '2026-04-08', '1926-04-08'], // 100th birthday
      ['260468+2399', '2026-03-01', '1926-04-08'], // turns 100 later this year
      ['260468+2399', '2026-01-01', '1926-04-08'],
      ['260468+2399', '2025-12-31', '1826-04-08'], // in 2025 the one born 1926 still had a hyphen
      ['190501+2397', '2119-03-01', '2019-05-01'], // turns 100 in May 2119
      ['190501+2397', '2119-06-01', '2019-05-01'],
      ['190501+2397', '2026-06-15', '1919-05-01'],
    ])('%p on %s → born %s', (input, today, birthDate) => {
      expect(parsePersonnummer(input, today)?.birthDate).toBe(birthDate);
    });

    it.each([
      // twelve digits carry their century: today plays no part
      ['189001019802', '2026-06-15', '1890-01-01'],
      ['19950324-2381', '2099-12-31', '1995-03-24'],
      ['20190501-2397', '2026-06-15', '2019-05-01'],
      ['19140168-2396', '2026-06-15', '1914-01-08'],
    ])('%p on %s → born %s', (input, today, birthDate) => {
      expect(parsePersonnummer(input, today)?.birthDate).toBe(birthDate);
    });
  });

  describe('birth dates in the future are rejected', () => {
    it.each([
      ['20190501-2397', '2019-04-30'],
      ['201905012397', '2019-04-30'],
      ['20191231-2392', '2019-12-30'],
      ['20230161-2392', '2022-12-31'], // samordningsnummer
      ['19950324-2381', '1995-03-23'],
    ])('%p on %s', (input, today) => {
      expect(parsePersonnummer(input, today)).toBeNull();
    });

    it.each([
      ['20190501-2397', '2019-05-01'],
      ['20230161-2392', '2023-01-01'],
    ])('%p is accepted on its birth day %s', (input, today) => {
      expect(parsePersonnummer(input, today)).not.toBeNull();
    });
  });
});

describe('maskPersonnummer', () => {
  it.each([
    ['19950324-2381', '19950324-****'],
    ['20190501-2397', '20190501-****'],
    ['18900101-9802', '18900101-****'],
    ['19380366-2398', '19380366-****'], // samordningsnummer: the day stays as given (+ 60)
  ])('%s → %s', (normalised, masked) => {
    expect(maskPersonnummer(normalised)).toBe(masked);
  });

  it.each(['950324-2381', '900101+9802', '199503242381', '380366-2398'])(
    'masks what parsePersonnummer(%p) returns',
    (input) => {
      const parsed = parsePersonnummer(input, TODAY);
      expect(parsed).not.toBeNull();
      const masked = maskPersonnummer(parsed?.normalised ?? '');
      expect(masked).toMatch(/^\d{8}-\*{4}$/);
      expect(masked).not.toContain(input.slice(-4));
    },
  );
});

describe('parseOrganisationsnummer', () => {
  describe('legal entities', () => {
    it.each([
      // input, normalised
      ['556016-0680', '556016-0680'], // Telefonaktiebolaget L M Ericsson
      ['5560160680', '556016-0680'],
      ['16556016-0680', '556016-0680'], // twelve digits with the 16 prefix
      ['165560160680', '556016-0680'],
      [' 556016 0680 ', '556016-0680'],
      ['202100-5489', '202100-5489'], // Skatteverket
      ['2021005489', '202100-5489'],
      ['16202100-5489', '202100-5489'],
      ['162021005489', '202100-5489'],
    ])('%p → %s', (input, normalised) => {
      expect(parseOrganisationsnummer(input, TODAY)).toEqual({
        normalised,
        soleTrader: false,
      });
    });

    it.each([
      '556016-0681', // wrong check digit
      '556016-0689',
      '5560160681',
      '16556016-0681',
      '202100-5488',
      '202100-5480',
      '162021005488',
      '26556016-0680', // wrong prefix
      '556016-068', // nine digits
      '55601606800', // eleven digits
      '1655601606800',
      '',
      'ABC',
      '556016-068O', // letter O for zero
    ])('rejects %p', (input) => {
      expect(parseOrganisationsnummer(input, TODAY)).toBeNull();
    });
  });

  describe("a sole trader's number is the owner's personnummer", () => {
    it.each([
      // input, normalised personnummer
      ['950324-2381', '19950324-2381'],
      ['9503242381', '19950324-2381'],
      ['199503242381', '19950324-2381'],
      ['19950324-2381', '19950324-2381'],
      ['900101+9802', '18900101-9802'],
      ['380366-2398', '19380366-2398'], // samordningsnummer
    ])('%p → personal data %s', (input, normalised) => {
      expect(parseOrganisationsnummer(input, TODAY)).toEqual({
        normalised,
        soleTrader: true,
      });
    });

    it.each([
      ['950324-2380', 'wrong check digit'],
      [
        '951324-2389',
        'month 13: the third digit < 2 never makes a legal entity',
      ],
      ['20190501-2397', 'born after today'],
      ['16950324-2381', 'the 16 prefix is for legal entities only'],
      ['169503242381', 'the 16 prefix is for legal entities only'],
    ])('rejects %p (%s)', (input) => {
      expect(parseOrganisationsnummer(input, '2019-04-30')).toBeNull();
    });
  });
});
