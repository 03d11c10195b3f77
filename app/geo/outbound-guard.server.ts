// Refuses outbound requests to loopback, private, link-local and other internal addresses (SSRF guard), unless the
// administrator allowed them with OUTBOUND_ALLOW_PRIVATE (self-hosted Nominatim on the LAN, tests).
import dns from 'node:dns/promises';
import net from 'node:net';

export class OutboundRefusedError extends Error {}

function ipv4Private(ip: string) {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

/** True for addresses that must not be reached from the server unless explicitly allowed. */
export function isPrivateAddress(ip: string) {
  if (net.isIPv4(ip)) return ipv4Private(ip);
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return ipv4Private(mapped[1]);
  return (
    lower === '::' ||
    lower === '::1' ||
    lower.startsWith('fc') ||
    lower.startsWith('fd') ||
    lower.startsWith('fe8') ||
    lower.startsWith('fe9') ||
    lower.startsWith('fea') ||
    lower.startsWith('feb') ||
    lower.startsWith('ff')
  );
}

/** Throws OutboundRefusedError when `url` points (or resolves) to a private address and that is not allowed. */
export async function assertOutboundAllowed(url: URL, allowPrivate: boolean) {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefusedError(`unsupported protocol ${url.protocol}`);
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) throw new OutboundRefusedError(`${host} is a local address`);
  const addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) throw new OutboundRefusedError(`${host} resolves to a private address`);
}
