import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail becomes a hash chain (`audit/audit-chain.ts`): each entry gets its place, the
 * previous entry's hash and its own hash. `audit_entry_hash` is the one definition of the hash,
 * used by every insert, by the verification and by this back-fill: SHA-256 (hex) over a JSON array
 * of the previous hash, the place, the time in microseconds since 1970 (independent of the
 * session's time zone), actor, action, entity type and id, fields and details. Existing entries
 * are chained in the order they were written (time, then id).
 */
export class AuditHashChain1764090000013 implements MigrationInterface {
  name = 'AuditHashChain1764090000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "seq" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "prev_hash" text`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "hash" text`);
    await queryRunner.query(
      `CREATE FUNCTION audit_entry_hash(prev_hash text, seq bigint, at timestamptz, actor_id uuid, action text, entity_type text, entity_id uuid, fields text[], details jsonb)
       RETURNS text LANGUAGE sql STABLE AS $$
         SELECT encode(sha256(convert_to(jsonb_build_array(prev_hash, seq, (extract(epoch FROM at) * 1000000)::bigint, actor_id, action, entity_type, entity_id, to_jsonb(fields), details)::text, 'UTF8')), 'hex')
       $$`,
    );
    await queryRunner.query(
      `UPDATE "audit_entry" e SET "seq" = n.seq FROM (SELECT id, row_number() OVER (ORDER BY at, id) AS seq FROM "audit_entry") n WHERE e.id = n.id`,
    );
    await queryRunner.query(
      `DO $$
       DECLARE
         entry record;
         previous text := '';
       BEGIN
         FOR entry IN SELECT * FROM audit_entry ORDER BY seq LOOP
           UPDATE audit_entry
              SET prev_hash = previous,
                  hash = audit_entry_hash(previous, entry.seq, entry.at, entry.actor_id, entry.action, entry.entity_type, entry.entity_id, entry.fields, entry.details)
            WHERE id = entry.id
           RETURNING hash INTO previous;
         END LOOP;
       END $$`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "seq" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "prev_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bb4ea39cbd1686232d5fdda3a0" ON "audit_entry" ("seq")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_bb4ea39cbd1686232d5fdda3a0"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "prev_hash"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "seq"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_hash`);
  }
}
