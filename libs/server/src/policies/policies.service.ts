import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RetentionPolicy as Policy, PolicyView } from '@privdesk/domain';
import { EntityManager, Repository } from 'typeorm';
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
  return { ...toPolicy(row), expiryAction: row.expiryAction, updatedAt: row.updatedAt.toISOString() };
}

/** The stored policy table: what retention is computed from. */
@Injectable()
export class PoliciesService {
  constructor(@InjectRepository(RetentionPolicy) private readonly policies: Repository<RetentionPolicy>) {}

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
}
