// /readyz: the database answers and every migration shipped with this build is applied. Cheap (two small queries,
// bounded by a timeout), no secrets in the answer: a load balancer or orchestrator polls it.
import { appliedMigrations, type SqlRunner } from '~/db/migrate.server';

export type Readiness = { ready: true } | { ready: false; reason: 'shutting_down' | 'database_unreachable' | 'migrations_pending' };

const TIMEOUT_MS = 3000;

export async function checkReadiness(sql: SqlRunner, expectedMigrations: string[]): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
  });
  const query = appliedMigrations(sql)
    .then((applied) => [...applied.keys()])
    .catch(() => 'unreachable' as const);
  try {
    const applied = await Promise.race([query, timeout]);
    if (applied === 'timeout' || applied === 'unreachable') return { ready: false, reason: 'database_unreachable' };
    const done = new Set(applied);
    return expectedMigrations.every((name) => done.has(name)) ? { ready: true } : { ready: false, reason: 'migrations_pending' };
  } finally {
    clearTimeout(timer);
  }
}
