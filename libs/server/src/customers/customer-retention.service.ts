import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../core/config';
import { PoliciesService } from '../policies/policies.service';
import { recomputePeople } from '../privacy/people-lifecycle';
import { recomputeCustomer } from '../privacy/recompute';

/**
 * Recomputes deadlines inside the caller's transaction whenever a date that drives them changes:
 * everything a customer's agreements drive, or one person's (from his or her roles). The
 * arithmetic and the tables come from the personal-data registry.
 */
@Injectable()
export class CustomerRetentionService {
  constructor(
    private readonly policies: PoliciesService,
    private readonly config: AppConfig,
  ) {}

  async recompute(manager: EntityManager, customerId: string): Promise<void> {
    await recomputeCustomer(manager, customerId, (code, inner) => this.policies.get(code, inner), this.config.FINANCIAL_YEAR_END_MONTH);
  }

  /** A person is kept while any of his or her roles, at any customer, is kept. */
  async recomputePerson(manager: EntityManager, personId: string): Promise<void> {
    await recomputePeople(manager, [personId]);
  }
}
