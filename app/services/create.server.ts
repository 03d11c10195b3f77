// Builds the per-process services: database (migrated and seeded), addon switches, audit log, realtime publisher.
import type { Config } from '~/env.server';
import type { Services, AuditEntry } from '~/services.server';
import { openDatabase } from '~/db/client.server';
import { migrate } from '~/db/migrate.server';
import { seedDatabase } from '~/db/seed.server';
import { createAddonSwitches } from '~/domain/addon-switches.server';
import { ensureBootstrapAdmin } from '~/auth/users.server';
import { createRealtime } from '~/realtime/create.server';
import { log } from '~/utils/log.server';
import { mcpSessionCloser } from '../../mcp/http';
import { mcpHttpHook } from '../../mcp/node';

export async function createServices(config: Config): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(database.sql);
  if (applied.length) log(config, 'info', `applied migrations: ${applied.join(', ')}`);
  await seedDatabase(database.db);
  if (config.admin) await ensureBootstrapAdmin(database.db, config.admin);

  const closers: Array<() => Promise<void>> = [];
  const services: Services = {
    config,
    database,
    db: database.db,
    addons: createAddonSwitches(database.db),
    realtime: { publish: async () => {} },
    httpHooks: [],
    mcpSessions: { close: async () => 0 },
    async audit(entry: AuditEntry) {
      try {
        await database.db.auditLog.create({
          data: {
            action: entry.action,
            userId: entry.userId ?? null,
            clientId: entry.clientId ?? null,
            success: entry.success ?? true,
            detail: (entry.detail ?? undefined) as object | undefined,
            ip: entry.ip ?? null,
          },
        });
      } catch (error) {
        log(config, 'error', `audit write failed: ${(error as Error).message}`);
      }
    },
    async close() {
      for (const close of closers.reverse()) await close().catch(() => {});
      await database.close();
    },
  };
  const realtime = await createRealtime(config, services);
  services.realtime = realtime.publisher;
  if (realtime.httpHook) services.httpHooks.push(realtime.httpHook);
  closers.push(realtime.close);
  services.mcpSessions = mcpSessionCloser(services);
  services.httpHooks.push(mcpHttpHook(services));
  return services;
}
