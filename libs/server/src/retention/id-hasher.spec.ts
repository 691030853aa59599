import { EntityManager } from 'typeorm';
import { InstallationSetting } from '../settings/installation-setting.entity';
import { IdHasher } from './id-hasher';

/** The certificates' keyed hashes: stable for one installation, revealing nothing without its key. */
describe('IdHasher', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

  async function hasherWithKey(key: string) {
    const findOneByOrFail = jest.fn(async () => ({ key: 'retention.hash_key', value: key }));
    return { hasher: await IdHasher.load({ findOneByOrFail } as unknown as EntityManager), findOneByOrFail };
  }

  it('reads the installation’s key', async () => {
    const { findOneByOrFail } = await hasherWithKey('k3y');
    expect(findOneByOrFail).toHaveBeenCalledWith(InstallationSetting, { key: 'retention.hash_key' });
  });

  it('is HMAC-SHA256 of "type:id" under the key (a certificate written today still verifies tomorrow)', async () => {
    const { hasher } = await hasherWithKey('k3y');
    expect(hasher.hash('ticket', id)).toBe('b61dc620502bb390f2043b60641f5346929a37da9c61880a1dd62acef2119374');
  });

  it.each([
    // case, record type, id, same hash as ticket/id under k3y
    ['the same id in upper case', 'ticket', id.toUpperCase(), true],
    ['the same id of another record type', 'quote', id, false],
    ['another id', 'ticket', id.replace(/e$/, 'f'), false],
  ])('%s → same hash: %s', async (_case, recordType, otherId, same) => {
    const { hasher } = await hasherWithKey('k3y');
    expect(hasher.hash(recordType, otherId) === hasher.hash('ticket', id)).toBe(same);
  });

  it('gives another installation (another key) other hashes', async () => {
    const [{ hasher: ours }, { hasher: theirs }] = await Promise.all([hasherWithKey('k3y'), hasherWithKey('another key')]);
    expect(theirs.hash('ticket', id)).not.toBe(ours.hash('ticket', id));
  });
});
