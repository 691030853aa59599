import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LEGAL_BASIS_LABELS,
  parsePersonnummer,
  PersonExport,
  PersonRecord,
  PersonSearchResult,
  stockholmDate,
} from '@privdesk/domain';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../core/errors';
import { toPrivacy } from '../database/privacy.columns';
import { ContactPerson } from '../customers/contact-person.entity';
import { Customer } from '../customers/customer.entity';
import { RetentionPolicy } from '../policies/retention-policy.entity';
import { toPersonView } from './people.service';
import { Person } from './person.entity';

const MAX_RESULTS = 50;

/** Data-subject access: find one person everywhere, and export all Privdesk holds about him or her. */
@Injectable()
export class SubjectAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async search(q: string, actorId: string): Promise<PersonSearchResult[]> {
    const text = q.trim();
    const like = `%${text.replace(/[%_\\]/g, '\\$&')}%`;
    const digits = text.replace(/\D/g, '');
    const personnummer = parsePersonnummer(text, stockholmDate(new Date()))?.normalised ?? null;
    const builder = this.dataSource
      .getRepository(Person)
      .createQueryBuilder('person')
      .where(`(person.first_name || ' ' || person.last_name) ILIKE :like OR person.email ILIKE :like`, { like })
      .andWhere('person.anonymised_at IS NULL');
    if (digits.length >= 6) builder.orWhere(`regexp_replace(coalesce(person.phone, ''), '\\D', '', 'g') LIKE :digits AND person.anonymised_at IS NULL`, { digits: `%${digits}%` });
    if (personnummer) builder.orWhere('person.personnummer = :personnummer', { personnummer });
    const people = await builder.orderBy('person.last_name').addOrderBy('person.first_name').limit(MAX_RESULTS).getMany();
    const records = await this.recordsOf(people);
    await this.audit.record({ actorId, action: 'person.searched', entityType: 'person', entityId: null, fields: personnummer ? ['personnummer'] : [] });
    return people.map((person) => ({ person: toPersonView(person), records: records.get(person.id) ?? [] }));
  }

  async export(personId: string, actorId: string): Promise<PersonExport> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: personId });
    if (!person) throw notFound('The person');
    const records = (await this.recordsOf([person])).get(person.id) ?? [];
    const policies = new Map((await this.dataSource.getRepository(RetentionPolicy).find()).map((policy) => [policy.code, policy]));
    await this.audit.record({ actorId, action: 'person.exported', entityType: 'person', entityId: person.id, fields: ['all'] });
    const view = toPersonView(person);
    return {
      generatedAt: new Date().toISOString(),
      person: {
        id: view.id,
        firstName: view.firstName,
        lastName: view.lastName,
        fullName: view.fullName,
        email: view.email,
        phone: view.phone,
        street: view.street,
        postalCode: view.postalCode,
        city: view.city,
        personnummer: person.personnummer,
        privacy: view.privacy,
      },
      records: records.map((record) => {
        const policy = policies.get(record.privacy.purpose);
        return {
          ...record,
          purposeName: { sv: policy?.purposeSv ?? record.privacy.purpose, en: policy?.purposeEn ?? record.privacy.purpose },
          legalBasisName: LEGAL_BASIS_LABELS[record.privacy.legalBasis],
          source:
            record.recordType === 'customer'
              ? { sv: 'Registrerad av personal när kundrelationen inleddes', en: 'Registered by staff when the customer relationship began' }
              : { sv: 'Registrerad av personal som kontaktperson för kunden', en: 'Registered by staff as the customer’s contact person' },
        };
      }),
    };
  }

  private async recordsOf(people: Person[]): Promise<Map<string, PersonRecord[]>> {
    const byPerson = new Map<string, PersonRecord[]>();
    if (!people.length) return byPerson;
    const personIds = people.map((person) => person.id);
    const nameOf = new Map(people.map((person) => [person.id, `${person.firstName} ${person.lastName}`]));
    const add = (personId: string, record: PersonRecord) => byPerson.set(personId, [...(byPerson.get(personId) ?? []), record]);
    const customers = await this.dataSource.getRepository(Customer).find({ where: { personId: In(personIds) } });
    for (const customer of customers) {
      add(customer.personId as string, {
        recordType: 'customer',
        id: customer.id,
        customerId: customer.id,
        customerNumber: customer.customerNumber,
        customerName: nameOf.get(customer.personId as string) ?? '',
        title: null,
        leftOn: null,
        privacy: toPrivacy(customer),
      });
    }
    const contacts = await this.dataSource.getRepository(ContactPerson).find({ where: { personId: In(personIds) }, relations: { customer: { organisation: true } } });
    for (const contact of contacts) {
      add(contact.personId, {
        recordType: 'contact_person',
        id: contact.id,
        customerId: contact.customerId,
        customerNumber: contact.customer.customerNumber,
        customerName: contact.customer.organisation?.name ?? '',
        title: contact.title,
        leftOn: contact.leftOn,
        privacy: toPrivacy(contact),
      });
    }
    return byPerson;
  }
}
