import { Controller, Get, HttpStatus, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthStatus } from '@privdesk/domain';
import { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorator';
import { AppConfig } from '../core/config';
import { redisOptions } from '../queue/queue.module';
import { missingSchedules } from '../queue/schedules';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';

/** Liveness of PostgreSQL and of the queue backend (Redis, or PostgreSQL on the embedded default). */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly redis: Redis | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    config: AppConfig,
  ) {
    this.redis = config.REDIS_URL
      ? new Redis({ ...redisOptions(config.REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false })
      : null;
  }

  @Get()
  @Public()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatus> {
    const database = await this.dataSource.query('SELECT 1').then(() => 'up' as const, () => 'down' as const);
    const queue = this.redis
      ? { backend: 'redis' as const, status: await this.pingRedis(this.redis) }
      : { backend: 'postgres' as const, status: database };
    // Only a queue that answers can be asked what it holds.
    const missing = queue.status === 'up' ? await missingSchedules((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })) : [];
    const status = database === 'up' && queue.status === 'up' && !missing.length ? 'ok' : 'degraded';
    void reply.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, database, queue, missingSchedules: missing };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }

  private async pingRedis(redis: Redis): Promise<'up' | 'down'> {
    try {
      if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
      return (await redis.ping()) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }
}
