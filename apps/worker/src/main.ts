import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { closeOnSignals, loadConfig, WorkerModule } from '@privdesk/server';
import { Logger } from 'nestjs-pino';
import 'reflect-metadata';

async function main() {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  closeOnSignals(app, 'Worker');
  await app.init();
  new NestLogger('Worker').log(`Worker ready (queues on ${config.REDIS_URL ? 'Redis' : 'PostgreSQL'})`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
