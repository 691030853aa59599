import { areaConfig } from './shared.mjs';

/**
 * Area "server": the retention, rights and access-check code of libs/server that unit tests
 * (*.spec.ts, no database) can reach. Mutated, each with its spec beside it:
 *   auth/access.decorator.ts, auth/access.guard.ts   who may call a route (the global guard)
 *   auth/auth.service.ts (verifyCredentials, userOfSession) and auth/session.store.ts
 *     (takeUserReadWithSession)                       who counts as signed in: active staff only
 *   retention/cull-plan.ts (cullOrder … pendingSql)   what the cull visits and when a record is due
 *   retention/id-hasher.ts                            the certificates' keyed id hashes
 * Not mutated: the rest of retention/ and rights/ (cull, erasure, subject access, recompute,
 * certificates) is SQL against PostgreSQL, tested by the *.int-spec.ts integration tests — a
 * database per run is far too slow to repeat for every mutant. The pure rules those services
 * apply (deadlines, policies, rights texts) live in libs/domain and are the "domain" area.
 */
export default areaConfig({
  name: 'server',
  jestConfig: 'libs/server/jest.config.cts',
  mutate: [
    'libs/server/src/auth/access.decorator.ts',
    'libs/server/src/auth/access.guard.ts',
    'libs/server/src/auth/auth.service.ts:22-26',
    'libs/server/src/auth/auth.service.ts:33-40',
    'libs/server/src/auth/session.store.ts:19-22',
    'libs/server/src/retention/cull-plan.ts:18-40',
    'libs/server/src/retention/id-hasher.ts',
  ],
  copy: ['libs/domain', 'libs/server'],
  // Its few static mutants are the access decorators themselves: always tested.
  ignoreStatic: false,
});
