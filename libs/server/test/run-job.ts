import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Puts a job on a real queue and waits for the worker to finish it; returns the job's result. */
export async function runJob<T = unknown>(worker: INestApplicationContext, queueName: string, name: string, data: Record<string, unknown> = {}): Promise<T> {
  const queue = worker.get<Queue>(getQueueToken(queueName), { strict: false });
  const job = await queue.add(name, data, { removeOnComplete: false, removeOnFail: false });
  for (let attempt = 0; attempt < 300; attempt++) {
    const state = await job.getState();
    if (state === 'completed') return (await queue.getJob(job.id as string))?.returnvalue as T;
    if (state === 'failed') throw new Error(`Job ${name} failed: ${(await queue.getJob(job.id as string))?.failedReason}`);
    await sleep(100);
  }
  throw new Error(`Job ${name} did not finish in 30 s`);
}

/** Polls until the check returns a value other than undefined/false. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    await sleep(100);
  }
  throw new Error(`Timed out waiting for ${what}`);
}
