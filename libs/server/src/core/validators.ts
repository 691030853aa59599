import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { isIsoDate, parsePersonnummer, parseOrganisationsnummer, stockholmDate } from '@privdesk/domain';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsObject, Max, Min, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';

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

/**
 * A nested object validated in depth. It must be an object: a list, a string or nothing at all is
 * the client's mistake (ValidateNested alone lets a list through, and the service fails on it).
 * Optional only with `@IsOptional()` or `@ValidateIf()` beside it.
 */
export const NestedObject = (type: () => new () => object, message?: string) =>
  applyDecorators(IsObject({ message: message ?? '$property must be an object with its fields' }), ValidateNested(), Type(type));

/** A list of nested objects, each validated in depth; an item that is not an object is refused. */
export const NestedObjects = (type: () => new () => object, message?: string) =>
  applyDecorators(IsObject({ each: true, message: message ?? 'Each item of $property must be an object with its fields' }), ValidateNested({ each: true }), Type(type));

/** The version of the record an edit was based on (see `checkVersion`). */
export const IsRecordVersion = () =>
  applyDecorators(
    ApiProperty({ type: 'integer', minimum: 1, description: 'The `version` of the record as loaded; a stale one is refused with 409 (`stale_version`)' }),
    IsInt({ message: 'version must be the whole number the record was loaded with' }),
    Min(1, { message: 'version must be the whole number the record was loaded with' }),
    Max(2_147_483_647, { message: 'version must be the whole number the record was loaded with' }),
  );
