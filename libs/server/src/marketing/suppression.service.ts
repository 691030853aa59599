import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config';
import { DomainError, notFound } from '../core/errors';
import { Person } from '../people/person.entity';
import { InstallationSetting } from '../settings/installation-setting.entity';
import { MarketingSuppression } from './marketing-suppression.entity';
import { removeRecords } from '../privacy/records';

/**
 * The marketing suppression list and the one-click opt-out. Addresses are kept only as keyed
 * hashes (the installation's key, with a purpose prefix), so the list proves an objection
 * without holding the address.
 */
@Injectable()
export class SuppressionService {
  private key: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async isSuppressed(email: string | null | undefined, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!email) return false;
    return manager.existsBy(MarketingSuppression, { emailHash: await this.hash('suppression', email, manager) });
  }

  async suppress(email: string, source: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(MarketingSuppression)
      .values({ emailHash: await this.hash('suppression', email, manager), source })
      .orIgnore()
      .execute();
  }

  /** A person objected to direct marketing (Art. 21(3)), told to a colleague. */
  async objectFor(personId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const person = await manager.findOneBy(Person, { id: personId });
      if (!person) throw notFound('The person');
      if (!person.email) throw new DomainError('invalid', 'The person has no e-mail address to suppress', { email: ['No e-mail address on record'] });
      await this.suppress(person.email, 'staff', manager);
      // No longer processed for marketing (Art. 21(3)): the marketing record goes — and the person with it
      // when nothing else keeps him or her — while the keyed hash on the suppression list stays.
      const contacts: Array<{ id: string }> = await manager.query('SELECT id FROM marketing_contact WHERE person_id = $1', [personId]);
      await removeRecords(manager, 'marketing_contact', contacts.map((row) => row.id));
      await this.audit.record({ actorId, action: 'marketing.objection', entityType: 'person', entityId: personId, fields: ['email'] }, manager);
    });
  }

  /** The opt-out link every marketing mail carries. */
  async optOutLink(email: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const token = await this.hash('opt-out', email, manager);
    const query = new URLSearchParams({ email: email.toLowerCase(), token });
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/public/marketing/opt-out?${query}`;
  }

  /** Follows an opt-out link: the token proves the link came from us for this address. */
  async optOut(email: string, token: string): Promise<void> {
    const expected = Buffer.from(await this.hash('opt-out', email));
    const given = Buffer.from(token);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new DomainError('invalid', 'This opt-out link is not valid', { token: ['The link is not valid'] });
    }
    await this.dataSource.transaction(async (manager) => {
      await this.suppress(email, 'opt-out link', manager);
      const contacts: Array<{ id: string }> = await manager.query(
        'SELECT mc.id FROM marketing_contact mc JOIN person p ON p.id = mc.person_id WHERE lower(trim(p.email)) = lower(trim($1))',
        [email],
      );
      await removeRecords(manager, 'marketing_contact', contacts.map((row) => row.id));
    });
  }

  private async hash(purpose: 'suppression' | 'opt-out', email: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    if (!this.key) this.key = (await manager.findOneByOrFail(InstallationSetting, { key: 'retention.hash_key' })).value;
    return createHmac('sha256', this.key).update(`${purpose}:${email.trim().toLowerCase()}`).digest('hex');
  }
}
