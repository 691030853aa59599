import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { InstallationSetting } from '../settings/installation-setting.entity';

/**
 * Keyed hashes of culled records' ids. The key lives in the database (installation_setting), so
 * a certificate can later answer "was record X culled?" and a restored backup can re-apply the
 * deletions, while the certificate alone reveals no id.
 */
export class IdHasher {
  private constructor(private readonly key: string) {}

  static async load(manager: EntityManager): Promise<IdHasher> {
    const setting = await manager.findOneByOrFail(InstallationSetting, { key: 'retention.hash_key' });
    return new IdHasher(setting.value);
  }

  hash(recordType: string, id: string): string {
    return createHmac('sha256', this.key).update(`${recordType}:${id.toLowerCase()}`).digest('hex');
  }
}
