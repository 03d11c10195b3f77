// The notification jobs of one instance: the delivery loop (delivery.server.ts; a short period, and kicked by
// notify()) and the reminders job (reminders.server.ts; once per period across instances). Started by
// createServices unless scheduled jobs are off (serverless hosts).
import type { Services } from '~/services/types.server';
import { scheduleJob } from '~/ops/jobs.server';
import { log } from '~/utils/log.server';
import { startDeliveryLoop } from './delivery.server';
import { sendReminders } from './reminders.server';

/** Reminders are looked for at least every 15 minutes, so one set for 9:00 goes out by 9:15. */
const REMINDER_PERIOD_MS = 15 * 60_000;

export function startNotificationJobs(services: Services) {
  const config = services.config;
  const delivery = startDeliveryLoop(services);
  const reminders = scheduleJob(services.database.url, {
    name: 'notification-reminders',
    intervalMs: Math.min(config.jobIntervalMs, REMINDER_PERIOD_MS),
    run: () => sendReminders(services),
    log: (level, message) => log(config, level, message),
  });
  void reminders.runNow();
  return async () => {
    await reminders.stop();
    await delivery.stop();
  };
}
