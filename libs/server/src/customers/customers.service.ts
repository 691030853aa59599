import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AgreementInput,
  AgreementView,
  computeRetention,
  ContactView,
  CreateContactRequest,
  CreateCustomerRequest,
  CustomerDetail,
  CustomerListItem,
  CustomerQuery,
  maskPersonnummer,
  OrganisationInput,
  OrganisationView,
  Page,
  parseOrganisationsnummer,
  Privacy,
  stockholmDate,
  UpdateAgreementRequest,
  UpdateContactRequest,
  UpdateCustomerRequest,
} from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { applyChanges } from '../core/apply-changes';
import { DomainError, invalidField, notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { personalDataOf } from '../database/personal-data';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { PeopleService, toPersonView } from '../people/people.service';
import { Person } from '../people/person.entity';
import { PoliciesService } from '../policies/policies.service';
import { containsPattern } from '../core/like';
import { Agreement } from './agreement.entity';
import { ContactPerson } from './contact-person.entity';
import { CustomerRetentionService } from './customer-retention.service';
import { Customer } from './customer.entity';
import { Organisation } from './organisation.entity';

const ORGANISATION_FIELDS = ['name', 'orgNumber', 'email', 'phone', 'street', 'postalCode', 'city', 'dpaSignedOn'] as const;

@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly policies: PoliciesService,
    private readonly retention: CustomerRetentionService,
    private readonly audit: AuditService,
  ) {}

  // --- reading --------------------------------------------------------------------------------

  async list(query: CustomerQuery): Promise<Page<CustomerListItem>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource
      .getRepository(Customer)
      .createQueryBuilder('customer')
      .leftJoinAndSelect('customer.person', 'person')
      .leftJoinAndSelect('customer.organisation', 'organisation');
    if (query.type) builder.andWhere('customer.type = :type', { type: query.type });
    const q = query.q?.trim();
    if (q) {
      const like = containsPattern(q);
      const digits = q.replace(/\D/g, '');
      const conditions = [
        `${NAME_SQL} ILIKE :like`,
        'person.email ILIKE :like',
        'organisation.email ILIKE :like',
        'organisation.org_number ILIKE :like',
        // A caller gives his or her own name: the company a contact person speaks for is found by it.
        `customer.id IN (SELECT cp.customer_id FROM contact_person cp JOIN person contact ON contact.id = cp.person_id
                          WHERE contact.anonymised_at IS NULL AND ((contact.first_name || ' ' || contact.last_name) ILIKE :like OR contact.email ILIKE :like))`,
      ];
      if (digits.length >= 3) {
        conditions.push(`regexp_replace(coalesce(person.phone, organisation.phone, ''), '\\D', '', 'g') LIKE :digits`);
      }
      if (/^\d{1,9}$/.test(q)) conditions.push('customer.customer_number = :number');
      builder.andWhere(`(${conditions.join(' OR ')})`, { like, digits: `%${digits}%`, number: Number(q) });
    }
    const direction = query.dir === 'desc' ? 'DESC' : 'ASC';
    const sort = query.sort ?? 'customerNumber';
    if (sort === 'name') builder.orderBy(NAME_SQL, direction);
    else if (sort === 'createdAt') builder.orderBy('customer.created_at', direction);
    else if (sort === 'retainUntil') builder.orderBy('customer.retain_until', direction, direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST');
    builder.addOrderBy('customer.customer_number', sort === 'customerNumber' ? direction : 'ASC');

    // The joins are many-to-one (one row per customer), so plain OFFSET/LIMIT pages correctly.
    const [customers, total] = await builder
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    const counts = await this.countsOf(customers.map((customer) => customer.id));
    return {
      items: customers.map((customer) => this.toListItem(customer, counts.get(customer.id))),
      total,
      page,
      pageSize,
    };
  }

  async get(id: string): Promise<CustomerDetail> {
    const customer = await this.dataSource.getRepository(Customer).findOne({
      where: { id },
      relations: { person: true, organisation: true, contacts: { person: true }, agreements: true },
      order: { contacts: { createdAt: 'ASC' }, agreements: { startDate: 'DESC' } },
    });
    if (!customer) throw notFound('The customer');
    return {
      ...this.toListItem(customer, { agreements: customer.agreements.length, contacts: customer.contacts.length }),
      person: customer.person ? toPersonView(customer.person) : null,
      organisation: customer.organisation ? toOrganisationView(customer.organisation) : null,
      contacts: customer.contacts.map(toContactView),
      agreements: customer.agreements.map(toAgreementView),
      // The customer's form edits the person or the company, so their version is the customer's.
      version: (customer.person ?? customer.organisation)?.version ?? 1,
    };
  }

  // --- writing --------------------------------------------------------------------------------

  async create(request: CreateCustomerRequest, actorId: string): Promise<CustomerDetail> {
    const id = await this.dataSource.transaction(async (manager) => {
      const customer = manager.create(Customer, { type: request.type });
      if (request.type === 'person' && request.person) {
        const { person } = await this.people.resolve(manager, request.person, {
          onMatch: 'ask',
          existingPersonId: request.existingPersonId,
          provisional: await this.provisional(manager, Customer),
          actorId,
        });
        if (await manager.existsBy(Customer, { personId: person.id })) {
          throw new DomainError('conflict', 'This person is a customer already', { 'person.email': ['A customer already'] });
        }
        customer.personId = person.id;
      } else if (request.type === 'organisation' && request.organisation) {
        customer.organisationId = (await this.createOrganisation(manager, request.organisation)).id;
      } else {
        throw invalidField(request.type, `A ${request.type} customer needs the ${request.type}`);
      }
      applyPrivacy(customer, await this.provisional(manager, Customer));
      const saved = await manager.save(customer);
      await this.retention.recompute(manager, saved.id);
      const fields = Object.keys((request.type === 'person' ? request.person : request.organisation) ?? {});
      await this.audit.record({ actorId, action: 'customer.created', entityType: 'customer', entityId: saved.id, fields }, manager);
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, request: UpdateCustomerRequest, actorId: string): Promise<CustomerDetail> {
    await this.dataSource.transaction(async (manager) => {
      const customer = await this.lockCustomer(manager, id);
      const lock = { mode: 'pessimistic_write' } as const;
      const edited = customer.personId
        ? await manager.findOneOrFail(Person, { where: { id: customer.personId }, lock })
        : await manager.findOneOrFail(Organisation, { where: { id: customer.organisationId ?? '' }, lock });
      checkVersion('The customer', edited.version, request.version);
      if (request.person) {
        if (!customer.personId) throw invalidField('person', 'This customer is a company: edit its organisation');
        const changed = await this.people.update(manager, edited as Person, request.person);
        if (changed.length) await this.audit.record({ actorId, action: 'person.updated', entityType: 'person', entityId: edited.id, fields: changed }, manager);
      }
      if (request.organisation) {
        if (!customer.organisationId) throw invalidField('organisation', 'This customer is a person: edit the person');
        const organisation = edited as Organisation;
        const changed = await this.updateOrganisation(manager, organisation, request.organisation);
        if (changed.length) {
          await this.audit.record({ actorId, action: 'organisation.updated', entityType: 'organisation', entityId: organisation.id, fields: changed }, manager);
        }
      }
    });
    return this.get(id);
  }

  async addContact(customerId: string, request: CreateContactRequest, actorId: string): Promise<ContactView> {
    const contactId = await this.dataSource.transaction(async (manager) => {
      const customer = await this.lockCustomer(manager, customerId);
      if (customer.type !== 'organisation') throw invalidField('customerId', 'Contact persons belong to company customers');
      let personId = request.personId;
      if (personId) {
        if (!(await manager.existsBy(Person, { id: personId }))) throw invalidField('personId', 'No such person');
      } else if (request.person) {
        const provisional = await this.provisional(manager, ContactPerson);
        personId = (await this.people.resolve(manager, request.person, { onMatch: 'ask', existingPersonId: request.existingPersonId, provisional, actorId })).person.id;
      }
      if (await manager.existsBy(ContactPerson, { customerId, personId })) {
        const field = request.personId ? 'personId' : 'person.email';
        throw new DomainError('conflict', 'This person is already a contact of the customer', { [field]: ['Already a contact of this customer'] });
      }
      const contact = manager.create(ContactPerson, { customerId, personId, title: request.title ?? null, leftOn: null });
      applyPrivacy(contact, await this.provisional(manager, ContactPerson));
      const saved = await manager.save(contact);
      await this.retention.recompute(manager, customerId);
      await this.audit.record(
        { actorId, action: 'contact_person.created', entityType: 'contact_person', entityId: saved.id, fields: Object.keys(request.person ?? { personId }) },
        manager,
      );
      return saved.id;
    });
    return this.getContact(customerId, contactId);
  }

  async updateContact(customerId: string, contactId: string, request: UpdateContactRequest, actorId: string): Promise<ContactView> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockCustomer(manager, customerId);
      const contact = await manager.findOne(ContactPerson, { where: { id: contactId, customerId }, lock: { mode: 'pessimistic_write' } });
      if (!contact) throw notFound('The contact person');
      const person = await manager.findOneOrFail(Person, { where: { id: contact.personId }, lock: { mode: 'pessimistic_write' } });
      checkVersion('The contact person', contactVersion(contact, person), request.version);
      const changed = applyChanges(contact, request, ['title', 'leftOn']);
      if (changed.length) {
        contact.version += 1;
        await manager.save(contact);
      }
      if (request.person) {
        const personChanged = await this.people.update(manager, person, request.person);
        if (personChanged.length) {
          await this.audit.record({ actorId, action: 'person.updated', entityType: 'person', entityId: person.id, fields: personChanged }, manager);
        }
      }
      if (changed.includes('leftOn')) await this.retention.recompute(manager, customerId);
      if (changed.length) {
        await this.audit.record({ actorId, action: 'contact_person.updated', entityType: 'contact_person', entityId: contact.id, fields: changed }, manager);
      }
    });
    return this.getContact(customerId, contactId);
  }

  async addAgreement(customerId: string, request: AgreementInput, actorId: string): Promise<AgreementView> {
    const agreementId = await this.dataSource.transaction((manager) => this.addAgreementIn(manager, customerId, request, actorId));
    return this.getAgreement(customerId, agreementId);
  }

  /** Registers an agreement inside the caller's transaction (also used when a quote is won). */
  async addAgreementIn(manager: EntityManager, customerId: string, request: AgreementInput, actorId: string): Promise<string> {
    assertDates(request.startDate, request.endDate ?? null);
    await this.lockCustomer(manager, customerId);
    const agreement = manager.create(Agreement, { customerId, title: request.title, startDate: request.startDate, endDate: request.endDate ?? null });
    applyPrivacy(agreement, await this.provisional(manager, Agreement));
    const saved = await manager.save(agreement);
    await this.retention.recompute(manager, customerId);
    await this.audit.record(
      { actorId, action: 'agreement.created', entityType: 'agreement', entityId: saved.id, fields: ['title', 'startDate', 'endDate'] },
      manager,
    );
    return saved.id;
  }

  /** Makes a registered person a customer inside the caller's transaction (a prospect's quote won). */
  async createPersonCustomerIn(manager: EntityManager, personId: string, actorId: string): Promise<string> {
    const customer = manager.create(Customer, { type: 'person', personId });
    applyPrivacy(customer, await this.provisional(manager, Customer));
    const saved = await manager.save(customer);
    await this.retention.recompute(manager, saved.id);
    await this.audit.record({ actorId, action: 'customer.created', entityType: 'customer', entityId: saved.id, fields: ['personId'] }, manager);
    return saved.id;
  }

  async updateAgreement(customerId: string, agreementId: string, request: UpdateAgreementRequest, actorId: string): Promise<AgreementView> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockCustomer(manager, customerId);
      const agreement = await manager.findOneBy(Agreement, { id: agreementId, customerId });
      if (!agreement) throw notFound('The agreement');
      checkVersion('The agreement', agreement.version, request.version);
      const changed = applyChanges(agreement, request, ['title', 'startDate', 'endDate']);
      assertDates(agreement.startDate, agreement.endDate);
      if (!changed.length) return;
      agreement.version += 1;
      await manager.save(agreement);
      await this.retention.recompute(manager, customerId);
      await this.audit.record({ actorId, action: 'agreement.updated', entityType: 'agreement', entityId: agreement.id, fields: changed }, manager);
    });
    return this.getAgreement(customerId, agreementId);
  }

  // --- helpers --------------------------------------------------------------------------------

  private async getContact(customerId: string, contactId: string): Promise<ContactView> {
    const contact = await this.dataSource.getRepository(ContactPerson).findOne({ where: { id: contactId, customerId }, relations: { person: true } });
    if (!contact) throw notFound('The contact person');
    return toContactView(contact);
  }

  private async getAgreement(customerId: string, agreementId: string): Promise<AgreementView> {
    const agreement = await this.dataSource.getRepository(Agreement).findOneBy({ id: agreementId, customerId });
    if (!agreement) throw notFound('The agreement');
    return toAgreementView(agreement);
  }

  private async lockCustomer(manager: EntityManager, id: string): Promise<Customer> {
    const customer = await manager.findOne(Customer, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!customer) throw notFound('The customer');
    return customer;
  }

  /** Privacy for a record about to be inserted; the recomputation in the same transaction replaces it. */
  private async provisional(manager: EntityManager, entity: { name: string }): Promise<Privacy> {
    const policy = await this.policies.get(personalDataOf(entity).policy, manager);
    return computeRetention(policy, { eventDate: stockholmDate(new Date()), agreements: [], financialYearEnd: null });
  }

  private async createOrganisation(manager: EntityManager, input: OrganisationInput): Promise<Organisation> {
    const organisation = manager.create(Organisation, { name: input.name });
    await this.updateOrganisation(manager, organisation, input);
    return manager.save(organisation);
  }

  private async updateOrganisation(manager: EntityManager, organisation: Organisation, input: Partial<OrganisationInput>): Promise<string[]> {
    const edit = { ...input };
    if (input.orgNumber) {
      const parsed = parseOrganisationsnummer(input.orgNumber, stockholmDate(new Date()));
      if (!parsed) throw invalidField('organisation.orgNumber', 'Not a valid organisationsnummer');
      const taken = await manager.findOneBy(Organisation, { orgNumber: parsed.normalised });
      if (taken && taken.id !== organisation.id) {
        throw new DomainError('conflict', 'A company with this organisation number is already registered', {
          'organisation.orgNumber': ['A company with this organisation number is already registered'],
        });
      }
      edit.orgNumber = parsed.normalised;
      organisation.soleTrader = parsed.soleTrader;
    }
    const changed = applyChanges(organisation, edit, ORGANISATION_FIELDS);
    if (changed.length && organisation.id) {
      organisation.version += 1;
      await manager.save(organisation);
    }
    return changed;
  }

  private async countsOf(customerIds: string[]): Promise<Map<string, { agreements: number; contacts: number }>> {
    const counts = new Map(customerIds.map((id) => [id, { agreements: 0, contacts: 0 }]));
    if (!customerIds.length) return counts;
    const rows: Array<{ customer_id: string; kind: 'agreements' | 'contacts'; count: string }> = await this.dataSource.query(
      `SELECT customer_id, 'agreements' AS kind, count(*) FROM agreement WHERE customer_id = ANY($1) GROUP BY customer_id
       UNION ALL
       SELECT customer_id, 'contacts' AS kind, count(*) FROM contact_person WHERE customer_id = ANY($1) GROUP BY customer_id`,
      [customerIds],
    );
    for (const row of rows) {
      const entry = counts.get(row.customer_id);
      if (entry) entry[row.kind] = Number(row.count);
    }
    return counts;
  }

  private toListItem(customer: Customer, counts = { agreements: 0, contacts: 0 }): CustomerListItem {
    const { person, organisation } = customer;
    return {
      id: customer.id,
      customerNumber: customer.customerNumber,
      type: customer.type,
      name: person ? `${person.firstName} ${person.lastName}` : (organisation?.name ?? ''),
      email: person?.email ?? organisation?.email ?? null,
      phone: person?.phone ?? organisation?.phone ?? null,
      city: person?.city ?? organisation?.city ?? null,
      orgNumber: organisation?.orgNumber ? (organisation.soleTrader ? maskPersonnummer(organisation.orgNumber) : organisation.orgNumber) : null,
      personnummerMasked: person?.personnummer ? maskPersonnummer(person.personnummer) : null,
      agreementCount: counts.agreements,
      contactCount: counts.contacts,
      createdAt: customer.createdAt.toISOString(),
      privacy: toPrivacy(customer),
    };
  }
}

