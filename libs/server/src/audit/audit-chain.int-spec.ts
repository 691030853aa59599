import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditChainVerification } from '@privdesk/domain';
import { EntityManager, QueryRunner } from 'typeorm';
import { exitOf, startProcess } from '../../test/processes';
import { dataSourceOf, startTestApp, testConfig, TestClient } from '../../test/test-app';
import { AuditHashChain1764090000013 } from '../database/migrations/1764090000013-audit-hash-chain';
import { verifyAuditChain } from './audit-chain';
import { AuditService } from './audit.service';

describe('the audit trail is a hash chain', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await TestClient.signedIn(app, 'admin');
    const audit = app.get(AuditService);
    // Concurrent writers: the lock makes them one line.
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        audit.record({ actorId: null, action: `test.event${index}`, entityType: 'test', entityId: null, fields: ['b', 'a'], details: { index, words: 'å ä ö "quoted"' } }),
      ),
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Tampers inside a transaction, verifies there and rolls everything back. */
  async function tampered(tamper: (manager: EntityManager, rows: Array<{ id: string; seq: string; hash: string; action: string }>) => Promise<void>): Promise<AuditChainVerification> {
    const runner = dataSourceOf(app).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const rows = await runner.manager.query('SELECT id, seq, hash, action FROM audit_entry ORDER BY seq');
      await tamper(runner.manager, rows);
      return await verifyAuditChain(runner.manager);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('verifies an untouched chain: consecutive places, each linked to the one before', async () => {
    const result = await verifyAuditChain(dataSourceOf(app).manager);
    const rows = await dataSourceOf(app).query('SELECT seq, prev_hash, hash FROM audit_entry ORDER BY seq');

    expect(result).toMatchObject({ intact: true, broken: null, entries: rows.length });
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.map((row: { seq: string }) => Number(row.seq))).toEqual(rows.map((_: unknown, index: number) => index + 1));
    expect(rows[0].prev_hash).toBe('');
    rows.slice(1).forEach((row: { prev_hash: string }, index: number) => expect(row.prev_hash).toBe(rows[index].hash));
    expect(result.head).toEqual({ seq: rows.length, hash: rows[rows.length - 1].hash });
  });

  it('names the entry whose details were edited', async () => {
    const result = await tampered(async (manager, rows) => {
      await manager.query(`UPDATE audit_entry SET details = '{"index": 99}' WHERE id = $1`, [rows[5].id]);
    });
    const rows = await dataSourceOf(app).query('SELECT id, seq, action FROM audit_entry ORDER BY seq');

    expect(result.intact).toBe(false);
    expect(result.broken).toMatchObject({ id: rows[5].id, seq: 6, action: rows[5].action, reason: 'hash-mismatch' });
  });

  it.each([
    ['actor', `actor_id = gen_random_uuid()`],
    ['action', `action = 'test.other'`],
    ['time', `at = at - interval '1 microsecond'`],
    ['fields', `fields = '{a}'`],
    ['entity', `entity_type = 'other'`],
  ])('names the entry whose %s was edited', async (_what, change) => {
    const result = await tampered(async (manager, rows) => {
      await manager.query(`UPDATE audit_entry SET ${change} WHERE id = $1`, [rows[3].id]);
    });

    expect(result.broken).toMatchObject({ seq: 4, reason: 'hash-mismatch' });
  });

  it('names the entry after a deleted one', async () => {
    const rows = await dataSourceOf(app).query('SELECT id, seq, action FROM audit_entry ORDER BY seq');
    const result = await tampered(async (manager) => {
      await manager.query('DELETE FROM audit_entry WHERE id = $1', [rows[4].id]);
    });

    expect(result.broken).toMatchObject({ id: rows[5].id, seq: 6, reason: 'entry-missing' });
  });

  it('names the entry after a deleted first entry', async () => {
    const rows = await dataSourceOf(app).query('SELECT id FROM audit_entry ORDER BY seq');
    const result = await tampered(async (manager) => {
      await manager.query('DELETE FROM audit_entry WHERE id = $1', [rows[0].id]);
    });

    expect(result.broken).toMatchObject({ id: rows[1].id, seq: 2, reason: 'entry-missing' });
  });

  it('names the first of two entries whose hashes were swapped', async () => {
    const rows = await dataSourceOf(app).query('SELECT id FROM audit_entry ORDER BY seq');
    const result = await tampered(async (manager, before) => {
      await manager.query('UPDATE audit_entry SET hash = $2 WHERE id = $1', [before[2].id, before[7].hash]);
      await manager.query('UPDATE audit_entry SET hash = $2 WHERE id = $1', [before[7].id, before[2].hash]);
    });

    expect(result.broken).toMatchObject({ id: rows[2].id, seq: 3, reason: 'hash-mismatch' });
  });

  it('names an entry moved to another place, and one re-hashed without its link', async () => {
    const rows = await dataSourceOf(app).query('SELECT id FROM audit_entry ORDER BY seq');
    const moved = await tampered(async (manager, before) => {
      // Swap the places of entries 3 and 8 (through a free place: seq is unique).
      await manager.query('UPDATE audit_entry SET seq = -1 WHERE id = $1', [before[2].id]);
      await manager.query('UPDATE audit_entry SET seq = 3 WHERE id = $1', [before[7].id]);
      await manager.query('UPDATE audit_entry SET seq = 8 WHERE id = $1', [before[2].id]);
    });
    const relinked = await tampered(async (manager, before) => {
      // An edit whose author re-computed the entry's own hash, but not the chain after it.
      await manager.query(
        `UPDATE audit_entry SET details = '{"index": 99}', hash = audit_entry_hash(prev_hash, seq, at, actor_id, action, entity_type, entity_id, fields, '{"index": 99}') WHERE id = $1`,
        [before[4].id],
      );
    });

    expect(moved.broken).toMatchObject({ id: rows[7].id, seq: 3 });
    expect(relinked.broken).toMatchObject({ id: rows[5].id, seq: 6, reason: 'link-broken' });
  });

  it('chains the entries a migration finds: the back-fill follows the order they were written', async () => {
    const result = await tampered(async (manager) => {
      const migration = new AuditHashChain1764090000013();
      const runner = manager.queryRunner as QueryRunner;
      await migration.down(runner);
      await manager.query(
        `INSERT INTO audit_entry (at, action, entity_type, fields, details)
         VALUES (now() - interval '2 days', 'old.second', 't', '{x}', NULL), (now() - interval '3 days', 'old.first', 't', '{}', '{"a": [1, "två"]}')`,
      );
      await migration.up(runner);
      const [first] = await manager.query('SELECT action FROM audit_entry WHERE seq = 1');
      expect(first.action).toBe('old.first');
    });

    expect(result).toMatchObject({ intact: true, broken: null });
    expect(result.entries).toBeGreaterThanOrEqual(14);
  });

  it('answers admins at GET /api/audit/verify', async () => {
    const response = await admin.get('/api/audit/verify');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ intact: true, broken: null });
    expect(response.body.entries).toBeGreaterThanOrEqual(12);
  });

  it('prints OK from `cli.js verify-audit`, and the broken entry with a non-zero exit once an entry is edited', async () => {
    const env = { ...process.env, DATABASE_URL: testConfig().DATABASE_URL, SESSION_SECRET: testConfig().SESSION_SECRET };
    const intact = startProcess('dist/apps/api/cli.js', ['verify-audit'], env);
    expect(await exitOf(intact.child)).toBe(0);
    expect(intact.output()).toMatch(/OK: \d+ audit entries verify/);

    const [victim] = await dataSourceOf(app).query(`SELECT id, seq, action FROM audit_entry WHERE action = 'test.event7'`);
    await dataSourceOf(app).query(`UPDATE audit_entry SET fields = '{}' WHERE id = $1`, [victim.id]);
    const broken = startProcess('dist/apps/api/cli.js', ['verify-audit'], env);
    expect(await exitOf(broken.child)).toBe(1);
    expect(broken.output()).toContain(`BROKEN: the audit trail's chain breaks at entry ${victim.seq}`);
    expect(broken.output()).toContain('test.event7');
    expect((await admin.get('/api/audit/verify')).body.broken).toMatchObject({ id: victim.id, reason: 'hash-mismatch' });
  }, 60_000);
});
