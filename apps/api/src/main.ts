import { closeOnSignals, createHttpApp, loadConfig } from '@privdesk/server';
import 'reflect-metadata';

async function main() {
  const config = loadConfig();
  const app = await createHttpApp(config);
  closeOnSignals(app, 'Api');
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
