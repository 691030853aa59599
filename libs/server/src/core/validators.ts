import { isIsoDate, parsePersonnummer, parseOrganisationsnummer, stockholmDate } from '@privdesk/domain';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';

export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isIsoDate, defaultMessage: () => 'Enter a date as YYYY-MM-DD' } }, options);

export const IsPersonnummer = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPersonnummer',
      validator: {
        validate: (value) => typeof value === 'string' && parsePersonnummer(value, stockholmDate(new Date())) !== null,
        defaultMessage: () => 'Not a valid personnummer or samordningsnummer (YYYYMMDD-NNNN; check the date and the last digit)',
      },
    },
    options,
  );

export const IsOrganisationsnummer = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isOrganisationsnummer',
      validator: {
        validate: (value) => typeof value === 'string' && parseOrganisationsnummer(value, stockholmDate(new Date())) !== null,
        defaultMessage: () => 'Not a valid organisationsnummer (NNNNNN-NNNN; check the last digit)',
      },
    },
    options,
  );

/** A phone number as people write it: digits, spaces, dashes, brackets, an optional leading +. */
export const IsPhone = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPhone',
      validator: {
        validate: (value) => typeof value === 'string' && /^\+?[0-9][0-9 ()-]{4,24}$/.test(value),
        defaultMessage: () => 'Enter a phone number with digits, spaces, dashes and an optional leading +',
      },
    },
    options,
  );

/** Trims text; an empty optional field becomes null. */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });
