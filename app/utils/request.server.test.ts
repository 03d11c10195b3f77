// The client IP comes from the header server.ts sets from the socket, and from nothing a client can send.
import { describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, clientIp } from './request.server';

describe('clientIp', () => {
  it('reads the address server.ts put in the header', () => {
    expect(clientIp(new Request('http://x/', { headers: { [CLIENT_IP_HEADER]: '203.0.113.7' } }))).toBe('203.0.113.7');
  });

  it('is null when the address is unknown (no header, or the empty value of a closed socket)', () => {
    expect(clientIp(new Request('http://x/'))).toBeNull();
    expect(clientIp(new Request('http://x/', { headers: { [CLIENT_IP_HEADER]: '' } }))).toBeNull();
  });

  it('ignores the forwarding headers a client could forge', () => {
    const request = new Request('http://x/', { headers: { 'X-Forwarded-For': '198.51.100.1', 'X-Real-IP': '198.51.100.2' } });
    expect(clientIp(request)).toBeNull();
  });

  it('reads the light request shape mcp/node.ts hands over as well', () => {
    expect(clientIp({ headers: { get: (name) => (name === CLIENT_IP_HEADER ? '::1' : null) } })).toBe('::1');
  });
});
