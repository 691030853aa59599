import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DuplicateGroup, MergePeopleResult, Page } from '@privdesk/domain';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, invalidField, notFound } from '../core/errors';
import { containsPattern } from '../core/like';
import { CustomerRetentionService } from '../customers/customer-retention.service';
import { BLANK_FILLABLE, PeopleService, toPersonView } from './people.service';
import { countRoles, moveReferences, undeclaredPersonForeignKeys } from './person-references';
import { Person } from './person.entity';

/**
 * People registered twice before one e-mail address meant one person: listing them and merging
 * two into one. Admins only; a merge is audited by ids and counts, never names.
 */
@Injectable()
export class PersonMergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly retention: CustomerRetentionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Groups of people sharing an e-mail address (trimmed, any case), by address; each group's people
   * oldest first, with their records per table. (A personnummer is unique among people, so it
   * cannot be shared.)
   */
  async duplicates(query: { q?: string; page?: number; pageSize?: number }): Promise<Page<DuplicateGroup>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const q = query.q?.trim();
    const keys: Array<{ email: string; total: string }> = await this.dataSource.query(
      `SELECT lower(trim(email)) AS email, count(*) OVER () AS total
         FROM person
        WHERE email IS NOT NULL AND anonymised_at IS NULL ${q ? 'AND email ILIKE $3' : ''}
        GROUP BY lower(trim(email))
       HAVING count(*) > 1
        ORDER BY 1
        LIMIT $1 OFFSET $2`,
      q ? [pageSize, (page - 1) * pageSize, containsPattern(q)] : [pageSize, (page - 1) * pageSize],
    );
    const total = keys.length ? Number(keys[0].total) : 0;
    if (!keys.length) return { items: [], total, page, pageSize };
    const { entities: people, raw } = await this.dataSource
      .getRepository(Person)
      .createQueryBuilder('person')
      .addSelect('lower(trim(person.email))', 'match_key')
      .where('lower(trim(person.email)) IN (:...emails)', { emails: keys.map((key) => key.email) })
      .andWhere('person.anonymised_at IS NULL')
      .orderBy('person.created_at', 'ASC')
      .addOrderBy('person.id', 'ASC')
      .getRawAndEntities<{ match_key: string }>();
    const roles = await countRoles(this.dataSource.manager, people.map((person) => person.id));
    const items = keys.map(({ email }) => ({
      email,
      people: people
        .filter((_, index) => raw[index].match_key === email)
        .map((person) => ({ person: toPersonView(person), createdAt: person.createdAt.toISOString(), roles: roles.get(person.id) ?? [] })),
    }));
    return { items, total, page, pageSize };
  }

  /**
   * Makes two people one: every record of `mergeId` moves to `keepId` (where the kept person has the
   * same record already — a contact of the same customer — the kept one's stays), the kept person's
   * blank fields are filled in from the merged one, the merged person is deleted and the kept
   * person's retention recomputed.
   */
  async merge(keepId: string, mergeId: string, actorId: string): Promise<MergePeopleResult> {
    if (keepId === mergeId) throw invalidField('mergeId', 'Choose another person to merge into this one');
    const result = await this.dataSource.transaction(async (manager) => {
      const undeclared = await undeclaredPersonForeignKeys(manager);
      if (undeclared.length) throw new Error(`The personal-data registry does not name ${undeclared.join(', ')}: people cannot be merged safely`);
      // Both rows locked, in id order (two merges of the same pair cannot deadlock); new records of
      // the merged person wait for the merge and then find him or her gone.
      const locked = await manager.find(Person, { where: { id: In([keepId, mergeId]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const keep = locked.find((person) => person.id === keepId);
      const merged = locked.find((person) => person.id === mergeId);
      if (!keep) throw notFound('The person to keep');
      if (!merged) throw notFound('The person to merge');
      if (keep.privacy.anonymisedAt || merged.privacy.anonymisedAt) throw new DomainError('conflict', 'An anonymised person cannot be merged');

      const { moved, dropped } = await moveReferences(manager, keepId, mergeId);
      const blanks = Object.fromEntries(BLANK_FILLABLE.map((field) => [field, merged[field]]));
      await manager.delete(Person, mergeId);
      const filled = await this.people.fillBlanks(manager, keep, blanks);
      await this.retention.recomputePerson(manager, keepId);
      await this.audit.record(
        { actorId, action: 'person.merged', entityType: 'person', entityId: keepId, fields: filled, details: { keptId: keepId, mergedId: mergeId, moved, dropped } },
        manager,
      );
      return { moved, dropped, filled };
    });
    const person = await this.dataSource.getRepository(Person).findOneByOrFail({ id: keepId });
    return { person: toPersonView(person), ...result };
  }
}
