// Refuses outbound requests to loopback, private, link-local and other internal addresses (SSRF guard), unless the
// administrator allowed them with OUTBOUND_ALLOW_PRIVATE (self-hosted Nominatim on the LAN, tests). Addresses are
// classified with ipaddr.js (every textual form, and IPv6 forms that embed an IPv4 address); guardedFetch resolves a
// name once and connects to the vetted address, so a second DNS answer cannot rebind the request inward.
import dns from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import type { RequestInit as UndiciRequestInit } from 'undici';

export class OutboundRefusedError extends Error {}

/** Why a guarded request to `url` failed, in words safe to show and store: refused, timed out, or unreachable. */
export function outboundFailureReason(error: unknown, url: URL, timeoutMs: number): string {
  if (error instanceof OutboundRefusedError) return `refused to contact ${url.hostname}: ${error.message}`;
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `${url.hostname} did not answer within ${Math.round(timeoutMs / 1000)} seconds`;
  return `${url.hostname} cannot be reached`;
}

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits (or, for 6to4, bits 16–48). */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6052' || range === 'rfc6145') return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  // IPv4-compatible (::a.b.c.d, deprecated but still routed by some stacks): the first 96 bits are zero.
  if (bytes.slice(0, 12).every((b) => b === 0)) return new ipaddr.IPv4(bytes.slice(12, 16));
  return null;
}

/** True for addresses that must not be reached from the server unless explicitly allowed. */
export function isPrivateAddress(ip: string) {
  const text = ip.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(text)) return true;
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv4') return address.range() !== 'unicast';
  const v6 = address as ipaddr.IPv6;
  const inner = embeddedIPv4(v6);
  if (inner) return inner.range() !== 'unicast';
  // Only global unicast leaves the host; this refuses loopback, unspecified, link-local, unique-local, multicast,
  // site-local (fec0::/10), Teredo and the reserved ranges.
  return v6.range() !== 'unicast';
}

type Resolve = (host: string) => Promise<string[]>;
const systemResolve: Resolve = async (host) => (await dns.lookup(host, { all: true })).map((a) => a.address);

/**
 * Vets `url` and returns the addresses it may be reached at (resolved once). Throws OutboundRefusedError when the
 * protocol is not http(s) or any address is internal and that is not allowed.
 */
export async function vetOutbound(url: URL, options: { allowPrivate: boolean; resolve?: Resolve }): Promise<string[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefusedError(`unsupported protocol ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) throw new OutboundRefusedError(`${host} is a local address`);
  const addresses = net.isIP(host) ? [host] : await (options.resolve ?? systemResolve)(host);
  if (addresses.length === 0) throw new OutboundRefusedError(`${host} has no address`);
  if (!options.allowPrivate && addresses.some(isPrivateAddress)) throw new OutboundRefusedError(`${host} resolves to a private address`);
  return addresses;
}

/** Throws OutboundRefusedError when `url` points (or resolves) to a private address and that is not allowed. */
export async function assertOutboundAllowed(url: URL, allowPrivate: boolean) {
  await vetOutbound(url, { allowPrivate });
}

/**
 * fetch through the guard: the name is resolved once, the connection goes to the vetted address (TLS still checks the
 * name), and redirects are not followed (a redirect target would have to pass the guard again; callers get the 3xx).
 */
export async function guardedFetch(url: URL, init: UndiciRequestInit, options: { allowPrivate: boolean; resolve?: Resolve }) {
  const [address] = await vetOutbound(url, options);
  const family = net.isIPv6(address) ? 6 : 4;
  // undici is loaded on the first outbound request, not at start-up (decision 036).
  const { Agent, fetch: undiciFetch } = await import('undici');
  const dispatcher = new Agent({
    connect: {
      lookup: (_host, lookupOptions, callback) => {
        if ((lookupOptions as { all?: boolean }).all) callback(null, [{ address, family }] as never, family);
        else callback(null, address, family);
      },
    },
  });
  try {
    const response = await undiciFetch(url, { ...init, redirect: 'manual', dispatcher });
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers as unknown as Headers });
  } finally {
    void dispatcher.close();
  }
}
