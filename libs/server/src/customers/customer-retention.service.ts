import { Injectable } from '@nestjs/common';
import { computeRetention, financialYearEnd, stockholmDate } from '@privdesk/domain';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../core/config';
import { personalDataOf } from '../database/personal-data';
import { applyPrivacy } from '../database/privacy.columns';
import { PeopleService, PersonRole } from '../people/people.service';
import { PoliciesService } from '../policies/policies.service';
import { Agreement } from './agreement.entity';
import { ContactPerson } from './contact-person.entity';
import { Customer } from './customer.entity';

/**
 * Recomputes `retainUntil` of a customer and everything whose clock its agreements drive —
 * the customer relationship, its agreements, its contact persons and the people behind them —
 * inside the caller's transaction, whenever a triggering date changes.
 */
@Injectable()
export class CustomerRetentionService {
  constructor(
    private readonly policies: PoliciesService,
    private readonly people: PeopleService,
    private readonly config: AppConfig,
  ) {}

  async recompute(manager: EntityManager, customerId: string): Promise<void> {
    // One recomputation per customer at a time: the row lock orders concurrent edits.
    const customer = await manager.findOneOrFail(Customer, { where: { id: customerId }, lock: { mode: 'pessimistic_write' } });
    const agreements = await manager.findBy(Agreement, { customerId });
    const contacts = await manager.findBy(ContactPerson, { customerId });
    const terms = agreements.map(({ startDate, endDate }) => ({ startDate, endDate }));

    const customerPolicy = await this.policies.get(personalDataOf(Customer).policy, manager);
    applyPrivacy(customer, computeRetention(customerPolicy, { eventDate: stockholmDate(customer.createdAt), agreements: terms }));
    await manager.save(customer);

    const agreementPolicy = await this.policies.get(personalDataOf(Agreement).policy, manager);
    for (const agreement of agreements) {
      const yearEnd = agreement.endDate ? financialYearEnd(agreement.endDate, this.config.FINANCIAL_YEAR_END_MONTH) : null;
      applyPrivacy(agreement, computeRetention(agreementPolicy, { financialYearEnd: yearEnd }));
    }
    await manager.save(agreements);

    const contactPolicy = await this.policies.get(personalDataOf(ContactPerson).policy, manager);
    for (const contact of contacts) {
      applyPrivacy(
        contact,
        computeRetention(contactPolicy, { eventDate: stockholmDate(contact.createdAt), agreements: terms, endedOn: contact.leftOn }),
      );
    }
    await manager.save(contacts);

    const personIds = new Set([customer.personId, ...contacts.map((contact) => contact.personId)].filter((id): id is string => !!id));
    for (const personId of personIds) await this.recomputePerson(manager, personId);
  }

  /** A person is kept while any of his or her roles, at any customer, is kept. */
  async recomputePerson(manager: EntityManager, personId: string): Promise<void> {
    const asCustomer = await manager.findBy(Customer, { personId });
    const asContact = await manager.findBy(ContactPerson, { personId });
    const roles: PersonRole[] = [
      ...asCustomer.map((record) => ({ kind: 'customer', privacy: { purpose: record.purpose, ...record.privacy } })),
      ...asContact.map((record) => ({ kind: 'contact person', privacy: { purpose: record.purpose, ...record.privacy } })),
    ];
    await this.people.applyRoles(manager, personId, roles);
  }
}
