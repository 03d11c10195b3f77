// Scheduled jobs run once per period across instances sharing one database (app/ops/jobs.server.ts), and several
// instances starting together migrate one at a time.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '~/db/client.server';
import { runJobForSlot, scheduleJob, type JobDefinition } from '~/ops/jobs.server';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server';
import type { TestDatabase } from '../helpers/test-database';

const silent = () => {};
let database: TestDatabase;
const pools: Database[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
  // Two "instances": each its own connection pool, as two processes would have.
  for (let i = 0; i < 2; i++) pools.push(await openDatabase({ databaseUrl: database.url, dataDir: '' }));
});
afterAll(async () => {
  for (const pool of pools) await pool.close();
  await database?.drop();
});

/** Resolves once `ready()` is true, re-checking whenever `changed` is called. */
function when(ready: () => boolean) {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, changed: () => ready() && resolve() };
}

describe('scheduled jobs across instances', () => {
  it('two schedulers on one database run the job once per period, each period by one of them', async () => {
    const runs: Array<{ instance: number; slot: number }> = [];
    const intervalMs = 400;
    let firstSlot = -1;
    const slots = () => new Set(runs.map((r) => r.slot)).size;
    const enough = when(() => slots() >= 4);
    const jobs = [0, 1].map((instance) =>
      scheduleJob(database.url, {
        name: 'count-test',
        intervalMs,
        log: silent,
        async run(slot) {
          runs.push({ instance, slot });
          enough.changed();
        },
      }),
    );
    // Both start at once, as two instances booting together do: one of them runs the current period.
    const started = await Promise.all(jobs.map((job) => job.runNow()));
    firstSlot = runs[0].slot;
    expect(started.filter((o) => o === 'ran')).toHaveLength(1);
    expect(started.filter((o) => o !== 'ran').every((o) => o === 'busy' || o === 'done')).toBe(true);
    await enough.promise;
    await Promise.all(jobs.map((job) => job.stop()));

    const perSlot = new Map<number, number>();
    for (const run of runs) perSlot.set(run.slot, (perSlot.get(run.slot) ?? 0) + 1);
    expect([...perSlot.values()].every((n) => n === 1)).toBe(true);
    expect(Math.min(...perSlot.keys())).toBe(firstSlot);
    const [row] = await pools[0].sql.query('SELECT slot::text AS slot, "finishedAt" FROM "JobRun" WHERE name = $1', ['count-test']);
    expect(Number(row.slot)).toBe(Math.max(...perSlot.keys()));
  });

  it('while one instance runs a job, the other skips it (busy); after that the period counts as done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const running = new Promise<void>((r) => (entered = r));
    const slow: JobDefinition = { name: 'slow-test', intervalMs: 3_600_000, log: silent, run: () => (entered(), gate) };
    let otherRuns = 0;
    const other: JobDefinition = { ...slow, run: async () => void (otherRuns += 1) };

    const first = runJobForSlot(pools[0].url, slow, 1000);
    await running;
    expect(await runJobForSlot(pools[1].url, other, 1000)).toBe('busy');
    expect(await runJobForSlot(pools[1].url, other, 1001)).toBe('busy');
    release();
    expect(await first).toBe('ran');
    expect(await runJobForSlot(pools[1].url, other, 1000)).toBe('done');
    expect(otherRuns).toBe(0);
    expect(await runJobForSlot(pools[1].url, other, 1001)).toBe('ran');
    expect(otherRuns).toBe(1);
  });

  it('a failing job is logged, the period still counts as taken, the next period runs again', async () => {
    const errors: string[] = [];
    const failing: JobDefinition = {
      name: 'failing-test',
      intervalMs: 3_600_000,
      log: (level, message) => level === 'error' && errors.push(message),
      run: async () => {
        throw new Error('boom');
      },
    };
    expect(await runJobForSlot(pools[0].url, failing, 7)).toBe('failed');
    expect(errors).toEqual(['job failing-test failed: boom']);
    expect(await runJobForSlot(pools[1].url, failing, 7)).toBe('done');
    expect(await runJobForSlot(pools[1].url, failing, 8)).toBe('failed');
  });
});

describe('the purge job of two running Waymark servers on one database', () => {
  let servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('runs once per period, not once per server', async () => {
    const shared = await createTestDatabase();
    const lines: string[] = [];
    const periods = () => lines.map((l) => /job purge: ran for period (\d+)/.exec(l)?.[1]).filter((p): p is string => !!p);
    const enough = when(() => new Set(periods()).size >= 3);
    const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
      enough.changed();
    });
    try {
      const env = { JOB_INTERVAL_SECONDS: '1', LOG_LEVEL: 'info' };
      servers = await Promise.all([startTestServer(env, shared), startTestServer(env, shared)]);
      await enough.promise;
      for (const server of servers) await server.close();
      servers = [];
    } finally {
      spy.mockRestore();
      await shared.drop();
    }
    const all = periods();
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all).size).toBe(all.length);
  });
});
