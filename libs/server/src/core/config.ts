import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());

/** The environment Privdesk reads, validated once at start. Feature code reads this, never process.env. */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Unset: the queues run on BullMQ's PostgreSQL backend (the embedded default). */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Namespace of the queues' keys, so several installations can share one Redis. */
  @Matches(/^[a-z0-9-]+$/, { message: 'QUEUE_PREFIX may hold lower-case letters, digits and dashes' })
  QUEUE_PREFIX = 'privdesk';

  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET!: string;

  /** Secure cookies need HTTPS; on by default in production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SESSION_TTL_HOURS = 10;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /**
   * How many reverse proxies in front of Privdesk add to X-Forwarded-For; the client's address is
   * read that many hops from the right. 0: the header is ignored and the connection's address
   * counts, so nobody can pick an address to get around the sign-in and form limits.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'TRUST_PROXY_HOPS must be a whole number of proxies (0 when Privdesk is reached directly)' })
  @Min(0, { message: 'TRUST_PROXY_HOPS must be a whole number of proxies (0 when Privdesk is reached directly)' })
  @Max(10, { message: 'TRUST_PROXY_HOPS must be at most 10' })
  TRUST_PROXY_HOPS = 0;

  /** Messages per minute and address through the public contact and application forms. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  PUBLIC_FORMS_PER_MINUTE = 5;

  /** Folder of the built web app, served from the API's origin. Empty: do not serve it. */
  @IsString()
  WEB_DIST = 'dist/apps/web/browser';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The month the financial year ends (12 = calendar year), for bookkeeping retention. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(12)
  FINANCIAL_YEAR_END_MONTH = 12;

  /** SMTP server for outgoing mail, e.g. smtp://user:pass@smtp.example.com:587. Unset: mails stay in the outbox. */
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Privdesk <privdesk@localhost>';

  /** Admins are told a week ahead when a nightly cull would remove more records than this. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  RETENTION_REMINDER_THRESHOLD = 50;

  /** Records per cull transaction. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  CULL_BATCH_SIZE = 2000;

  /**
   * How many workers may share one cull: the run is offered as this many jobs, which take its
   * batches in turn (each batch under the run's lock, so no record is looked at twice).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(16)
  CULL_PARTS = 2;

  /**
   * Secret (at least 32 characters) from which the key that encrypts device login passwords is
   * derived. Unset: Privdesk refuses to store device passwords.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'DEVICE_PASSWORD_KEY must be at least 32 characters' })
  DEVICE_PASSWORD_KEY?: string;

  /** The address people reach Privdesk at, for links in mails (e.g. the marketing opt-out). */
  @Matches(/^https?:\/\/[^/]+(\/.*)?$/, { message: 'PUBLIC_URL must be an http(s):// URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Quote follow-ups go out this many days before a quote's validity ends. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  QUOTE_FOLLOW_UP_DAYS = 7;

  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.NODE_ENV === 'production';
  }
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => `  - ${message}`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
