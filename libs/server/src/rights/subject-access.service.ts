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
import { PersonalDataDeclaration, personalDataTables } from '../privacy/registry';
import { aboutPeopleSql, subjectPeopleSql } from '../privacy/registry-sql';

const MAX_RESULTS = 50;

/**
 * Where a person appears, read from the personal-data registry: every declared table, found
 * through its person columns and — for a private customer's own records — through the customer.
 * One query per table serves search, export and erasure.
 */
function recordsSql(declaration: PersonalDataDeclaration): string {
  const customer = declaration.customerColumn ? `t.${declaration.customerColumn}` : 'NULL::uuid';
  return `SELECT t.id, x.person_id, ${customer} AS customer_id, c.customer_number, coalesce(o.name, cp.first_name || ' ' || cp.last_name) AS customer_name,
                 ${declaration.describe.en} AS description, ${declaration.describe.sv} AS description_sv,
                 ${declaration.roleTitle ?? 'NULL'} AS title, ${declaration.clock.endedOn ?? 'NULL'}::text AS left_on,
                 t.purpose, t.legal_basis, t.retain_until::text AS retain_until, t.retention_rule, t.retention_rule_sv
            FROM ${declaration.table} t
           CROSS JOIN LATERAL (SELECT DISTINCT s AS person_id FROM unnest(${subjectPeopleSql(declaration)}) s WHERE s = ANY($1)) x
            LEFT JOIN customer c ON c.id = ${customer} LEFT JOIN organisation o ON o.id = c.organisation_id LEFT JOIN person cp ON cp.id = c.person_id
           WHERE ${aboutPeopleSql(declaration, '$1')}
           ORDER BY t.id`;
}

/** The records of people: every declared table but the people's own rows. */
const recordTables = () => personalDataTables().filter((declaration) => declaration.recordType !== 'person');

interface RecordRow {
  id: string;
  person_id: string;
  customer_id: string | null;
  customer_number: number | null;
  customer_name: string | null;
  description: string;
  description_sv: string;
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
    const sources = new Map(personalDataTables().map((declaration) => [declaration.recordType, declaration.source]));
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
    for (const declaration of recordTables()) {
      const rows: RecordRow[] = await manager.query(recordsSql(declaration), [personIds]);
      for (const row of rows) {
        const record: PersonRecord = {
          recordType: declaration.recordType as PersonRecordType,
          id: row.id,
          customerId: row.customer_id,
          customerNumber: row.customer_number,
          customerName: row.customer_name,
          description: row.description,
          descriptionSv: row.description_sv,
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
