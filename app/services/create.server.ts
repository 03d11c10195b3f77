// Builds the per-process services: database (migrated and seeded), addon switches, audit log, realtime publisher.
import type { Config } from '~/env.server';
import type { Services, AuditEntry, ServiceExtension } from './types.server';
import { openDatabase } from '~/db/client.server';
import { AUDIT_INSERT, auditParams } from '~/db/audit-sql.server';
import type { EmbeddedCluster, OwnerRole } from '~/db/embedded-postgres.server';
import { migrate } from '~/db/migrate.server';
import { seedDatabase } from '~/db/seed.server';
import { createAddonSwitches } from '~/domain/addon-switches.server';
import { ensureBootstrapAdmin } from '~/auth/users.server';
import { createRealtime } from '~/realtime/create.server';
import { log } from '~/utils/log.server';
import { purgeExpired } from '~/db/retention.server';
import { createStorage } from '~/storage/create.server';
import { createMailer } from '~/mail/mailer.server';
import { purgeOrphanUploads } from '~/areas/places/place-uploads.server';
import { withAdvisoryLock } from '~/ops/db-lock.server';
import { attachJobRunner, createJobRunner } from '~/ops/jobs.server';
import { purgeOrphanJourneyPhotos } from '~/areas/journey/photos/photos.server';
import { startNotificationJobs } from '~/areas/notifications/jobs.server';

export async function createServices(
  config: Config,
  // scheduledJobs: false on serverless hosts, where nothing may outlive a request (no purge at start, no timer).
  options: { extensions?: ServiceExtension[]; databaseRole?: OwnerRole; embedded?: Promise<EmbeddedCluster>; scheduledJobs?: boolean } = {},
): Promise<Services> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    role: options.databaseRole,
    embedded: options.embedded,
    log: (message) => log(config, 'info', message),
  });
  // Several instances may start together on one database: one at a time migrates, seeds and creates the first admin.
  await withAdvisoryLock(database.url, 'start-up', async () => {
    const applied = await migrate(database.sql);
    if (applied.length) log(config, 'info', `applied migrations: ${applied.join(', ')}`);
    await seedDatabase(database.sql);
    if (config.admin) await ensureBootstrapAdmin(database.db, config.admin);
  }).catch(async (error: Error) => {
    await database.close();
    throw error;
  });

  const closers: Array<() => Promise<void>> = [];
  const services: Services = {
    config,
    database,
    db: database.db,
    addons: createAddonSwitches(database.db),
    realtime: { publish: async () => {} },
    httpHooks: [],
    mcpSessions: { close: async () => 0 },
    storage: createStorage(config),
    mail: createMailer(config.mail),
    async audit(entry: AuditEntry) {
      // One raw INSERT (no Prisma query planning, no RETURNING): this runs on every MCP tool call.
      try {
        await database.sql.query(AUDIT_INSERT, auditParams(entry));
      } catch (error) {
        log(config, 'error', `audit write failed: ${(error as Error).message}`);
      }
    },
    async close() {
      for (const close of closers.reverse()) await close().catch(() => {});
      services.mail.close();
      await database.close();
    },
  };
  // Expired rows are purged at start-up and hourly (JOB_INTERVAL_SECONDS), once per period across all instances on
  // this database (app/ops/jobs.server.ts); a failed purge is logged and retried in the next period.
  const purge = () =>
    purgeExpired(database.db, { auditRetentionDays: config.auditRetentionDays, mcpIdleMs: config.mcp.sessionIdleMs }).catch((error: Error) =>
      log(config, 'error', `retention purge failed: ${error.message}`),
    )
    // (then uploaded place photos no place shows any more: deleted trips)
    .then(() => purgeOrphanUploads(services))
    // (and journey photos whose journey was deleted)
    .then(() => purgeOrphanJourneyPhotos(services))
    .catch((error: Error) => log(config, 'error', `upload purge failed: ${error.message}`));
  // Without timers (serverless) the jobs run when the host's cron calls /api/cron (app/ops/cron.server.ts).
  const jobs = createJobRunner(database.url, { timers: options.scheduledJobs !== false });
  attachJobRunner(services, jobs);
  closers.push(jobs.stop);
  await jobs.add({ name: 'purge', intervalMs: config.jobIntervalMs, run: purge, log: (level, message) => log(config, level, message) });
  const realtime = await createRealtime(config, services);
  services.realtime = realtime.publisher;
  if (realtime.httpHook) services.httpHooks.push(realtime.httpHook);
  closers.push(realtime.close);
  // Notification deliveries (e-mail, webhook, ntfy) and reminders, once realtime can announce them.
  closers.push(startNotificationJobs(services, jobs, { timers: options.scheduledJobs !== false }));
  for (const extend of options.extensions ?? []) extend(services);
  return services;
}
