/**
 * Operations on the database that run before the processes start:
 *   migrate            create the database if missing and apply pending migrations
 *   bootstrap [--demo] migrate, create the first admin on an empty database (FIRST_ADMIN_EMAIL,
 *                      FIRST_ADMIN_PASSWORD, or a generated password printed once), and with
 *                      --demo add demo staff and customers
 *   reapply-deletions  after restoring an older backup: cull again every record the deletion
 *                      certificates say was culled
 *   verify-audit       check the audit trail's hash chain: prints OK with the newest entry's hash,
 *                      or the first entry that does not verify and exits with 1
 */
import { NestFactory } from '@nestjs/core';
import { AuditService, DEMO_ADMIN, loadConfig, migrateDatabase, ReapplyService, SeedModule, SeedService } from '@privdesk/server';
import 'reflect-metadata';

async function main() {
  const [command, ...flags] = process.argv.slice(2);
  const config = loadConfig();
  if (!['migrate', 'bootstrap', 'reapply-deletions', 'verify-audit'].includes(command)) {
    console.error('Usage: cli.js migrate | bootstrap [--demo] | reapply-deletions | verify-audit');
    process.exit(2);
  }
  const applied = await migrateDatabase(config.DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
  if (command === 'migrate') return;

  const demo = flags.includes('--demo');
  const context = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    if (command === 'reapply-deletions') {
      const result = await context.get(ReapplyService).reapplyDeletions();
      console.log(`Re-applied deletions from the certificates: ${JSON.stringify(result)}`);
      return;
    }
    if (command === 'verify-audit') {
      const result = await context.get(AuditService).verify();
      if (result.broken) {
        const { seq, at, action, id, reason } = result.broken;
        console.log(`BROKEN: the audit trail's chain breaks at entry ${seq} (${at}, ${action}, id ${id}): ${reason}`);
        process.exitCode = 1;
      } else {
        console.log(`OK: ${result.entries} audit entries verify; newest ${result.head ? `${result.head.seq} ${result.head.hash}` : 'none'}`);
      }
      return;
    }
    const seed = context.get(SeedService);
    const email = process.env['FIRST_ADMIN_EMAIL'] ?? DEMO_ADMIN.email;
    const password = process.env['FIRST_ADMIN_PASSWORD'] ?? (demo ? DEMO_ADMIN.password : undefined);
    const admin = await seed.firstAdmin(email, password);
    if (admin?.password) {
      console.log(`\nFirst admin created: ${admin.email}\nPassword (shown once, change it after signing in): ${admin.password}\n`);
    } else if (admin) {
      console.log(`First admin created: ${admin.email}`);
    }
    if (demo) await seed.demo();
  } finally {
    await context.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
