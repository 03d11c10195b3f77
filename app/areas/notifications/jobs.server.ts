// The notification jobs of one set of services, on the services' job runner (app/ops/jobs.server.ts), so they run once
// per period across instances and, on serverless hosts, when the host's cron calls /api/cron:
// - reminders (reminders.server.ts), looked for at least every 15 minutes;
// - deliveries (delivery.server.ts): in a long-lived process a short loop that notify() also kicks; on serverless a
//   job the cron runs, so queued e-mails and webhooks still go out without a process of their own.
import type { Services } from '~/services/types.server';
import type { JobRunner } from '~/ops/jobs.server';
import { log } from '~/utils/log.server';
import { deliverDue, startDeliveryLoop } from './delivery.server';
import { sendReminders } from './reminders.server';

/** Reminders are looked for at least every 15 minutes, so one set for 9:00 goes out by 9:15. */
const REMINDER_PERIOD_MS = 15 * 60_000;

/** Adds the jobs; returns what stops the delivery loop (the runner stops its own jobs). */
export function startNotificationJobs(services: Services, jobs: JobRunner, options: { timers: boolean }): () => Promise<void> {
  const config = services.config;
  const logJob = (level: 'info' | 'error', message: string) => log(config, level, message);
  // Not awaited: the first look for reminders need not hold up start-up.
  void jobs.add({ name: 'notification-reminders', intervalMs: Math.min(config.jobIntervalMs, REMINDER_PERIOD_MS), run: () => sendReminders(services), log: logJob });
  if (!options.timers) {
    void jobs.add({ name: 'notification-delivery', intervalMs: REMINDER_PERIOD_MS, run: () => deliverDue(services).then(() => {}), log: logJob });
    return async () => {};
  }
  const delivery = startDeliveryLoop(services);
  return () => delivery.stop();
}
