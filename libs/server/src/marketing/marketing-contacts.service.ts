import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeRetention,
  CreateMarketingContact,
  customerMarketingDecision,
  IsoDate,
  MarketingContactView,
  marketingDecision,
  MarketingSendRequest,
  MarketingSendResult,
  Page,
  stockholmDate,
} from '@privdesk/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, invalidField, notFound } from '../core/errors';
import { CustomerRetentionService } from '../customers/customer-retention.service';
import { applyPrivacy, toPrivacy } from '../database/privacy.columns';
import { MailService } from '../outbox/mail.service';
import { PeopleService } from '../people/people.service';
import { Person } from '../people/person.entity';
import { PoliciesService } from '../policies/policies.service';
import { containsPattern } from '../core/like';
import { MarketingContact } from './marketing-contact.entity';
import { SuppressionService } from './suppression.service';
import { mailSignature } from '../transparency/signature';
import { TransparencyService } from '../transparency/transparency.service';
import { removeRecords } from '../privacy/records';

@Injectable()
export class MarketingContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly retention: CustomerRetentionService,
    private readonly policies: PoliciesService,
    private readonly suppression: SuppressionService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly transparency: TransparencyService,
  ) {}

  async list(query: { q?: string; page?: number; pageSize?: number }): Promise<Page<MarketingContactView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource.getRepository(MarketingContact).createQueryBuilder('contact').innerJoinAndSelect('contact.person', 'person');
    const q = query.q?.trim();
    if (q) {
      const like = containsPattern(q);
      builder.andWhere(`(person.first_name || ' ' || person.last_name ILIKE :like OR person.email ILIKE :like OR contact.company_name ILIKE :like)`, { like });
    }
    const [contacts, total] = await builder.orderBy('contact.received_on', 'DESC').offset((page - 1) * pageSize).limit(pageSize).getManyAndCount();
    const items = await Promise.all(contacts.map(async (contact) => toView(contact, await this.suppression.isSuppressed(contact.person.email))));
    return { items, total, page, pageSize };
  }

  async create(input: CreateMarketingContact, actorId: string): Promise<MarketingContactView> {
    const id = await this.dataSource.transaction(async (manager) => {
      let personId = input.personId;
      const privacy = computeRetention(await this.policies.get('P5', manager), { eventDate: input.receivedOn });
      if (input.person) {
        personId = (await this.people.resolve(manager, input.person, { onMatch: 'ask', existingPersonId: input.existingPersonId, provisional: privacy, actorId })).person.id;
      }
      const person = await manager.findOneBy(Person, { id: personId });
      if (!person) throw invalidField('personId', 'No such person');
      // An objection is for good: the person is not put back on a marketing list.
      if (await this.suppression.isSuppressed(person.email, manager)) {
        throw new DomainError('conflict', 'This person has objected to marketing and cannot be added again', { email: ['Objected to marketing'] });
      }
      if (await manager.existsBy(MarketingContact, { personId: person.id })) throw new DomainError('conflict', 'This person is a marketing contact already');
      const contact = manager.create(MarketingContact, {
        personId: person.id,
        audience: input.audience,
        companyName: input.companyName ?? null,
        source: input.source,
        receivedOn: input.receivedOn,
        consentAt: input.consent ? new Date() : null,
        consentText: input.consent ? (input.consentText ?? null) : null,
      });
      applyPrivacy(contact, privacy);
      const saved = await manager.save(contact);
      await this.retention.recomputePerson(manager, person.id);
      await this.audit.record({ actorId, action: 'marketing_contact.created', entityType: 'marketing_contact', entityId: saved.id, fields: Object.keys(input) }, manager);
      return saved.id;
    });
    const contact = await this.dataSource.getRepository(MarketingContact).findOneOrFail({ where: { id }, relations: { person: true } });
    return toView(contact, false);
  }

  async remove(id: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const contact = await manager.findOneBy(MarketingContact, { id });
      if (!contact) throw notFound('The marketing contact');
      // The person goes too when nothing else keeps him or her.
      await removeRecords(manager, 'marketing_contact', [id]);
      await this.audit.record({ actorId, action: 'marketing_contact.deleted', entityType: 'marketing_contact', entityId: id }, manager);
    });
  }

  /**
   * A marketing mail to everyone it may go to — the marketing list, private customers and company
   * customers' contact persons (while an agreement runs, and after it as long as the customer
   * relationship policy keeps them) — one mail per person; the decision for each is returned and
   * audited as counts.
   */
  async send(request: MarketingSendRequest, actorId: string): Promise<MarketingSendResult> {
    const today = stockholmDate(new Date());
    const contacts = await this.dataSource.getRepository(MarketingContact).find({ relations: { person: true }, order: { receivedOn: 'ASC' } });
    const customerPeople = new Set(
      (await this.dataSource.query(`SELECT person_id FROM customer WHERE person_id IS NOT NULL AND anonymised_at IS NULL`)).map((row: { person_id: string }) => row.person_id),
    );
    type Candidate = MarketingSendResult['decisions'][number] & { personId: string; email: string | null; sentFor: string };
    const byPerson = new Map<string, Candidate>();
    const consider = (candidate: Candidate) => {
      const earlier = byPerson.get(candidate.personId);
      if (!earlier || (earlier.decision !== 'send' && candidate.decision === 'send')) byPerson.set(candidate.personId, candidate);
    };
    for (const contact of contacts) {
      const suppressed = await this.suppression.isSuppressed(contact.person.email);
      const { decision, ground } = marketingDecision({ email: contact.person.email, audience: contact.audience, consentAt: contact.consentAt }, suppressed, customerPeople.has(contact.personId));
      consider({ contactId: contact.id, name: `${contact.person.firstName} ${contact.person.lastName}`, source: 'marketing_contact', decision, ground, until: null, personId: contact.personId, email: contact.person.email, sentFor: 'P5' });
    }
    for (const recipient of await this.customerRecipients(today)) {
      const suppressed = await this.suppression.isSuppressed(recipient.email);
      const { decision, ground, until } = customerMarketingDecision({ email: recipient.email, agreementRunning: recipient.running, keptUntil: recipient.kept_until }, suppressed, today);
      consider({ contactId: recipient.record_id, name: recipient.name, source: recipient.source, decision, ground, until, personId: recipient.person_id, email: recipient.email, sentFor: recipient.purpose });
    }

    const sendId = randomUUID();
    const signature = mailSignature(await this.transparency.identity());
    const result: MarketingSendResult = { sent: 0, decisions: [] };
    for (const { personId, email, sentFor, ...decision } of byPerson.values()) {
      result.decisions.push(decision);
      if (decision.decision !== 'send' || request.dryRun) continue;
      const optOut = await this.suppression.optOutLink(email as string);
      const queued = await this.mail.queue({
        idempotencyKey: `marketing:${sendId}:${decision.contactId}`,
        to: email as string,
        sentFor,
        personId,
        record: { type: decision.source, id: decision.contactId },
        subject: request.subject,
        body: `${request.body}\n\n${signature}\n\n—\nVill du inte få fler utskick? Avregistrera dig med ett klick: ${optOut}\nDon't want these mails? Unsubscribe in one click: ${optOut}`,
      });
      if (queued) result.sent++;
    }
    if (!request.dryRun) {
      const tally = Object.fromEntries(['send', 'suppressed', 'no_consent', 'no_email', 'window_ended'].map((d) => [d, result.decisions.filter((x) => x.decision === d).length]));
      await this.audit.record({ actorId, action: 'marketing.sent', entityType: 'marketing_send', entityId: sendId, fields: [], details: { subject: request.subject, ...tally } });
    }
    return result;
  }

  /**
   * Private customers and the current contact persons of company customers who have or had an
   * agreement, with whether one runs today and the customer's deadline under its own policy.
   */
  private customerRecipients(today: IsoDate): Promise<
    Array<{ source: 'customer' | 'contact_person'; record_id: string; person_id: string; name: string; email: string | null; running: boolean; kept_until: IsoDate | null; purpose: string }>
  > {
    const agreements = `EXISTS (SELECT 1 FROM agreement a WHERE a.customer_id = c.id)`;
    const running = `EXISTS (SELECT 1 FROM agreement a WHERE a.customer_id = c.id AND a.start_date <= $1 AND (a.end_date IS NULL OR a.end_date >= $1))`;
    return this.dataSource.query(
      `SELECT 'customer' AS source, c.id AS record_id, p.id AS person_id, p.first_name || ' ' || p.last_name AS name, p.email,
              ${running} AS running, c.retain_until::text AS kept_until, c.purpose
         FROM customer c JOIN person p ON p.id = c.person_id
        WHERE c.type = 'person' AND c.anonymised_at IS NULL AND p.anonymised_at IS NULL AND ${agreements}
       UNION ALL
       SELECT 'contact_person', cp.id, p.id, p.first_name || ' ' || p.last_name, p.email, ${running}, c.retain_until::text, c.purpose
         FROM contact_person cp JOIN customer c ON c.id = cp.customer_id JOIN person p ON p.id = cp.person_id
        WHERE cp.anonymised_at IS NULL AND c.anonymised_at IS NULL AND p.anonymised_at IS NULL AND (cp.left_on IS NULL OR cp.left_on > $1) AND ${agreements}
        ORDER BY name`,
      [today],
    );
  }
}

function toView(contact: MarketingContact, suppressed: boolean): MarketingContactView {
  return {
    id: contact.id,
    personId: contact.personId,
    name: `${contact.person.firstName} ${contact.person.lastName}`,
    email: contact.person.email,
    audience: contact.audience,
    companyName: contact.companyName,
    source: contact.source,
    receivedOn: contact.receivedOn,
    consentAt: contact.consentAt?.toISOString() ?? null,
    consentText: contact.consentText,
    suppressed,
    privacy: toPrivacy(contact),
  };
}
