// The Host values this server answers to, from APP_URL: /mcp and the realtime WebSocket refuse others (DNS rebinding,
// pages of other sites).

const cache = new Map<string, Set<string>>();

/**
 * APP_URL's host, and when that is a loopback name, every loopback spelling on the same port (a local client may say
 * 127.0.0.1 for localhost).
 */
export function ownHosts(appUrl: string): Set<string> {
  let set = cache.get(appUrl);
  if (!set) {
    const url = new URL(appUrl);
    set = new Set([url.host.toLowerCase()]);
    const loopback = ['localhost', '127.0.0.1', '[::1]'];
    if (loopback.includes(url.hostname.toLowerCase())) for (const name of loopback) set.add(url.port ? `${name}:${url.port}` : name);
    cache.set(appUrl, set);
  }
  return set;
}

/** True when an Origin header value names this server. */
export function isOwnOrigin(origin: string, appUrl: string) {
  try {
    return ownHosts(appUrl).has(new URL(origin).host.toLowerCase());
  } catch {
    return false;
  }
}

const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/** An Origin on this machine's loopback (http or https, a loopback host, no path): a local client or tool. */
export function isLoopbackOrigin(origin: string) {
  const host = /^https?:\/\/([^/]+)$/i.exec(origin.trim())?.[1];
  return !!host && LOOPBACK_HOST.test(host.toLowerCase());
}

/**
 * True when a Host header may reach this server: one of ownHosts, or any loopback name (a load balancer or a check on
 * the machine itself connects by address; a rebinding page always sends its own name, never a loopback one).
 */
export function isOwnHost(host: string, appUrl: string) {
  const lower = host.toLowerCase();
  return ownHosts(appUrl).has(lower) || LOOPBACK_HOST.test(lower);
}
