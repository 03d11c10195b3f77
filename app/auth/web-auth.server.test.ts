// Where a login may send the browser, and how long the login throttle locks an address out.
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './web-auth.server';
import { lockDurationMs, throttleKey } from './login-throttle.server';

describe('safeRedirectPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeRedirectPath('/trips/3?tab=map')).toBe('/trips/3?tab=map');
    expect(safeRedirectPath('/oauth/authorize?client_id=x&scope=a%20b')).toBe('/oauth/authorize?client_id=x&scope=a%20b');
  });

  it('falls back to "/" for other sites, odd forms and missing values', () => {
    for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'trips', '/a\nb', '', null, undefined]) {
      expect(safeRedirectPath(value)).toBe('/');
    }
  });
});

describe('login throttle', () => {
  it('allows four failures freely, then locks for 30 s, doubling up to an hour', () => {
    expect([1, 2, 3, 4].map(lockDurationMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7].map(lockDurationMs)).toEqual([30_000, 60_000, 120_000]);
    expect(lockDurationMs(40)).toBe(60 * 60_000);
  });

  it('counts per e-mail (any case) and address', () => {
    expect(throttleKey(' Anna@Example.test ', '10.0.0.1')).toBe('anna@example.test|10.0.0.1');
    expect(throttleKey('anna@example.test', null)).toBe('anna@example.test|unknown');
  });
});
