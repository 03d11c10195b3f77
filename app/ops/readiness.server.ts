// /readyz: the database answers and every migration shipped with this build is applied. Cheap (two small queries,
// bounded by a timeout), no secrets in the answer: a load balancer or orchestrator polls it.
import type { SqlRunner } from '~/db/migrate.server';

export type Readiness = { ready: true } | { ready: false; reason: 'shutting_down' | 'database_unreachable' | 'migrations_pending' };

const TIMEOUT_MS = 3000;

export async function checkReadiness(sql: SqlRunner, expectedMigrations: string[]): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
  });
  const query = sql
    .query('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
    .then((rows) => rows.map((row) => String(row.migration_name)))
    .catch((error: { code?: string }) => (error.code === '42P01' ? [] : ('unreachable' as const)));
  try {
    const applied = await Promise.race([query, timeout]);
    if (applied === 'timeout' || applied === 'unreachable') return { ready: false, reason: 'database_unreachable' };
    const done = new Set(applied);
    return expectedMigrations.every((name) => done.has(name)) ? { ready: true } : { ready: false, reason: 'migrations_pending' };
  } finally {
    clearTimeout(timer);
  }
}
