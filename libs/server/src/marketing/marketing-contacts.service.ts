import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  computeRetention,
  CreateMarketingContact,
  MarketingContactView,
  marketingDecision,
  MarketingSendRequest,
  MarketingSendResult,
  Page,
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

  /** A marketing mail to every contact it may go to; the decision for each is returned and audited as counts. */
  async send(request: MarketingSendRequest, actorId: string): Promise<MarketingSendResult> {
    const contacts = await this.dataSource.getRepository(MarketingContact).find({ relations: { person: true }, order: { receivedOn: 'ASC' } });
    const customerPeople = new Set(
      (await this.dataSource.query(`SELECT person_id FROM customer WHERE person_id IS NOT NULL AND anonymised_at IS NULL`)).map((row: { person_id: string }) => row.person_id),
    );
    const sendId = randomUUID();
    const signature = mailSignature(await this.transparency.identity());
    const result: MarketingSendResult = { sent: 0, decisions: [] };
    for (const contact of contacts) {
      const suppressed = await this.suppression.isSuppressed(contact.person.email);
      const { decision, ground } = marketingDecision({ email: contact.person.email, audience: contact.audience, consentAt: contact.consentAt }, suppressed, customerPeople.has(contact.personId));
      result.decisions.push({ contactId: contact.id, name: `${contact.person.firstName} ${contact.person.lastName}`, decision, ground });
      if (decision !== 'send' || request.dryRun) continue;
      const email = contact.person.email as string;
      const optOut = await this.suppression.optOutLink(email);
      const queued = await this.mail.queue({
        idempotencyKey: `marketing:${sendId}:${contact.id}`,
        to: email,
        sentFor: 'P5',
        personId: contact.personId,
        record: { type: 'marketing_contact', id: contact.id },
        subject: request.subject,
        body: `${request.body}\n\n${signature}\n\n—\nVill du inte få fler utskick? Avregistrera dig med ett klick: ${optOut}\nDon't want these mails? Unsubscribe in one click: ${optOut}`,
      });
      if (queued) result.sent++;
    }
    if (!request.dryRun) {
      const tally = Object.fromEntries(['send', 'suppressed', 'no_consent', 'no_email'].map((d) => [d, result.decisions.filter((x) => x.decision === d).length]));
      await this.audit.record({ actorId, action: 'marketing.sent', entityType: 'marketing_send', entityId: sendId, fields: [], details: { subject: request.subject, ...tally } });
    }
    return result;
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
