import { Session } from 'fastify';
import { DataSource } from 'typeorm';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

type Callback = (error?: unknown) => void;
type GetCallback = (error: unknown, session?: Session | null) => void;

/** Sessions are written again at most this often when nothing in them changed (the idle clock moves in steps). */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60_000;

/**
 * The signed-in user, read in the same query as the session, for the access guard of the same
 * request: one round trip less on every call. Entries live a second at most, and parallel requests
 * of one session share them (each read refreshes the entry).
 */
const usersReadWithSessions = new Map<string, { user: StaffUser; at: number }>();

export function takeUserReadWithSession(sessionId: string): StaffUser | null {
  const entry = usersReadWithSessions.get(sessionId);
  return entry && Date.now() - entry.at < 1000 ? entry.user : null;
}

/** @fastify/session store on PostgreSQL, so that sessions survive restarts and can be revoked per user. */
export class PgSessionStore {
  /**
   * What each session looks like in the database, as last read or written here; a rolling save of
   * unchanged data is skipped. Kept across a save, so parallel requests of one session all see it.
   */
  private readonly read = new Map<string, { data: string; expiresAt: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs: number,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    const now = Date.now();
    const data = JSON.stringify(session);
    const seen = this.read.get(sessionId);
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
      .then(() => {
        this.read.set(sessionId, { data: contentOf(session), expiresAt: expiresAt.getTime() });
        callback();
      }, callback);
  }

  get(sessionId: string, callback: GetCallback): void {
    this.dataSource
      .getRepository(StaffSession)
      .createQueryBuilder('session')
      .leftJoinAndMapOne('session.user', StaffUser, 'user', 'user.id = session.user_id')
      .where('session.id = :sessionId AND session.expires_at > now()', { sessionId })
      .getOne()
      .then(
        (row) => {
          if (row) {
            if (this.read.size > 10_000) this.read.clear();
            if (usersReadWithSessions.size > 10_000) usersReadWithSessions.clear();
            this.read.set(sessionId, { data: contentOf(row.data as unknown as Session), expiresAt: row.expiresAt.getTime() });
            const user = (row as StaffSession & { user?: StaffUser | null }).user;
            if (user) usersReadWithSessions.set(sessionId, { user, at: Date.now() });
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
