import type { Config } from '~/env.server';

type LogConfig = Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>;

/** One-line logs. Never pass secrets, tokens or passwords here. LOG_FORMAT=json writes each as a JSON object. */
export function log(config: LogConfig, level: 'info' | 'error', message: string) {
  if (config.logLevel === 'silent' || (config.logLevel === 'error' && level === 'info')) return;
  (level === 'error' ? console.error : console.log)(logLine(config, level, message));
}

export function logLine(config: Partial<Pick<Config, 'logFormat'>>, level: 'info' | 'error', message: string) {
  return config.logFormat === 'json' ? JSON.stringify({ time: new Date().toISOString(), level, msg: message }) : `[waymark] ${message}`;
}
