// Scheduled jobs that run once per period across every instance sharing the database, not once per instance.
// Periods are aligned to the clock (slot = floor(now / interval)), so all instances tick together; each tick, an
// instance takes the job's advisory lock (pg_try_advisory_lock: never two runs at once) and then claims the slot in
// "JobRun" (one row per job, the last slot claimed): only the first claim of a slot runs the job.
import { tryWithAdvisoryLock } from './db-lock.server';

export type JobOutcome = 'ran' | 'failed' | 'busy' | 'done';

export interface JobDefinition {
  name: string;
  intervalMs: number;
  /** Runs the job; `slot` is the period it was claimed for. */
  run(slot: number): Promise<unknown>;
  log(level: 'info' | 'error', message: string): void;
  /** The clock (tests). */
  now?: () => number;
}

export interface ScheduledJob {
  /** Runs the job for the current slot unless it already ran (here or elsewhere) or runs elsewhere now. */
  runNow(): Promise<JobOutcome>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

const CLAIM = `INSERT INTO "JobRun" ("name", "slot", "startedAt") VALUES ($1, $2::bigint, now() AT TIME ZONE 'UTC')
  ON CONFLICT ("name") DO UPDATE SET "slot" = EXCLUDED."slot", "startedAt" = EXCLUDED."startedAt", "finishedAt" = NULL
  WHERE "JobRun"."slot" < EXCLUDED."slot"
  RETURNING "name"`;
const FINISH = `UPDATE "JobRun" SET "finishedAt" = now() AT TIME ZONE 'UTC' WHERE "name" = $1 AND "slot" = $2::bigint`;

/** One attempt at running `job` for `slot`. Never throws. */
export async function runJobForSlot(databaseUrl: string, job: JobDefinition, slot: number): Promise<JobOutcome> {
  try {
    const attempt = await tryWithAdvisoryLock(databaseUrl, `job:${job.name}`, async (lock) => {
      const claimed = await lock.query(CLAIM, [job.name, String(slot)]);
      if (!claimed.rowCount) return 'done' as const;
      let outcome: JobOutcome = 'ran';
      try {
        await job.run(slot);
      } catch (error) {
        job.log('error', `job ${job.name} failed: ${(error as Error).message}`);
        outcome = 'failed';
      }
      await lock.query(FINISH, [job.name, String(slot)]);
      if (outcome === 'ran') job.log('info', `job ${job.name}: ran for period ${slot}`);
      return outcome;
    });
    return attempt.locked ? attempt.value : 'busy';
  } catch (error) {
    job.log('error', `job ${job.name} could not be scheduled: ${(error as Error).message}`);
    return 'failed';
  }
}

export function scheduleJob(databaseUrl: string, job: JobDefinition): ScheduledJob {
  const now = job.now ?? Date.now;
  const slotAt = (time: number) => Math.floor(time / job.intervalMs);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let inProgress: Promise<JobOutcome> | undefined;

  const attempt = () => {
    const run = runJobForSlot(databaseUrl, job, slotAt(now()));
    inProgress = run;
    return run;
  };
  const arm = () => {
    if (stopped) return;
    const time = now();
    // A few milliseconds past the boundary, so the clock read at the tick is inside the new slot.
    timer = setTimeout(tick, (slotAt(time) + 1) * job.intervalMs - time + 5);
    timer.unref();
  };
  const tick = () => {
    if (stopped) return;
    void attempt().finally(arm);
  };
  arm();
  return {
    runNow: attempt,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inProgress;
    },
  };
}

/** The jobs of one set of services: timed in a long-lived process, or run when a cron request asks (serverless). */
export interface JobRunner {
  /** Adds a job. With timers it runs now (start-up) and then once per period; without, only through runDue. */
  add(job: JobDefinition): Promise<void>;
  /** Runs every job whose current period has not run yet (here or on another instance): what /api/cron does. */
  runDue(): Promise<Record<string, JobOutcome>>;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

export function createJobRunner(databaseUrl: string, options: { timers: boolean }): JobRunner {
  const jobs: JobDefinition[] = [];
  const scheduled: ScheduledJob[] = [];
  return {
    async add(job) {
      jobs.push(job);
      if (!options.timers) return;
      const timed = scheduleJob(databaseUrl, job);
      scheduled.push(timed);
      await timed.runNow();
    },
    async runDue() {
      const outcomes: Record<string, JobOutcome> = {};
      for (const job of jobs) outcomes[job.name] = await runJobForSlot(databaseUrl, job, Math.floor((job.now ?? Date.now)() / job.intervalMs));
      return outcomes;
    },
    async stop() {
      for (const timed of scheduled) await timed.stop();
    },
  };
}

// On the services object under a global symbol: the serverless bundle and the Remix build each hold a copy of this module.
const RUNNER = Symbol.for('waymark.jobs.runner');

/** Files the services' job runner (services/create.server.ts), so the cron endpoint finds it. */
export function attachJobRunner(services: object, runner: JobRunner) {
  Object.defineProperty(services, RUNNER, { value: runner, enumerable: false });
}

export function jobRunnerOf(services: object): JobRunner | undefined {
  return (services as Record<symbol, JobRunner | undefined>)[RUNNER];
}
