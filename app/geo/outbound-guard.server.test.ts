import { describe, expect, it } from 'vitest';
import { assertOutboundAllowed, guardedFetch, isPrivateAddress, OutboundRefusedError } from './outbound-guard.server';

describe('outbound guard', () => {
  it('classifies loopback, private and link-local addresses as private', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2a00:1450:4001::1']) expect(isPrivateAddress(ip), ip).toBe(false);
  });
  it('refuses private targets unless allowed', async () => {
    await expect(assertOutboundAllowed(new URL('http://127.0.0.1:9/search'), false)).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(assertOutboundAllowed(new URL('http://localhost/search'), false)).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(assertOutboundAllowed(new URL('http://[::1]/search'), false)).rejects.toBeInstanceOf(OutboundRefusedError);
    await expect(assertOutboundAllowed(new URL('http://127.0.0.1:9/search'), true)).resolves.toBeUndefined();
    await expect(assertOutboundAllowed(new URL('ftp://8.8.8.8/'), true)).rejects.toBeInstanceOf(OutboundRefusedError);
  });
});

describe('outbound guard: addresses that embed or reach internal IPv4 (issue 11)', () => {
  it('refuses IPv4-mapped/compatible IPv6, NAT64, 6to4, Teredo and site-local forms of internal addresses', () => {
    for (const ip of ['::ffff:7f00:1', '::7f00:1', '::a00:1', '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '2002:7f00:1::1', '2002:c0a8:101::1', 'fec0::1', '2001::1', '::']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
  });
  it('still allows public addresses, including NAT64 and 6to4 forms of public IPv4', () => {
    for (const ip of ['2a00:1450:4001::1', '64:ff9b::808:808', '2002:808:808::1', '93.184.216.34']) expect(isPrivateAddress(ip), ip).toBe(false);
  });
  it('resolves the name once and connects to the vetted address (no second lookup to rebind)', async () => {
    const http = await import('node:http');
    const server = http.createServer((_req, res) => res.end('pinned'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    let lookups = 0;
    try {
      const res = await guardedFetch(new URL(`http://rebind.invalid:${port}/`), {}, {
        allowPrivate: true,
        resolve: async () => {
          lookups += 1;
          return ['127.0.0.1'];
        },
      });
      expect(await res.text()).toBe('pinned');
      expect(lookups).toBe(1);
    } finally {
      server.close();
    }
  });
});
