import { areaConfig } from './shared.mjs';

/** Area "domain": all of libs/domain/src (pure logic and contract constants), against its unit tests. */
export default areaConfig({
  name: 'domain',
  jestConfig: 'libs/domain/jest.config.cts',
  mutate: ['libs/domain/src/**/*.ts', '!libs/domain/src/**/*.spec.ts'],
  copy: ['libs/domain'],
  // ~200 static mutants (the policy table, the contract constants and texts) at ~20 s each would
  // add over an hour on this machine; `npm run mutation -- domain --static` tests them too.
  ignoreStatic: true,
});
