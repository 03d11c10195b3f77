import { describe, expect, it } from 'vitest';
import { routeLabel, toolLabel } from '~/ops/metrics.server';
import { bearerMatches } from '~/auth/tokens.server';
import { redactedPath, requestLogLine } from '~/ops/request-log.server';

describe('request log redaction', () => {
  it('masks share-link and invitation tokens and long token-like segments, keeps route names', () => {
    expect(redactedPath('/s/abc')).toBe('/s/:redacted');
    expect(redactedPath('/invite/wmi_x')).toBe('/invite/:redacted');
    expect(redactedPath('/api/place-photos/Zm9vYmFyMTIzNDU2Nzg5MGFi.jpg')).toBe('/api/place-photos/:redacted');
    expect(redactedPath('/.well-known/oauth-authorization-server')).toBe('/.well-known/oauth-authorization-server');
    expect(redactedPath('/trips/42')).toBe('/trips/42');
  });

  it('writes only the listed fields', () => {
    const line = JSON.parse(requestLogLine({ requestId: 'r1', method: 'GET', path: '/x', status: 503, seconds: 0.01234 }, new Date(0)));
    expect(line).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'error', msg: 'request', requestId: 'r1', method: 'GET', path: '/x', status: 503, durationMs: 12.3 });
  });
});

describe('metric labels', () => {
  it('keep the label set bounded', () => {
    expect(routeLabel('/trips/42', 200)).toBe('/trips/:id');
    expect(routeLabel('/anything/at/all', 404)).toBe('(unmatched)');
    expect(routeLabel('/build/_shared/chunk-ABC.js', 200)).toBe('/build/*');
    expect(routeLabel('/api/trpc/trips.createTrip', 200)).toBe('/api/trpc/trips.createTrip');
    expect(routeLabel('/api/trpc/a.b,c.d', 200)).toBe('/api/trpc/(batch)');
    expect(routeLabel('/s/Zm9vYmFyMTIzNDU2Nzg5MGFiY2Rl', 200)).toBe('/s/:id');
    expect(routeLabel('/invite/short', 200)).toBe('/invite/:id');
    expect(toolLabel('list_trips')).toBe('list_trips');
    expect(toolLabel('../../etc')).toBe('(other)');
  });

  it('accepts exactly the metrics token', () => {
    expect(bearerMatches('Bearer metrics-token-0123456789', 'metrics-token-0123456789')).toBe(true);
    expect(bearerMatches('Bearer metrics-token-012345678', 'metrics-token-0123456789')).toBe(false);
    expect(bearerMatches(undefined, 'metrics-token-0123456789')).toBe(false);
  });
});
