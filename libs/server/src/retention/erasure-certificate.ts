import { CertificateCount, computeRetention, CullOutcome, ErasureItem, EVIDENCE_POLICY, stockholmDate } from '@privdesk/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { toPolicy } from '../policies/policies.service';
import { RetentionPolicy } from '../policies/retention-policy.entity';
import { personalDataTable } from '../privacy/registry';
import { cullOrder } from './cull-plan';
import { DeletionCertificate } from './deletion-certificate.entity';
import { IdHasher } from './id-hasher';

/**
 * An erasure writes a deletion certificate like a cull run does (counts, ids as keyed hashes,
 * kept under A1), so re-applying deletions after a restore erases the person again. Certified:
 * the records erased, and the people and customers anonymised (the cull re-applies those as
 * anonymisation while something still refers to them). Records kept for their own sake with the
 * person taken out are not certified — re-applying would delete them; after a restore they point
 * at the person again, whom re-applying anonymises or deletes.
 */
export async function certifyErasure(manager: EntityManager, items: ReadonlyArray<Pick<ErasureItem, 'recordType' | 'id' | 'purpose' | 'outcome'>>): Promise<void> {
  const culled = new Set(cullOrder());
  const entries = items
    .filter((item) => culled.has(item.recordType))
    .flatMap((item): Array<{ recordType: string; id: string; purpose: string; result: 'deleted' | 'anonymised' }> => {
      if (item.outcome === 'erase') return [{ ...item, result: 'deleted' as const }];
      if (item.outcome === 'anonymise' && personalDataTable(item.recordType).cull === 'anonymise-while-referenced') return [{ ...item, result: 'anonymised' as const }];
      return [];
    });
  if (!entries.length) return;

  const hasher = await IdHasher.load(manager);
  const runId = randomUUID();
  await manager.query(
    `INSERT INTO certificate_entry (run_id, record_type, policy, outcome, id_hash)
     SELECT $1, e.record_type, e.policy, e.outcome, e.id_hash FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS e(record_type, policy, outcome, id_hash)`,
    [runId, entries.map((entry) => entry.recordType), entries.map((entry) => entry.purpose), entries.map((entry) => entry.result), entries.map((entry) => hasher.hash(entry.recordType, entry.id))],
  );

  const tally = new Map<string, CertificateCount>();
  for (const entry of entries) {
    const key = `${entry.recordType}|${entry.purpose}`;
    const count = tally.get(key) ?? { recordType: entry.recordType, policy: entry.purpose, deleted: 0, anonymised: 0, held: 0, reviewed: 0 };
    count[entry.result]++;
    tally.set(key, count);
  }
  const counts = [...tally.values()].sort((a, b) => a.recordType.localeCompare(b.recordType) || a.policy.localeCompare(b.policy));
  const outcomes: CullOutcome[] = ['deleted', 'anonymised', 'held', 'reviewed'];
  const totals = Object.fromEntries(outcomes.map((outcome) => [outcome, counts.reduce((sum, count) => sum + count[outcome], 0)])) as Record<CullOutcome, number>;
  const today = stockholmDate(new Date());
  const evidence = toPolicy(await manager.findOneByOrFail(RetentionPolicy, { code: EVIDENCE_POLICY.code }));
  const now = new Date();
  await manager.insert(DeletionCertificate, {
    runId,
    asOf: today,
    startedAt: now,
    finishedAt: now,
    counts,
    totals,
    purpose: evidence.code,
    retainUntil: computeRetention(evidence, { eventDate: today }).retainUntil as string,
  });
}
