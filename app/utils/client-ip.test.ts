// TRUST_PROXY: which address of the X-Forwarded-For chain is the client, for hop counts and address lists.
import { describe, expect, it } from 'vitest';
import { clientIpFrom, parseTrustProxy } from './client-ip';

describe('clientIpFrom', () => {
  it('without TRUST_PROXY the socket address is the client, whatever X-Forwarded-For says', () => {
    expect(clientIpFrom('10.0.0.2', '198.51.100.1', parseTrustProxy(undefined))).toBe('10.0.0.2');
  });

  it('with a hop count the client is that many addresses left of the socket', () => {
    const one = parseTrustProxy('1');
    expect(clientIpFrom('10.0.0.2', '198.51.100.1', one)).toBe('198.51.100.1');
    // a client prepending a forged address does not move the answer
    expect(clientIpFrom('10.0.0.2', '1.2.3.4, 198.51.100.1', one)).toBe('198.51.100.1');
    expect(clientIpFrom('10.0.0.2', '1.2.3.4, 198.51.100.1', parseTrustProxy('2'))).toBe('1.2.3.4');
    // fewer entries than hops: the leftmost one
    expect(clientIpFrom('10.0.0.2', undefined, one)).toBe('10.0.0.2');
  });

  it('with an address list only listed proxies are skipped (CIDR ranges, IPv4-mapped sockets)', () => {
    const list = parseTrustProxy('10.0.0.0/8, 2001:db8::1');
    expect(clientIpFrom('::ffff:10.1.2.3', '203.0.113.9', list)).toBe('203.0.113.9');
    expect(clientIpFrom('10.1.2.3', '1.1.1.1, 203.0.113.9, 10.0.0.7', list)).toBe('203.0.113.9');
    // a socket that is not a listed proxy is the client itself
    expect(clientIpFrom('192.0.2.5', '203.0.113.9', list)).toBe('192.0.2.5');
    // garbage in the chain stops the walk at the last real address
    expect(clientIpFrom('10.1.2.3', 'not-an-ip', list)).toBe('10.1.2.3');
  });

  it('refuses malformed settings', () => {
    expect(() => parseTrustProxy('nonsense')).toThrow();
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow();
  });
});
