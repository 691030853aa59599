import { PERSON_EXISTS, PersonExistsParams, PersonSummary } from '@privdesk/domain';
import { DomainError } from '../core/errors';

/**
 * A staff form named an e-mail address (or personnummer) that a registered person already has.
 * A person is stored once: the form is sent again with `existingPersonId` to use that person.
 */
export class PersonExistsException extends DomainError {
  constructor(person: PersonSummary, matchedOn: PersonExistsParams['matchedOn'], field: string) {
    const message =
      matchedOn === 'email'
        ? `${person.fullName} is already registered with this e-mail address`
        : `${person.fullName} is already registered with this personnummer`;
    super('conflict', message, { [field]: [message] }, { code: PERSON_EXISTS, params: { person, matchedOn } satisfies PersonExistsParams });
  }
}
