import { FastifyRequest, Session } from 'fastify';
import { DataSource, Repository } from 'typeorm';
import { AuthService } from './auth.service';
import { hashPassword } from './password';
import { PgSessionStore, takeUserReadWithSession } from './session.store';
import { StaffSession } from './staff-session.entity';
import { StaffUser } from './staff-user.entity';

/** Who the access guard takes to be signed in, and who may sign in: active staff only. */

const staff = (id: string, active: boolean, passwordHash = '') => ({ id, email: `${id}@example.se`, role: 'admin', active, passwordHash }) as StaffUser;

function serviceWith(users: StaffUser[]) {
  const findOneBy = jest.fn(async (where: Partial<StaffUser>) => users.find((user) => (where.id ? user.id === where.id : user.email === where.email)) ?? null);
  const service = new AuthService({ findOneBy } as unknown as Repository<StaffUser>, {} as Repository<StaffSession>);
  return { service, findOneBy };
}

const request = (fields: { userId?: string; sessionId?: string; staffUser?: StaffUser } = {}) =>
  ({ session: fields.userId || fields.sessionId ? ({ userId: fields.userId, sessionId: fields.sessionId ?? 's1' } as unknown as Session) : undefined, staffUser: fields.staffUser }) as FastifyRequest;

/** What PgSessionStore.get leaves behind for the guard: the user read in the same query as the session. */
async function readSession(sessionId: string, userId: string, user: StaffUser | null): Promise<void> {
  const query = { leftJoinAndMapOne: () => query, where: () => query, getOne: async () => ({ id: sessionId, data: { userId }, expiresAt: new Date(Date.now() + 60_000), user }) };
  const dataSource = { getRepository: () => ({ createQueryBuilder: () => query }) } as unknown as DataSource;
  await new Promise<void>((resolve, reject) => new PgSessionStore(dataSource, 60_000).get(sessionId, (error) => (error ? reject(error) : resolve())));
}

describe('AuthService.userOfSession', () => {
  it.each([
    // case, request, users in the database, signed in as
    ['no session: nobody', {}, [staff('u1', true)], null],
    ['a session without a user (signed out): nobody', { sessionId: 's1' }, [staff('u1', true)], null],
    ['an active user: that user', { userId: 'u1' }, [staff('u1', true)], 'u1'],
    ['a deactivated user: nobody', { userId: 'u1' }, [staff('u1', false)], null],
    ['a user who no longer exists: nobody', { userId: 'u1' }, [staff('u2', true)], null],
  ] as const)('%s', async (_case, fields, users, signedIn) => {
    const { service } = serviceWith([...users]);
    const user = await service.userOfSession(request(fields));
    expect(user?.id ?? null).toBe(signedIn);
  });

  it('takes the user the guard already found for this request, without asking the database', async () => {
    const { service, findOneBy } = serviceWith([]);
    const user = staff('u1', false);
    expect(await service.userOfSession(request({ userId: 'u2', staffUser: user }))).toBe(user);
    expect(findOneBy).not.toHaveBeenCalled();
  });

  it('uses the user read with the session when it is the session’s user, also for a parallel request', async () => {
    const { service, findOneBy } = serviceWith([staff('u1', true)]);
    const readWithSession = staff('u1', true);
    await readSession('s-shared', 'u1', readWithSession);
    expect(await service.userOfSession(request({ userId: 'u1', sessionId: 's-shared' }))).toBe(readWithSession);
    expect(await service.userOfSession(request({ userId: 'u1', sessionId: 's-shared' }))).toBe(readWithSession);
    expect(findOneBy).not.toHaveBeenCalled();
  });

  it('asks the database once the user read with the session is a second old', async () => {
    const { service, findOneBy } = serviceWith([staff('u1', false)]);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      await readSession('s-old', 'u1', staff('u1', true));
      clock.mockReturnValue(now + 1000);
      expect(await service.userOfSession(request({ userId: 'u1', sessionId: 's-old' }))).toBeNull();
      expect(findOneBy).toHaveBeenCalledWith({ id: 'u1' });
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses a deactivated user read with the session', async () => {
    const { service } = serviceWith([staff('u1', true)]);
    await readSession('s-inactive', 'u1', staff('u1', false));
    expect(await service.userOfSession(request({ userId: 'u1', sessionId: 's-inactive' }))).toBeNull();
  });

  it('ignores a user read with the session who is not the session’s user', async () => {
    const { service, findOneBy } = serviceWith([staff('u1', false)]);
    await readSession('s-other', 'u1', staff('u2', true));
    expect(await service.userOfSession(request({ userId: 'u1', sessionId: 's-other' }))).toBeNull();
    expect(findOneBy).toHaveBeenCalledWith({ id: 'u1' });
  });
});

describe('the user read with the session (shared by the session’s parallel requests for a second)', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    // milliseconds between reading the session and the guard asking, still taken
    [0, true],
    [999, true],
    [1000, false],
    [5000, false],
  ])('%i ms later: used %s', async (later, used) => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    await readSession(`s-${later}`, 'u1', staff('u1', true));
    clock.mockReturnValue(now + later);
    expect(takeUserReadWithSession(`s-${later}`)?.id ?? null).toBe(used ? 'u1' : null);
    // Not taken away: a parallel request of the session within the second gets it too.
    expect(takeUserReadWithSession(`s-${later}`)?.id ?? null).toBe(used ? 'u1' : null);
  });

  it('is nobody for a session never read', () => {
    expect(takeUserReadWithSession('s-never')).toBeNull();
  });
});

describe('AuthService.verifyCredentials', () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword('correct horse battery');
  });

  it.each([
    // case, user active, e-mail typed, password, signed in
    ['the right password: signed in', true, 'u1@example.se', 'correct horse battery', true],
    ['the e-mail in another case and with spaces: signed in', true, '  U1@Example.SE ', 'correct horse battery', true],
    ['a wrong password: refused', true, 'u1@example.se', 'correct horse batter', false],
    ['a deactivated user with the right password: refused', false, 'u1@example.se', 'correct horse battery', false],
    ['an unknown e-mail: refused', true, 'u9@example.se', 'correct horse battery', false],
  ])('%s', async (_case, active, email, password, signedIn) => {
    const { service } = serviceWith([staff('u1', active, hash)]);
    const user = await service.verifyCredentials(email, password);
    expect(user?.id ?? null).toBe(signedIn ? 'u1' : null);
  });
});
