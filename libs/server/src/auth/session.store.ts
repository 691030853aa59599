import { Session } from 'fastify';
import { DataSource } from 'typeorm';
import { StaffSession } from './staff-session.entity';

type Callback = (error?: unknown) => void;
type GetCallback = (error: unknown, session?: Session | null) => void;

/** Sessions are written again at most this often when nothing in them changed (the idle clock moves in steps). */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60_000;

/** @fastify/session store on PostgreSQL, so that sessions survive restarts and can be revoked per user. */
export class PgSessionStore {
  /** What each session looked like when this request read it; a rolling save of unchanged data is skipped. */
  private readonly read = new Map<string, { data: string; expiresAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs: number,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    const now = Date.now();
    const data = JSON.stringify(session);
    const seen = this.read.get(sessionId);
    this.read.delete(sessionId);
    // Every response of a rolling session saves it; without a change, once per interval is enough.
    if (seen && seen.data === contentOf(session) && seen.expiresAt - now > this.ttlMs - SESSION_TOUCH_INTERVAL_MS) {
      callback();
      return;
    }
    const expiresAt = new Date(now + this.ttlMs);
    this.dataSource
      .query(
        `INSERT INTO staff_session (id, user_id, data, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [sessionId, session.userId ?? null, data, expiresAt],
      )
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: GetCallback): void {
    this.dataSource
      .getRepository(StaffSession)
      .createQueryBuilder('session')
      .where('session.id = :sessionId AND session.expires_at > now()', { sessionId })
      .getOne()
      .then(
        (row) => {
          if (row) {
            if (this.read.size > 10_000) this.read.clear();
            this.read.set(sessionId, { data: contentOf(row.data as unknown as Session), expiresAt: row.expiresAt.getTime() });
          }
          callback(null, row ? (row.data as unknown as Session) : null);
        },
        (error) => callback(error),
      );
  }

  destroy(sessionId: string, callback: Callback): void {
    this.read.delete(sessionId);
    this.dataSource
      .getRepository(StaffSession)
      .delete({ id: sessionId })
      .then(() => callback(), callback);
  }
}

/** A session's content without its cookie, whose expiry a rolling session moves on every response. */
function contentOf(session: Session): string {
  return JSON.stringify({ ...session, cookie: undefined });
}
