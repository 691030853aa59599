import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AdditionalBasis, RetentionPolicy as Policy, PolicyView } from '@privdesk/domain';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../core/errors';
import { checkVersion } from '../core/versions';
import { RetentionPolicy } from './retention-policy.entity';

export function toPolicy(row: RetentionPolicy): Policy {
  return {
    code: row.code,
    purpose: { sv: row.purposeSv, en: row.purposeEn },
    dataCategories: { sv: row.dataCategoriesSv, en: row.dataCategoriesEn },
    legalBasis: row.legalBasis,
    clockStarts: { sv: row.clockStartsSv, en: row.clockStartsEn },
    rule: row.rule,
  };
}

export function toPolicyView(row: RetentionPolicy): PolicyView {
  return { ...toPolicy(row), expiryAction: row.expiryAction, additionalBases: row.additionalBases ?? [], updatedAt: row.updatedAt.toISOString(), version: row.version };
}

/** The stored policy table: what retention is computed from. */
@Injectable()
export class PoliciesService {
  constructor(
    @InjectRepository(RetentionPolicy) private readonly policies: Repository<RetentionPolicy>,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<PolicyView[]> {
    const rows = await this.policies.find({ order: { code: 'ASC' } });
    return rows.map(toPolicyView);
  }

  /** The policy for a purpose code, read inside the caller's transaction. */
  async get(code: string, manager: EntityManager = this.policies.manager): Promise<Policy> {
    const row = await manager.findOneBy(RetentionPolicy, { code });
    if (!row) throw new Error(`Policy ${code} is missing from the policy table`);
    return toPolicy(row);
  }

  /** Replaces a policy's further legal bases; they change no deadline, so nothing is recomputed. */
  async setAdditionalBases(code: string, bases: AdditionalBasis[], basedOn: number, actorId: string): Promise<PolicyView> {
    return this.policies.manager.transaction(async (manager) => {
      const row = await manager.findOne(RetentionPolicy, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('The policy');
      checkVersion(`Policy ${code}`, row.version, basedOn);
      const before = row.additionalBases;
      row.additionalBases = bases.filter((basis) => basis.legalBasis !== row.legalBasis).map((basis) => ({ legalBasis: basis.legalBasis, statement: { sv: basis.statement.sv, en: basis.statement.en } }));
      row.version += 1;
      const saved = await manager.save(row);
      await this.audit.record({ actorId, action: 'retention_policy.updated', entityType: 'retention_policy', entityId: null, fields: ['additionalBases'], details: { code, before, after: saved.additionalBases } }, manager);
      return toPolicyView(saved);
    });
  }
}
