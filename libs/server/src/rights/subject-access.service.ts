import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LEGAL_BASIS_LABELS,
  LegalBasis,
  Localised,
  parsePersonnummer,
  PersonExport,
  PersonRecord,
  PersonRecordType,
  PersonSearchResponse,
  stockholmDate,
} from '@privdesk/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../core/errors';
import { SuppressionService } from '../marketing/suppression.service';
import { toPersonView } from '../people/people.service';
import { Person } from '../people/person.entity';
import { RetentionPolicy } from '../policies/retention-policy.entity';
import { TransparencyService } from '../transparency/transparency.service';
import { containsPattern } from '../core/like';

const MAX_RESULTS = 50;
const CUSTOMER_NAME = `coalesce(o.name, cp.first_name || ' ' || cp.last_name)`;
const CUSTOMER_JOIN = (alias: string) => `LEFT JOIN customer c ON c.id = ${alias}.customer_id LEFT JOIN organisation o ON o.id = c.organisation_id LEFT JOIN person cp ON cp.id = c.person_id`;
const PRIVACY = (alias: string) => `${alias}.purpose, ${alias}.legal_basis, ${alias}.retain_until::text AS retain_until, ${alias}.retention_rule, ${alias}.retention_rule_sv`;

/** Where a person appears, one query per record type: the same list serves search, export and erasure. */
const SOURCES: Array<{ type: PersonRecordType; sql: string; source: Localised }> = [
  {
    type: 'customer',
    sql: `SELECT t.id, t.person_id, t.id AS customer_id, t.customer_number, cp.first_name || ' ' || cp.last_name AS customer_name,
                 'Customer ' || t.customer_number AS description, NULL AS title, NULL::text AS left_on, ${PRIVACY('t')}
            FROM customer t JOIN person cp ON cp.id = t.person_id WHERE t.person_id = ANY($1)`,
    source: { sv: 'Registrerad av personal när kundrelationen inleddes', en: 'Registered by staff when the customer relationship began' },
  },
  {
    type: 'contact_person',
    sql: `SELECT t.id, t.person_id, t.customer_id, c.customer_number, ${CUSTOMER_NAME} AS customer_name,
                 'Contact person at ' || ${CUSTOMER_NAME} AS description, t.title, t.left_on::text, ${PRIVACY('t')}
            FROM contact_person t ${CUSTOMER_JOIN('t')} WHERE t.person_id = ANY($1)`,
    source: { sv: 'Registrerad av personal som kontaktperson för kunden', en: 'Registered by staff as the customer’s contact person' },
  },
  {
    type: 'ticket',
    sql: `SELECT t.id, t.requester_id AS person_id, t.customer_id, c.customer_number, ${CUSTOMER_NAME} AS customer_name,
                 'Ticket #' || t.ticket_number || ': ' || t.subject AS description, NULL AS title, NULL::text AS left_on, ${PRIVACY('t')}
            FROM ticket t ${CUSTOMER_JOIN('t')} WHERE t.requester_id = ANY($1)`,
    source: { sv: 'Ditt supportärende, registrerat av oss när du kontaktade supporten', en: 'Your support request, registered by us when you contacted support' },
  },
  {
    type: 'device_checkin',
    sql: `SELECT t.id, t.handed_in_by_id AS person_id, t.customer_id, c.customer_number, ${CUSTOMER_NAME} AS customer_name,
                 'Device handed in #' || t.checkin_number || ': ' || t.make || ' ' || t.model AS description, NULL AS title, NULL::text AS left_on, ${PRIVACY('t')}
            FROM device_checkin t ${CUSTOMER_JOIN('t')} WHERE t.handed_in_by_id = ANY($1)`,
    source: { sv: 'Uppgifter du lämnade när du lämnade in en enhet', en: 'Details you gave when you handed in a device' },
  },
  {
    type: 'quote',
    sql: `SELECT t.id, t.holder_id AS person_id, t.customer_id, c.customer_number, ${CUSTOMER_NAME} AS customer_name,
                 'Quote #' || t.quote_number || ' (' || t.status || '): ' || t.title AS description, NULL AS title, NULL::text AS left_on, ${PRIVACY('t')}
            FROM quote t ${CUSTOMER_JOIN('t')} WHERE t.holder_id = ANY($1)`,
    source: { sv: 'Offert som vi lämnade till dig', en: 'A quote we gave you' },
  },
  {
    type: 'marketing_contact',
    sql: `SELECT t.id, t.person_id, NULL::uuid AS customer_id, NULL::int AS customer_number, NULL AS customer_name,
                 'Marketing contact (' || t.source || ', received ' || t.received_on || ')' AS description, NULL AS title, NULL::text AS left_on, ${PRIVACY('t')}
            FROM marketing_contact t WHERE t.person_id = ANY($1)`,
    source: { sv: 'Kontaktuppgifter du lämnade till oss (evenemang, anmälan eller som företagsrepresentant)', en: 'Contact details you gave us (an event, a sign-up, or as a company’s representative)' },
  },
  {
    type: 'applicant',
    sql: `SELECT t.id, t.person_id, NULL::uuid AS customer_id, NULL::int AS customer_number, NULL AS customer_name,
                 'Application: ' || t.position || ' (' || (SELECT count(*) FROM applicant_document d WHERE d.applicant_id = t.id) || ' documents)' AS description,
                 NULL AS title, NULL::text AS left_on, ${PRIVACY('t')}
            FROM applicant t WHERE t.person_id = ANY($1)`,
    source: { sv: 'Din ansökan, som du skickade till oss', en: 'Your application, which you sent us' },
  },
  {
    type: 'inquiry',
    sql: `SELECT t.id, t.person_id, t.customer_id, NULL::int AS customer_number, NULL AS customer_name,
                 'Question #' || t.inquiry_number || ': ' || left(t.message, 80) AS description, NULL AS title, NULL::text AS left_on, ${PRIVACY('t')}
            FROM inquiry t WHERE t.person_id = ANY($1)`,
    source: { sv: 'Din fråga via kontaktformuläret', en: 'Your question through the contact form' },
  },
  {
    type: 'subject_request',
    sql: `SELECT t.id, t.person_id, NULL::uuid AS customer_id, NULL::int AS customer_number, NULL AS customer_name,
                 'Request #' || t.request_number || ' (' || t.kind || ', received ' || t.received_on || ')' AS description, NULL AS title, NULL::text AS left_on, ${PRIVACY('t')}
            FROM subject_request t WHERE t.person_id = ANY($1)`,
    source: { sv: 'Din begäran om dina rättigheter', en: 'Your request concerning your rights' },
  },
];

