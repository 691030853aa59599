import { QUEUES, SCHEDULED_JOBS } from '@privdesk/domain';
import { Queue } from 'bullmq';

type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The recurring jobs (`queue/job`) the queues do not hold; a queue that does not answer in time counts as holding them. */
export async function missingSchedules(queueOf: (name: QueueName) => Queue, timeoutMs = 2000): Promise<string[]> {
  const missing: string[] = [];
  for (const [name, jobs] of Object.entries(SCHEDULED_JOBS) as Array<[QueueName, readonly string[]]>) {
    const registered = await Promise.race([
      queueOf(name)
        .getJobSchedulers()
        .then((schedulers) => new Set(schedulers.map((scheduler) => scheduler.key))),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref()),
    ]).catch(() => null);
    if (registered) missing.push(...jobs.filter((job) => !registered.has(job)).map((job) => `${name}/${job}`));
  }
  return missing;
}
