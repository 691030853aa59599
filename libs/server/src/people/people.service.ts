import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  latestRetention,
  maskPersonnummer,
  parsePersonnummer,
  PersonInput,
  PersonnummerView,
  PersonSummary,
  PersonView,
  Privacy,
  sameEmail,
  stockholmDate,
} from '@privdesk/domain';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { applyChanges } from '../core/apply-changes';
import { DomainError, invalidField, notFound } from '../core/errors';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { personalDataTables } from '../privacy/registry';
import { PersonExistsException } from './person-exists.exception';
import { countRoles } from './person-references';
import { Person } from './person.entity';

const EDITABLE = ['firstName', 'lastName', 'email', 'phone', 'street', 'postalCode', 'city', 'personnummer'] as const;
/** The fields a registered person may get from a form or a merge when his or her own are blank (names never are). */
export const BLANK_FILLABLE = ['email', 'phone', 'street', 'postalCode', 'city', 'personnummer'] as const;

/** Serialises, until the transaction ends, everyone registering a person with this address. */
async function lockEmail(manager: EntityManager, email: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext(lower(trim($1))))', [email]);
}

/** A role a person plays, as far as his or her own retention is concerned. */
export interface PersonRole {
  kind: string;
  privacy: Privacy;
}

/** How a person-creating path treats a person already registered with the same e-mail address. */
export interface ResolveOptions {
  /**
   * `link`: use him or her without a word and leave the stored details as they are (the public
   * forms). `ask`: a staff form — answer `person_exists` unless `existingPersonId` names the person.
   */
  onMatch: 'link' | 'ask';
  /** The person the staff chose after a `person_exists` answer; blank fields are filled in from the input. */
  existingPersonId?: string | null;
  /** Where the person's fields are in the request (`person`, `holder`, `handedInBy`), for field messages. */
  field?: string;
  /** The privacy of the role being recorded; the caller's recomputation in the same transaction replaces it. */
  provisional: Privacy;
  /** Who records it (null: a public form), for the audit of filled-in fields. */
  actorId: string | null;
}