interface RecordRow {
  id: string;
  person_id: string;
  customer_id: string | null;
  customer_number: number | null;
  customer_name: string | null;
  description: string;
  title: string | null;
  left_on: string | null;
  purpose: string;
  legal_basis: LegalBasis;
  retain_until: string | null;
  retention_rule: string;
  retention_rule_sv: string;
}

/** Data-subject access: find one person everywhere, and export all Privdesk holds about him or her. */
@Injectable()
export class SubjectAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly suppression: SuppressionService,
    private readonly transparency: TransparencyService,
  ) {}

  async search(q: string, actorId: string): Promise<PersonSearchResponse> {
    const text = q.trim();
    const like = containsPattern(text);
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
    const records = await this.recordsOf(this.dataSource.manager, people.map((person) => person.id));
    const suppressed = text.includes('@') ? await this.suppression.isSuppressed(text) : false;
    await this.audit.record({ actorId, action: 'person.searched', entityType: 'person', entityId: null, fields: personnummer ? ['personnummer'] : [] });
    return { people: people.map((person) => ({ person: toPersonView(person), records: records.get(person.id) ?? [] })), suppressed };
  }

  async export(personId: string, actorId: string): Promise<PersonExport> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: personId });
    if (!person) throw notFound('The person');
    const records = (await this.recordsOf(this.dataSource.manager, [person.id])).get(person.id) ?? [];
    const policies = new Map((await this.dataSource.getRepository(RetentionPolicy).find()).map((policy) => [policy.code, policy]));
    const recipients = await this.transparency.recipients();
    await this.audit.record({ actorId, action: 'person.exported', entityType: 'person', entityId: person.id, fields: ['all'] });
    const view = toPersonView(person);
    const sources = new Map(SOURCES.map((source) => [source.type, source.source]));
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
          source: sources.get(record.recordType) as Localised,
          recipients: recipients.filter((r) => r.purposes.includes(record.privacy.purpose)).map((r) => ({ name: r.name, kind: r.kind, inEu: r.inEu })),
        };
      }),
    };
  }

  /** Every record about these people, per person, by record type. */
  async recordsOf(manager: EntityManager, personIds: string[]): Promise<Map<string, PersonRecord[]>> {
    const byPerson = new Map<string, PersonRecord[]>();
    if (!personIds.length) return byPerson;
    for (const source of SOURCES) {
      const rows: RecordRow[] = await manager.query(source.sql, [personIds]);
      for (const row of rows) {
        const record: PersonRecord = {
          recordType: source.type,
          id: row.id,
          customerId: row.customer_id,
          customerNumber: row.customer_number,
          customerName: row.customer_name,
          description: row.description,
          title: row.title,
          leftOn: row.left_on,
          privacy: { purpose: row.purpose, legalBasis: row.legal_basis, retainUntil: row.retain_until, rule: row.retention_rule, ruleSv: row.retention_rule_sv },
        };
        byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), record]);
      }
    }
    return byPerson;
  }
}
