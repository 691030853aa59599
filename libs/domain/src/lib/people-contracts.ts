/** People: one person per e-mail address, and merging the duplicates registered before that rule. */
import { PersonView } from './contracts';

/** The `code` of a 409 when a staff form names an e-mail address (or personnummer) a person already has. */
export const PERSON_EXISTS = 'person_exists';

/** Who a person is, in a few words: enough for staff to recognise him or her. */
export interface PersonSummary {
  id: string;
  fullName: string;
  email: string | null;
  /** `YYYYMMDD-****`. */
  personnummerMasked: string | null;
  /** How many records refer to the person (customer, contact person, ticket, quote, …). */
  roles: number;
}

/** The `params` of a `person_exists` 409: the person already registered. */
export interface PersonExistsParams {
  person: PersonSummary;
  /** What matched: the e-mail address or the personnummer. */
  matchedOn: 'email' | 'personnummer';
}

/** The records of a person in one table, e.g. `{ table: 'contact_person', count: 2 }`. */
export interface PersonRoleCount {
  table: string;
  count: number;
}

export interface DuplicatePerson {
  person: PersonView;
  createdAt: string;
  roles: PersonRoleCount[];
}

/** People who share a normalised e-mail address, oldest first. */
export interface DuplicateGroup {
  /** The address they share (trimmed, lower case). */
  email: string;
  people: DuplicatePerson[];
}

export interface MergePeopleRequest {
  /** The person whose records move to the kept one; he or she is deleted. */
  mergeId: string;
}

export interface MergePeopleResult {
  person: PersonView;
  /** Records moved to the kept person, per table. */
  moved: PersonRoleCount[];
  /** Records of the merged person dropped because the kept person had the same one (e.g. a contact of the same customer). */
  dropped: PersonRoleCount[];
  /** Blank fields of the kept person filled in from the merged one. */
  filled: string[];
}
