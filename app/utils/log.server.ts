import type { Config } from '~/env.server';

/** One-line logs. Never pass secrets, tokens or passwords here. */
export function log(config: Pick<Config, 'logLevel'>, level: 'info' | 'error', message: string) {
  if (config.logLevel === 'silent' || (config.logLevel === 'error' && level === 'info')) return;
  (level === 'error' ? console.error : console.log)(`[waymark] ${message}`);
}
