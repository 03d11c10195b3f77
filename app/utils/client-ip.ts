// Which address is the client: the socket peer, or — behind trusted proxies (TRUST_PROXY) — the address those proxies
// appended to X-Forwarded-For. Pure, so server.ts, mcp/node.ts and app/env.server.ts share it without the app.
import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** The request header the entries (server.ts, the serverless handler, mcp/node.ts) put the client's address in. */
export const CLIENT_IP_HEADER = 'x-waymark-client-ip';

/** TRUST_PROXY parsed: none, a hop count, or the proxies' addresses and ranges. */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; ranges: Range[] };

/** IPv4-mapped IPv6 (::ffff:10.0.0.1, how a dual-stack socket reports IPv4 peers) becomes plain IPv4. */
function parseAddress(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = value.trim().replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(trimmed)) return null;
  const parsed = ipaddr.parse(trimmed);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

/**
 * "" / "false" / "0" → none; a whole number → that many proxy hops; otherwise a comma-separated list of addresses or
 * CIDR ranges. Throws with a message for anything else (env.server.ts turns it into the boot-time line).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return { kind: 'none' };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new Error('must be a hop count from 0 to 10, or a list of proxy addresses');
    return { kind: 'hops', hops };
  }
  const ranges: Range[] = [];
  for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    try {
      if (part.includes('/')) {
        ranges.push(ipaddr.parseCIDR(part));
      } else {
        const address = parseAddress(part);
        if (!address) throw new Error('bad address');
        ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      }
    } catch {
      throw new Error(`must be a hop count or a comma-separated list of proxy addresses/CIDR ranges ("${part}" is neither)`);
    }
  }
  return { kind: 'list', ranges };
}

function trusted(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]) {
  return ranges.some(([range, bits]) => range.kind() === address.kind() && address.match([range, bits] as never));
}

/** The client's address (as text) for a socket peer and the X-Forwarded-For value(s) the request carried. */
export function clientIpFrom(peer: string, forwardedFor: string | string[] | undefined, trust: TrustProxy): string {
  if (trust.kind === 'none') return peer;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  // The chain as the last proxy saw it, nearest hop last.
  const chain = [...forwarded, peer];
  if (trust.kind === 'hops') {
    for (let i = chain.length - 1, skipped = 0; i >= 0; i--, skipped++) {
      const address = parseAddress(chain[i]);
      if (!address) return chain[i + 1] ?? peer;
      if (skipped === trust.hops || i === 0) return address.toString();
    }
    return peer;
  }
  let answer = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = parseAddress(chain[i]);
    if (!address) return answer;
    answer = address.toString();
    if (!trusted(address, trust.ranges)) return answer;
  }
  return answer;
}

/**
 * The key a per-address limit counts under: an IPv4 address as is, an IPv6 address by its /64 (one subscriber usually
 * holds a whole /64, so counting single addresses would let one client rotate through billions of keys).
 */
export function rateLimitAddress(ip: string | null): string {
  if (!ip) return '-';
  const address = parseAddress(ip);
  if (!address) return ip;
  if (address.kind() === 'ipv4') return address.toString();
  const bytes = (address as ipaddr.IPv6).toByteArray().slice(0, 8).concat(new Array(8).fill(0));
  return `${ipaddr.fromByteArray(bytes).toString()}/64`;
}

// Endpoints that other sites' clients may call (OAuth, MCP, the Pusher HTTP API); every other write must come from our
// own pages.
const CROSS_ORIGIN_ENDPOINTS = /^\/(?:oauth\/(?:token|register|revoke|introspect)$|mcp$|apps\/)/;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A write whose Origin names another host than the one it was sent to (Remix would abort it with a bare 500); `host`
 * is X-Forwarded-Host's first value or else Host. Both entries (server.ts, the serverless handler) answer it 403.
 */
export function isCrossSiteWrite(method: string, path: string, origin: string | null | undefined, forwardedHost: string | null | undefined, host: string | undefined) {
  if (!WRITE_METHODS.has(method) || CROSS_ORIGIN_ENDPOINTS.test(path)) return false;
  if (!origin) return false;
  const target = forwardedHost?.split(',')[0]?.trim() || host;
  try {
    return new URL(origin).host !== target;
  } catch {
    return true;
  }
}

export const CROSS_SITE_REFUSAL = 'Cross-site request refused';
