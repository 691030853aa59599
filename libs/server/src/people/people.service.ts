import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  latestRetention,
  maskPersonnummer,
  parsePersonnummer,
  PersonInput,
  PersonnummerView,
  PersonView,
  Privacy,
  stockholmDate,
} from '@privdesk/domain';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { applyChanges } from '../core/apply-changes';
import { DomainError, notFound } from '../core/errors';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { Person } from './person.entity';

const EDITABLE = ['firstName', 'lastName', 'email', 'phone', 'street', 'postalCode', 'city', 'personnummer'] as const;

/** A role a person plays, as far as his or her own retention is concerned. */
export interface PersonRole {
  kind: string;
  privacy: Privacy;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly audit: AuditService,
  ) {}

  /**
   * A new person, with a provisional privacy that the caller's recomputation replaces in the
   * same transaction (a person only exists through a role).
   */
  async create(manager: EntityManager, input: PersonInput, provisional: Privacy): Promise<Person> {
    const person = manager.create(Person, {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      street: input.street ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? null,
      personnummer: await this.normalisePersonnummer(manager, input.personnummer ?? null, null),
    });
    applyPrivacy(person, provisional);
    return manager.save(person);
  }

  /** Applies an edit; returns the names of the fields that changed. */
  async update(manager: EntityManager, person: Person, input: Partial<PersonInput>): Promise<string[]> {
    const edit = { ...input };
    if (input.personnummer !== undefined) edit.personnummer = await this.normalisePersonnummer(manager, input.personnummer, person.id);
    const changed = applyChanges(person, edit, EDITABLE);
    if (changed.length) await manager.save(person);
    return changed;
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

  private async normalisePersonnummer(manager: EntityManager, input: string | null, personId: string | null): Promise<string | null> {
    if (!input) return null;
    const parsed = parsePersonnummer(input, stockholmDate(new Date()));
    if (!parsed) throw new DomainError('invalid', 'Not a valid personnummer', { 'person.personnummer': ['Not a valid personnummer'] });
    const existing = await manager.findOneBy(Person, { personnummer: parsed.normalised });
    if (existing && existing.id !== personId) {
      throw new DomainError('conflict', 'A person with this personnummer is already registered', {
        'person.personnummer': ['A person with this personnummer is already registered'],
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
