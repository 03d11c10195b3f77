import { describe, expect, it } from 'vitest';
import { assertOutboundAllowed, isPrivateAddress, OutboundRefusedError } from './outbound-guard.server';

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
