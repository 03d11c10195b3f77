// PostgreSQL advisory locks held on one connection of their own, so that several Waymark instances sharing a
// database take turns: the start-up steps (migrations, seed, first admin) and each scheduled job (./jobs.server.ts).
// Locks use the two-integer key space with namespace 727275; the per-migration lock in db/migrate.server.ts uses the
// one-bigint space, so they never collide.
import pg from 'pg';

const NAMESPACE = 727275;

export interface LockConnection {
  query(text: string, params?: unknown[]): Promise<pg.QueryResult>;
}

async function onOwnConnection<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // A connection dropped mid-job (server restart) must not crash the process; the query in flight fails instead.
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Waits for the lock named `name`, runs fn, releases it (also when fn throws, or with the connection). */
export function withAdvisoryLock<T>(url: string, name: string, fn: (lock: LockConnection) => Promise<T>): Promise<T> {
  return onOwnConnection(url, async (client) => {
    await client.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [NAMESPACE, name]);
    try {
      return await fn(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [NAMESPACE, name]).catch(() => {});
    }
  });
}

/** Runs fn under the lock named `name` if no one holds it now; otherwise returns { locked: false } at once. */
export function tryWithAdvisoryLock<T>(
  url: string,
  name: string,
  fn: (lock: LockConnection) => Promise<T>,
): Promise<{ locked: true; value: T } | { locked: false }> {
  return onOwnConnection(url, async (client) => {
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS locked', [NAMESPACE, name]);
    if (!rows[0].locked) return { locked: false as const };
    try {
      return { locked: true as const, value: await fn(client) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [NAMESPACE, name]).catch(() => {});
    }
  });
}
