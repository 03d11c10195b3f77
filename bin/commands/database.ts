// The database for one CLI command: configuration from the environment (as the server reads it), the database opened,
// migrated and seeded, and always closed again. With the embedded database, a command attaches to the running server's
// PostgreSQL, or starts PostgreSQL for the duration of the command when no server runs.
import { parseConfig } from '../../app/env.server.ts';
import { openDatabase, type Database } from '../../app/db/client.server.ts';
import { migrate } from '../../app/db/migrate.server.ts';
import { seedDatabase } from '../../app/db/seed.server.ts';
import type { Services } from '../../app/services/types.server.ts';

/** A mistake the user can fix; printed as one line, exit code 1. */
export class CliUsageError extends Error {}

export async function withDatabase<T>(work: (database: Database, applied: string[]) => Promise<T>, options: { seed?: boolean } = {}) {
  const config = parseConfig(process.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, role: 'cli' });
  try {
    const applied = await migrate(database.sql);
    if (options.seed !== false) await seedDatabase(database.sql);
    return await work(database, applied);
  } finally {
    await database.close();
  }
}

export async function auditFromCli(database: Database, action: string, detail: Record<string, unknown>, userId?: number) {
  await database.db.auditLog.create({ data: { action, userId: userId ?? null, detail: { ...detail, via: 'cli' } as object } });
}

/** The server's services (database, audit log, MCP session store) for commands that act as the server would. */
export async function withServices<T>(work: (services: Services) => Promise<T>) {
  const { createServices } = await import('../../app/services/create.server.ts');
  const services = await createServices(parseConfig(process.env), { databaseRole: 'cli' });
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
