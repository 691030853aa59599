import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeRetention,
  CreatePartnerContact,
  IsoDate,
  laterOf,
  Page,
  PARTNER_CONTACT_PURPOSE,
  PartnerContactPolicyView,
  partnerContactPolicyView,
  PartnerContactView,
  PartnerKind,
  stockholmDate,
  UpdatePartnerContact,
} from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { applyChanges } from '../core/apply-changes';
import { DomainError, invalidField, notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { containsPattern } from '../core/like';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { PeopleService } from '../people/people.service';
import { Person } from '../people/person.entity';
import { PoliciesService } from '../policies/policies.service';
import { recomputePeople } from '../privacy/people-lifecycle';
import { removeRecords } from '../privacy/records';
import { PartnerContact } from './partner-contact.entity';

/**
 * Contact persons at suppliers and partners (P9): the deadline is the stored policy's rule over the
 * record's dates (the last contact, the relationship's end), recomputed whenever they change; the
 * person is kept while any of his or her records is.
 */
@Injectable()
export class PartnerContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
  ) {}

  async policy(): Promise<PartnerContactPolicyView> {
    return partnerContactPolicyView(await this.policies.get(PARTNER_CONTACT_PURPOSE));
  }

  async list(query: { q?: string; kind?: PartnerKind; page?: number; pageSize?: number }): Promise<Page<PartnerContactView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource.getRepository(PartnerContact).createQueryBuilder('contact').innerJoinAndSelect('contact.person', 'person');
    const q = query.q?.trim();
    if (q) {
      builder.andWhere(
        `(person.first_name || ' ' || person.last_name ILIKE :like OR person.email ILIKE :like OR contact.organisation_name ILIKE :like OR contact.title ILIKE :like)`,
        { like: containsPattern(q) },
      );
    }
    if (query.kind) builder.andWhere('contact.kind = :kind', { kind: query.kind });
    const [contacts, total] = await builder
      .orderBy('contact.organisation_name', 'ASC')
      .addOrderBy('person.last_name', 'ASC')
      .addOrderBy('contact.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: contacts.map(toView), total, page, pageSize };
  }

  async get(id: string): Promise<PartnerContactView> {
    const contact = await this.dataSource.getRepository(PartnerContact).findOne({ where: { id }, relations: { person: true } });
    if (!contact) throw notFound('The supplier or partner contact');
    return toView(contact);
  }

  async create(input: CreatePartnerContact, actorId: string): Promise<PartnerContactView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const lastContactOn = input.lastContactOn ?? stockholmDate(new Date());
      const relationshipEndedOn = input.relationshipEndedOn ?? null;
      const privacy = await this.privacyFor(manager, lastContactOn, relationshipEndedOn);
      let personId = input.personId;
      if (input.person) {
        personId = (await this.people.resolve(manager, input.person, { onMatch: 'ask', existingPersonId: input.existingPersonId, provisional: privacy, actorId })).person.id;
      }
      const person = await manager.findOneBy(Person, { id: personId });
      if (!person || person.privacy.anonymisedAt) throw invalidField('personId', 'No such person');
      if (await manager.existsBy(PartnerContact, { personId: person.id, organisationName: input.organisationName })) {
        throw new DomainError('conflict', 'This person is already a contact at this organisation', { organisationName: ['Already a contact at this organisation'] });
      }
      const contact = manager.create(PartnerContact, {
        personId: person.id,
        organisationName: input.organisationName,
        kind: input.kind,
        title: input.title ?? null,
        notes: input.notes ?? null,
        lastContactOn,
        relationshipEndedOn,
      });
      applyPrivacy(contact, privacy);
      const saved = await manager.save(contact);
      await recomputePeople(manager, [person.id]);
      await this.audit.record(
        { actorId, action: 'partner_contact.created', entityType: 'partner_contact', entityId: saved.id, fields: Object.keys(input).filter((key) => key !== 'person') },
        manager,
      );
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, input: UpdatePartnerContact, actorId: string): Promise<PartnerContactView> {
    await this.dataSource.transaction(async (manager) => {
      const contact = await manager.findOne(PartnerContact, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!contact) throw notFound('The supplier or partner contact');
      const person = await manager.findOneOrFail(Person, { where: { id: contact.personId }, lock: { mode: 'pessimistic_write' } });
      checkVersion('The supplier or partner contact', partnerContactVersion(contact, person), input.version);
      const changed = applyChanges(contact, input, ['organisationName', 'kind', 'title', 'notes', 'lastContactOn', 'relationshipEndedOn']);
      if (changed.includes('organisationName') && (await manager.existsBy(PartnerContact, { personId: contact.personId, organisationName: contact.organisationName }))) {
        throw new DomainError('conflict', 'This person is already a contact at this organisation', { organisationName: ['Already a contact at this organisation'] });
      }
      const clockMoved = changed.includes('lastContactOn') || changed.includes('relationshipEndedOn');
      if (clockMoved) applyPrivacy(contact, await this.privacyFor(manager, contact.lastContactOn, contact.relationshipEndedOn));
      if (changed.length) {
        contact.version += 1;
        await manager.save(contact);
      }
      if (input.person) {
        const personChanged = await this.people.update(manager, person, input.person);
        if (personChanged.length) await this.audit.record({ actorId, action: 'person.updated', entityType: 'person', entityId: person.id, fields: personChanged }, manager);
      }
      if (clockMoved) await recomputePeople(manager, [contact.personId]);
      if (changed.length) await this.audit.record({ actorId, action: 'partner_contact.updated', entityType: 'partner_contact', entityId: id, fields: changed }, manager);
    });
    return this.get(id);
  }

  async remove(id: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(PartnerContact, { id }))) throw notFound('The supplier or partner contact');
      // The person goes too when nothing else keeps him or her.
      await removeRecords(manager, 'partner_contact', [id]);
      await this.audit.record({ actorId, action: 'partner_contact.deleted', entityType: 'partner_contact', entityId: id }, manager);
    });
  }

  /** The stored policy's rule: the clock runs from the later of the last contact and the relationship's end. */
  private async privacyFor(manager: EntityManager, lastContactOn: IsoDate, relationshipEndedOn: IsoDate | null) {
    const policy = await this.policies.get(PARTNER_CONTACT_PURPOSE, manager);
    return computeRetention(policy, { eventDate: relationshipEndedOn ? laterOf(lastContactOn, relationshipEndedOn) : lastContactOn });
  }
}

function toView(contact: PartnerContact): PartnerContactView {
  return {
    id: contact.id,
    personId: contact.personId,
    name: `${contact.person.firstName} ${contact.person.lastName}`,
    email: contact.person.email,
    phone: contact.person.phone,
    organisationName: contact.organisationName,
    kind: contact.kind,
    title: contact.title,
    notes: contact.notes,
    lastContactOn: contact.lastContactOn,
    relationshipEndedOn: contact.relationshipEndedOn,
    createdAt: contact.createdAt.toISOString(),
    privacy: toPrivacy(contact),
    version: partnerContactVersion(contact, contact.person),
  };
}

/** The form edits the contact and the person; each raises its own version, so their sum rises with either. */
function partnerContactVersion(contact: PartnerContact, person: Person): number {
  return contact.version + person.version;
}
