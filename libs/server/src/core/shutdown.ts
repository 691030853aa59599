import { INestApplicationContext, Logger } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: close the application — BullMQ workers finish the job in hand, HTTP
 * stops taking requests, connections close — then exit 0. A second signal exits at once.
 */
export function closeOnSignals(app: INestApplicationContext, name: string): void {
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    new Logger(name).log(`${signal} received: finishing work in hand, then stopping`);
    app.close().then(
      () => process.exit(0),
      (error) => {
        new Logger(name).error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
