import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '~/env.server';

function errorOf(env: Record<string, string>) {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('defaults to the embedded database and the local address', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.pusher.mode).toBe('embedded');
    expect(config.mcp).toEqual({ rateLimitPerMinute: 300, maxSessionsPerUser: 20, sessionIdleMs: 3_600_000 });
  });

  it('PORT=abc stops start-up with one line naming PORT', () => {
    const message = errorOf({ PORT: 'abc' });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^Invalid configuration: PORT /);
  });

  it('a malformed DATABASE_URL names the variable', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://nope' })).toMatch(/^Invalid configuration: DATABASE_URL must be a postgresql:\/\//);
  });

  it('APP_URL is required in production', () => {
    expect(errorOf({ NODE_ENV: 'production' })).toBe('Invalid configuration: APP_URL is required when NODE_ENV=production');
    expect(parseConfig({ NODE_ENV: 'production', APP_URL: 'https://trips.example.com/' }).appUrl).toBe('https://trips.example.com');
  });

  it('hosted Pusher needs all its credentials', () => {
    expect(errorOf({ PUSHER_APP_ID: '1' })).toMatch(/PUSHER_APP_ID needs PUSHER_KEY/);
    const config = parseConfig({ PUSHER_APP_ID: '1', PUSHER_KEY: 'k', PUSHER_SECRET: 's', PUSHER_CLUSTER: 'eu' });
    expect(config.pusher).toMatchObject({ mode: 'hosted', cluster: 'eu', useTLS: true });
  });
});
