import { AuditChainVerification } from '@privdesk/domain';
import { EntityManager } from 'typeorm';

/**
 * The audit trail is a hash chain. Each entry stores its place (`seq`), the hash of the entry
 * before it (`prev_hash`) and `hash` = SHA-256 over both and its content (at, actor, action,
 * entity, fields, details), computed by the database function `audit_entry_hash` (migration
 * 1764090000013) at the insert, in the writer's transaction. Writers are serialised by a
 * transaction-scoped advisory lock, so the chain is one line; the lock is held from the insert to
 * the commit of the change it audits.
 */
const CHAIN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('privdesk-audit-chain'))`;

export interface ChainedAuditEvent {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  fields: string[];
  details: Record<string, unknown> | null;
}

/** Appends one entry to the chain; call inside the transaction of the change it records. */
export async function appendAuditEntry(manager: EntityManager, event: ChainedAuditEvent): Promise<void> {
  const append = async (transaction: EntityManager) => {
    await transaction.query(CHAIN_LOCK);
    await transaction.query(
      `WITH last AS (SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1),
            entry AS (SELECT coalesce((SELECT seq FROM last), 0) + 1 AS seq, coalesce((SELECT hash FROM last), '') AS prev_hash, now() AS at)
       INSERT INTO audit_entry (seq, prev_hash, hash, at, actor_id, action, entity_type, entity_id, fields, details)
       SELECT seq, prev_hash, audit_entry_hash(prev_hash, seq, at, $1::uuid, $2::text, $3::text, $4::uuid, $5::text[], $6::jsonb), at, $1, $2, $3, $4, $5, $6
       FROM entry`,
      [event.actorId, event.action, event.entityType, event.entityId, event.fields, event.details === null ? null : JSON.stringify(event.details)],
    );
  };
  // A manager outside a transaction would release the lock before the insert.
  if (manager.queryRunner?.isTransactionActive) await append(manager);
  else await manager.transaction(append);
}

/**
 * Re-computes every entry's hash and checks its link to the one before; reports the first entry
 * that does not match: its content or hash was changed, or the entry before it was deleted or moved.
 * Deleting the newest entries leaves a shorter chain that still verifies: compare `head` with one
 * noted earlier to see that.
 */
export async function verifyAuditChain(manager: EntityManager): Promise<AuditChainVerification> {
  const [broken] = await manager.query(
    `SELECT id, seq, at, action, reason FROM (
       SELECT id, seq, at, action,
              CASE WHEN seq <> coalesce(lag(seq) OVER w, 0) + 1 THEN 'entry-missing'
                   WHEN prev_hash <> coalesce(lag(hash) OVER w, '') THEN 'link-broken'
                   WHEN hash <> audit_entry_hash(prev_hash, seq, at, actor_id, action, entity_type, entity_id, fields, details) THEN 'hash-mismatch'
              END AS reason
       FROM audit_entry WINDOW w AS (ORDER BY seq)
     ) checked
     WHERE reason IS NOT NULL ORDER BY seq LIMIT 1`,
  );
  const [head] = await manager.query(`SELECT seq, hash, (SELECT count(*) FROM audit_entry) AS entries FROM audit_entry ORDER BY seq DESC LIMIT 1`);
  return {
    intact: !broken,
    entries: head ? Number(head.entries) : 0,
    head: head ? { seq: Number(head.seq), hash: head.hash } : null,
    broken: broken ? { id: broken.id, seq: Number(broken.seq), at: new Date(broken.at).toISOString(), action: broken.action, reason: broken.reason } : null,
  };
}
