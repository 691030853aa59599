import { Session } from 'fastify';
import { DataSource } from 'typeorm';
import { StaffSession } from './staff-session.entity';

type Callback = (error?: unknown) => void;
type GetCallback = (error: unknown, session?: Session | null) => void;

/** @fastify/session store on PostgreSQL, so that sessions survive restarts and can be revoked per user. */
export class PgSessionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs: number,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    const expiresAt = new Date(Date.now() + this.ttlMs);
    this.dataSource
      .query(
        `INSERT INTO staff_session (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [sessionId, session.userId ?? null, JSON.stringify(session), expiresAt],
      )
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: GetCallback): void {
    this.dataSource
      .getRepository(StaffSession)
      .createQueryBuilder('session')
      .where('session.id = :sessionId AND session.expires_at > now()', { sessionId })
      .getOne()
      .then((row) => callback(null, row ? (row.data as unknown as Session) : null), (error) => callback(error));
  }

  destroy(sessionId: string, callback: Callback): void {
    this.dataSource
      .getRepository(StaffSession)
      .delete({ id: sessionId })
      .then(() => callback(), callback);
  }
}