export interface ResolvedPerson {
  person: Person;
  created: boolean;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly audit: AuditService,
  ) {}

  /**
   * The person behind a role about to be recorded: one person per e-mail address (compared
   * trimmed and in lower case). Every path that records a person goes through here. Two requests
   * with the same address are serialised by a transaction-scoped advisory lock on the address, so
   * they cannot both create the person.
   */
  async resolve(manager: EntityManager, input: PersonInput, options: ResolveOptions): Promise<ResolvedPerson> {
    const field = options.field ?? 'person';
    const email = input.email?.trim() || null;
    if (email) await lockEmail(manager, email);
    let match: { person: Person; on: 'email' | 'personnummer' } | null = null;
    const byEmail = email ? await this.findByEmail(manager, email) : [];
    if (byEmail.length) match = { person: byEmail[0], on: 'email' };
    else if (input.personnummer) {
      const parsed = parsePersonnummer(input.personnummer, stockholmDate(new Date()));
      const person = parsed ? await manager.findOneBy(Person, { personnummer: parsed.normalised }) : null;
      if (person) match = { person, on: 'personnummer' };
    }

    if (options.existingPersonId) {
      const chosen = await manager.findOneBy(Person, { id: options.existingPersonId });
      if (!chosen || chosen.privacy.anonymisedAt) throw invalidField('existingPersonId', 'No such person');
      const candidates = byEmail.length ? byEmail : match ? [match.person] : [];
      if (candidates.length && !candidates.some((candidate) => candidate.id === chosen.id)) {
        throw invalidField('existingPersonId', 'This is not the person registered with this e-mail address');
      }
      const filled = await this.fillBlanks(manager, chosen, input, field);
      if (filled.length) await this.audit.record({ actorId: options.actorId, action: 'person.updated', entityType: 'person', entityId: chosen.id, fields: filled }, manager);
      return { person: chosen, created: false };
    }
    if (match) {
      if (options.onMatch === 'link') return { person: match.person, created: false };
      throw new PersonExistsException(await this.summary(manager, match.person), match.on, `${field}.${match.on}`);
    }
    return { person: await this.create(manager, input, options.provisional, field), created: true };
  }

  /** The registered people with this e-mail address (trimmed, any case), oldest first; erased people excluded. */
  findByEmail(manager: EntityManager, email: string): Promise<Person[]> {
    return manager
      .getRepository(Person)
      .createQueryBuilder('person')
      .where('lower(trim(person.email)) = lower(trim(:email))', { email })
      .andWhere('person.anonymised_at IS NULL')
      .orderBy('person.created_at', 'ASC')
      .addOrderBy('person.id', 'ASC')
      .getMany();
  }

  /** Who a person is, in a few words, with the number of records that refer to him or her. */
  async summary(manager: EntityManager, person: Person): Promise<PersonSummary> {
    // Records through which the person plays a role (customer, contact, ticket, …); mails and holds are not roles.
    const roleTables = new Set(personalDataTables().filter((declaration) => declaration.role).map((declaration) => declaration.table));
    const roles = ((await countRoles(manager, [person.id])).get(person.id) ?? []).filter((role) => roleTables.has(role.table));
    return {
      id: person.id,
      fullName: `${person.firstName} ${person.lastName}`,
      email: person.email,
      personnummerMasked: person.personnummer ? maskPersonnummer(person.personnummer) : null,
      roles: roles.reduce((sum, role) => sum + role.count, 0),
    };
  }

  /** Applies an edit; returns the names of the fields that changed. An address another person has is refused. */
  async update(manager: EntityManager, person: Person, input: Partial<PersonInput>): Promise<string[]> {
    const edit = { ...input };
    if (input.personnummer !== undefined) edit.personnummer = await this.normalisePersonnummer(manager, input.personnummer, person.id, 'person');
    const email = input.email?.trim();
    if (email && !sameEmail(email, person.email)) {
      await lockEmail(manager, email);
      const other = (await this.findByEmail(manager, email)).find((candidate) => candidate.id !== person.id);
      if (other) throw new PersonExistsException(await this.summary(manager, other), 'email', 'person.email');
    }
    const changed = applyChanges(person, edit, EDITABLE);
    if (changed.length) {
      person.version += 1;
      await manager.save(person);
    }
    return changed;
  }

  /** Fills the person's blank fields from the input; the stored details are never overwritten. */
  async fillBlanks(manager: EntityManager, person: Person, input: Partial<PersonInput>, field = 'person'): Promise<string[]> {
    const filled: string[] = [];
    for (const name of BLANK_FILLABLE) {
      const value = input[name]?.trim() || null;
      if (person[name] !== null || value === null) continue;
      person[name] = name === 'personnummer' ? await this.normalisePersonnummer(manager, value, person.id, field) : value;
      filled.push(name);
    }
    if (filled.length) {
      person.version += 1;
      await manager.save(person);
    }
    return filled;
  }

  /**
   * A person is kept while any of his or her records is kept: the role kept longest (an open-ended
   * one wins) gives the person's privacy.
   */
  async applyRoles(manager: EntityManager, personId: string, roles: PersonRole[]): Promise<void> {
    if (roles.length === 0) return;
    const until = latestRetention(roles.map((role) => role.privacy.retainUntil));
    const governing = roles.find((role) => role.privacy.retainUntil === until) ?? roles[0];
    const person = await manager.findOneByOrFail(Person, { id: personId });
    applyPrivacy(person, {
      ...governing.privacy,
      retainUntil: until,
      rule: `as long as the ${governing.kind} record: ${governing.privacy.rule}`,
      ruleSv: `så länge som uppgiften som ${swedishRole(governing.kind)}: ${governing.privacy.ruleSv}`,
    });
    await manager.save(person);
  }

  async revealPersonnummer(personId: string, actorId: string): Promise<PersonnummerView> {
    const person = await this.people.findOneBy({ id: personId });
    if (!person) throw notFound('The person');
    if (!person.personnummer) throw new DomainError('not_found', 'This person has no personnummer on record');
    await this.audit.record({ actorId, action: 'person.personnummer.viewed', entityType: 'person', entityId: person.id, fields: ['personnummer'] });
    return { personnummer: person.personnummer };
  }

  /** A new person, with the role's provisional privacy (a person only exists through a role). */
  private async create(manager: EntityManager, input: PersonInput, provisional: Privacy, field: string): Promise<Person> {
    const person = manager.create(Person, {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      street: input.street ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? null,
      personnummer: await this.normalisePersonnummer(manager, input.personnummer ?? null, null, field),
    });
    applyPrivacy(person, provisional);
    return manager.save(person);
  }

  private async normalisePersonnummer(manager: EntityManager, input: string | null, personId: string | null, field: string): Promise<string | null> {
    if (!input) return null;
    const parsed = parsePersonnummer(input, stockholmDate(new Date()));
    if (!parsed) throw new DomainError('invalid', 'Not a valid personnummer', { [`${field}.personnummer`]: ['Not a valid personnummer'] });
    const existing = await manager.findOneBy(Person, { personnummer: parsed.normalised });
    if (existing && existing.id !== personId) {
      throw new DomainError('conflict', 'A person with this personnummer is already registered', {
        [`${field}.personnummer`]: ['A person with this personnummer is already registered'],
      });
    }
    return parsed.normalised;
  }
}

function swedishRole(kind: string): string {
  return (
    {
      customer: 'kund',
      'contact person': 'kontaktperson',
      'support requester': 'beställare av support',
      'device submitter': 'inlämnare av enhet',
      'quote holder': 'offertmottagare',
      'marketing contact': 'marknadsföringskontakt',
      applicant: 'sökande',
      inquirer: 'frågeställare',
    } as Record<string, string>
  )[kind] ?? kind;
}

export function toPersonView(person: Person): PersonView {
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    fullName: `${person.firstName} ${person.lastName}`,
    email: person.email,
    phone: person.phone,
    street: person.street,
    postalCode: person.postalCode,
    city: person.city,
    personnummerMasked: person.personnummer ? maskPersonnummer(person.personnummer) : null,
    privacy: toPrivacy(person),
  };
}
