import { ConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'postgres://u@localhost:5432/privdesk', SESSION_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('takes defaults for what is not set', () => {
    const config = loadConfig(valid);

    expect(config).toMatchObject({ PORT: 3000, QUEUE_PREFIX: 'privdesk', LOGIN_ATTEMPTS_PER_MINUTE: 10, FINANCIAL_YEAR_END_MONTH: 12, TRUST_PROXY_HOPS: 0 });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it.each([
    [{ NODE_ENV: 'production' }, true],
    [{ NODE_ENV: 'development' }, false],
    [{ NODE_ENV: 'production', COOKIE_SECURE: 'false' }, false],
    [{ NODE_ENV: 'development', COOKIE_SECURE: 'true' }, true],
  ])('secures cookies by environment: %o → %s', (env, secure) => {
    expect(loadConfig({ ...valid, ...env }).cookieSecure).toBe(secure);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...valid, REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: undefined }, 'DATABASE_URL must be a postgres:// URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters'],
    [{ PORT: 'eighty' }, 'PORT must be an integer number'],
    [{ FINANCIAL_YEAR_END_MONTH: '13' }, 'FINANCIAL_YEAR_END_MONTH must not be greater than 12'],
    [{ QUEUE_PREFIX: 'Bad Prefix' }, 'QUEUE_PREFIX may hold lower-case letters, digits and dashes'],
    [{ TRUST_PROXY_HOPS: 'true' }, 'TRUST_PROXY_HOPS must be a whole number of proxies'],
    [{ TRUST_PROXY_HOPS: '-1' }, 'TRUST_PROXY_HOPS must be a whole number of proxies'],
  ])('refuses to start with %o', (env, message) => {
    expect(() => loadConfig({ ...valid, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, ...env })).toThrow(message);
  });
});
