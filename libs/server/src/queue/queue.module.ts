import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { QUEUES } from '@privdesk/domain';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { AppConfig } from '../core/config';

/** ioredis options from a redis:// URL. */
export function redisOptions(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires unlimited retries per request.
    maxRetriesPerRequest: null,
  };
}

/**
 * BullMQ on Redis when REDIS_URL is set (production, compose, tests); on BullMQ's PostgreSQL
 * backend otherwise, so the embedded default needs no Redis.
 */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.REDIS_URL) setDefaultBackendFactory(createPostgresBackend);
    const connection = config.REDIS_URL
      ? redisOptions(config.REDIS_URL)
      : // @nestjs/bullmq's typings know only Redis connections; the PostgreSQL backend takes these options.
        ({ connectionString: config.DATABASE_URL, migrate: true } as unknown as ReturnType<typeof redisOptions>);
    return {
      module: QueueModule,
      global: true,
      imports: [BullModule.forRoot({ connection, prefix: config.QUEUE_PREFIX }), ...Object.values(QUEUES).map((name) => BullModule.registerQueue({ name }))],
      exports: [BullModule],
    };
  }
}
