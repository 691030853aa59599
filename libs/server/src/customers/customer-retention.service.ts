import { Injectable } from '@nestjs/common';
import { computeRetention, financialYearEnd, IsoDate, LegalBasis, Privacy, stockholmDate } from '@privdesk/domain';
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

    // Support (P4) and check-ins (P6) run with the customer's agreements too.
    const others: string[] = [];
    for (const bound of AGREEMENT_BOUND) {
      others.push(...(await this.recomputeBound(manager, bound, customerId, terms)));
    }

    const personIds = new Set([customer.personId, ...contacts.map((contact) => contact.personId), ...others].filter((id): id is string => !!id));
    for (const personId of personIds) await this.recomputePerson(manager, personId);
  }

  /**
   * Recomputes one agreement-bound table's records of a customer, set-based: records registered
   * the same day share a deadline. Returns the people those records are about.
   */
  private async recomputeBound(
    manager: EntityManager,
    bound: (typeof AGREEMENT_BOUND)[number],
    customerId: string,
    terms: Array<{ startDate: IsoDate; endDate: IsoDate | null }>,
  ): Promise<string[]> {
    const policy = await this.policies.get(bound.policy, manager);
    const days: Array<{ day: IsoDate; ids: string[]; people: Array<string | null> }> = await manager.query(
      `SELECT (created_at AT TIME ZONE 'Europe/Stockholm')::date::text AS day, array_agg(id) AS ids, array_agg(DISTINCT ${bound.personColumn}) AS people
         FROM ${bound.table} WHERE customer_id = $1 AND anonymised_at IS NULL GROUP BY 1`,
      [customerId],
    );
    for (const { day, ids } of days) {
      // Work done after every agreement had ended was not done under one: the no-agreement rule applies.
      const applicable = terms.filter((term) => term.endDate === null || term.endDate >= day);
      const privacy = computeRetention(policy, { eventDate: day, agreements: applicable });
      await manager.query(
        `UPDATE ${bound.table} SET purpose = $2, legal_basis = $3, retain_until = $4, retention_rule = $5, retention_rule_sv = $6 WHERE id = ANY($1)`,
        [ids, privacy.purpose, privacy.legalBasis, privacy.retainUntil, privacy.rule, privacy.ruleSv],
      );
    }
    return days.flatMap((row) => row.people).filter((id): id is string => !!id);
  }

  /** Roles outside the customer register: requester of support, submitter of a device, holder of a quote not won. */
  private async otherRoles(manager: EntityManager, personId: string): Promise<PersonRole[]> {
    const rows: Array<{ kind: string; purpose: string; legal_basis: LegalBasis; retain_until: string | null; retention_rule: string; retention_rule_sv: string }> =
      await manager.query(
        PERSON_ROLE_SOURCES.map(
          (source) =>
            `(SELECT '${source.kind}' AS kind, purpose, legal_basis, retain_until::text, retention_rule, retention_rule_sv FROM ${source.table}
               WHERE ${source.personColumn} = $1 ${source.where ?? ''} ORDER BY retain_until DESC NULLS FIRST LIMIT 1)`,
        ).join(' UNION ALL '),
        [personId],
      );
    return rows.map((row) => ({
      kind: row.kind,
      privacy: { purpose: row.purpose, legalBasis: row.legal_basis, retainUntil: row.retain_until, rule: row.retention_rule, ruleSv: row.retention_rule_sv } satisfies Privacy,
    }));
  }

  /** A person is kept while any of his or her roles, at any customer, is kept. */
  async recomputePerson(manager: EntityManager, personId: string): Promise<void> {
    const asCustomer = await manager.findBy(Customer, { personId });
    const asContact = await manager.findBy(ContactPerson, { personId });
    const roles: PersonRole[] = [
      ...asCustomer.map((record) => ({ kind: 'customer', privacy: { purpose: record.purpose, ...record.privacy } })),
      ...asContact.map((record) => ({ kind: 'contact person', privacy: { purpose: record.purpose, ...record.privacy } })),
      ...(await this.otherRoles(manager, personId)),
    ];
    await this.people.applyRoles(manager, personId, roles);
  }
}

/** Records whose clock the customer's agreements drive, beside the customer register's own. */
const AGREEMENT_BOUND = [
  { table: 'ticket', policy: 'P4', personColumn: 'requester_id' },
  { table: 'device_checkin', policy: 'P6', personColumn: 'handed_in_by_id' },
] as const;

/**
 * Where else a person plays a role that keeps him or her. A won quote is not among them: the
 * purchase record outlives the buyer's other data (bookkeeping keeps the order, not the person).
 */
const PERSON_ROLE_SOURCES: Array<{ kind: string; table: string; personColumn: string; where?: string }> = [
  { kind: 'support requester', table: 'ticket', personColumn: 'requester_id' },
  { kind: 'device submitter', table: 'device_checkin', personColumn: 'handed_in_by_id' },
  { kind: 'quote holder', table: 'quote', personColumn: 'holder_id', where: "AND status <> 'won'" },
  { kind: 'marketing contact', table: 'marketing_contact', personColumn: 'person_id' },
  { kind: 'applicant', table: 'applicant', personColumn: 'person_id' },
  { kind: 'inquirer', table: 'inquiry', personColumn: 'person_id' },
];
