import { HttpStatus } from '@nestjs/common';

/**
 * A rule of the domain was broken; the code says which, the filter maps it to HTTP. `reason` (a
 * code and its parameters) names the rule precisely for the web app, which says it in the user’s language.
 */
export class DomainError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid' | 'forbidden',
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly reason?: { code: string; params?: Record<string, unknown> },
  ) {
    super(message);
  }

  get status(): HttpStatus {
    return {
      not_found: HttpStatus.NOT_FOUND,
      conflict: HttpStatus.CONFLICT,
      invalid: HttpStatus.BAD_REQUEST,
      forbidden: HttpStatus.FORBIDDEN,
    }[this.code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
export const invalidField = (field: string, message: string) => new DomainError('invalid', message, { [field]: [message] });

/** Several fields broken at once, in the validation pipe's words: the one field named, or how many. */
export const invalidFields = (fields: Record<string, string[]>) => {
  const names = Object.keys(fields);
  return new DomainError('invalid', names.length === 1 ? `${names[0]}: ${fields[names[0]][0]}` : `${names.length} fields are invalid`, fields);
};
