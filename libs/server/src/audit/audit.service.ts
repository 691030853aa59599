import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditChainVerification, AuditEntry as AuditEntryView, AuditQuery, MAX_PAGE_SIZE, Page } from '@privdesk/domain';
import { EntityManager, Repository } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';
import { appendAuditEntry, verifyAuditChain } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';

export interface AuditEvent {
  actorId: string | null;
  /** `<entity>.<verb>`, e.g. `person.updated`, `person.personnummer.viewed`. */
  action: string;
  entityType: string;
  entityId: string | null;
  /** Names of the fields touched or viewed — never their values. */
  fields?: string[];
  /** Before/after values, only for records without personal data (the policy table). */
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Records an event; pass the transaction's manager so the entry commits or rolls back with the change. */
  async record(event: AuditEvent, manager: EntityManager = this.entries.manager): Promise<void> {
    await appendAuditEntry(manager, {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      fields: [...(event.fields ?? [])].sort(),
      details: event.details ?? null,
    });
  }

  /** Checks the hash chain of the whole trail; names the first entry that does not verify. */
  verify(): Promise<AuditChainVerification> {
    return verifyAuditChain(this.entries.manager);
  }

  async search(query: AuditQuery): Promise<Page<AuditEntryView>> {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 50, MAX_PAGE_SIZE);
    const builder = this.entries
      .createQueryBuilder('entry')
      .leftJoin(StaffUser, 'actor', 'actor.id = entry.actor_id')
      .select(['entry.id', 'entry.at', 'entry.actorId', 'entry.action', 'entry.entityType', 'entry.entityId', 'entry.fields', 'entry.details'])
      .addSelect('actor.email', 'actor_email');
    if (query.actorId) builder.andWhere('entry.actor_id = :actorId', { actorId: query.actorId });
    if (query.entityType) builder.andWhere('entry.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('entry.entity_id = :entityId', { entityId: query.entityId });
    if (query.action) builder.andWhere('entry.action LIKE :action', { action: `${query.action.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.from) builder.andWhere(`entry.at >= (:from::date AT TIME ZONE 'Europe/Stockholm')`, { from: query.from });
    if (query.to) builder.andWhere(`entry.at < ((:to::date + 1) AT TIME ZONE 'Europe/Stockholm')`, { to: query.to });
    const total = await builder.getCount();
    const { entities, raw } = await builder
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities<{ actor_email: string | null }>();
    return {
      items: entities.map((entry, index) => ({
        id: entry.id,
        at: entry.at.toISOString(),
        actorId: entry.actorId,
        actorEmail: raw[index]?.actor_email ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        fields: entry.fields,
        details: entry.details,
      })),
      total,
      page,
      pageSize,
    };
  }
}
