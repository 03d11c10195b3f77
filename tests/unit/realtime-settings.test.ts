// `waymark realtime` reads the settings it shares with the app (connection caps, TRUST_PROXY) through the app's own
// parser: the same defaults, the same limits, the same messages.
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../bin/commands/realtime.ts';
import { parseConfig } from '~/env.server';

const credentials = { PUSHER_APP_ID: '1', PUSHER_KEY: 'key', PUSHER_SECRET: 'a-secret-of-enough-length' };

describe('waymark realtime settings', () => {
  it('takes the connection caps and trusted proxies as the app does, defaults included', () => {
    const defaults = readSettings({}, credentials);
    const app = parseConfig({});
    expect([defaults.perIp, defaults.perUser]).toEqual([app.realtimeLimits.connectionsPerIp, app.realtimeLimits.connectionsPerUser]);
    const set = readSettings({}, { ...credentials, REALTIME_MAX_CONNECTIONS_PER_IP: '7', REALTIME_MAX_CONNECTIONS_PER_USER: '3', TRUST_PROXY: '1' });
    expect([set.perIp, set.perUser]).toEqual([7, 3]);
    expect(set.trustProxy).toEqual(parseConfig({ TRUST_PROXY: '1' }).trustProxy);
  });

  it('refuses a bad cap with the message the app gives for it', () => {
    const bad = { ...credentials, REALTIME_MAX_CONNECTIONS_PER_USER: '2.5' };
    expect(() => parseConfig(bad)).toThrow('Invalid configuration: REALTIME_MAX_CONNECTIONS_PER_USER must be a whole number from 1 to 1000000');
    expect(() => readSettings({}, bad)).toThrow('Invalid configuration: REALTIME_MAX_CONNECTIONS_PER_USER must be a whole number from 1 to 1000000');
    expect(() => readSettings({}, { ...credentials, TRUST_PROXY: 'not a proxy' })).toThrow(/^Invalid configuration: TRUST_PROXY /);
  });
});