const NAME_SQL = `coalesce(organisation.name, person.first_name || ' ' || person.last_name)`;

function assertDates(startDate: string, endDate: string | null): void {
  if (endDate && endDate < startDate) throw invalidField('endDate', 'The end date cannot be before the start date');
}

function toOrganisationView(organisation: Organisation): OrganisationView {
  return {
    id: organisation.id,
    name: organisation.name,
    // A sole trader's number is the owner's personnummer: masked like one.
    orgNumber: organisation.orgNumber && organisation.soleTrader ? maskPersonnummer(organisation.orgNumber) : organisation.orgNumber,
    soleTrader: organisation.soleTrader,
    email: organisation.email,
    phone: organisation.phone,
    street: organisation.street,
    postalCode: organisation.postalCode,
    city: organisation.city,
    dpaSignedOn: organisation.dpaSignedOn,
  };
}

function toContactView(contact: ContactPerson): ContactView {
  return {
    id: contact.id,
    customerId: contact.customerId,
    title: contact.title,
    leftOn: contact.leftOn,
    person: toPersonView(contact.person),
    privacy: toPrivacy(contact),
    version: contactVersion(contact, contact.person),
  };
}

/** The contact's form edits the contact and the person; each raises its own version, so their sum rises with either. */
function contactVersion(contact: ContactPerson, person: Person): number {
  return contact.version + person.version;
}

function toAgreementView(agreement: Agreement): AgreementView {
  return {
    id: agreement.id,
    customerId: agreement.customerId,
    title: agreement.title,
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    privacy: toPrivacy(agreement),
    version: agreement.version,
  };
}
