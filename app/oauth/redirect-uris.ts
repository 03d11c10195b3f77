// Which redirect URIs a client may register, and when a presented redirect_uri matches a registered one.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const REFUSED_SCHEMES = new Set(['javascript:', 'data:', 'file:', 'vbscript:', 'about:', 'blob:', 'ftp:', 'ws:', 'wss:']);

/** null when acceptable, otherwise the reason. https, loopback http, or a private-use scheme containing a dot. */
export function redirectUriProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URI';
  }
  if (url.hash) return 'must not contain a fragment';
  if (REFUSED_SCHEMES.has(url.protocol)) return `uses the refused scheme ${url.protocol}`;
  if (url.protocol === 'https:') return url.hostname ? null : 'needs a host';
  if (url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(url.hostname) ? null : 'may use http only for localhost, 127.0.0.1 or [::1]';
  }
  // Private-use URI scheme (RFC 8252 §7.1): reverse domain name such as com.example.app:/callback.
  const scheme = url.protocol.slice(0, -1);
  if (!scheme.includes('.')) return 'must be https, loopback http, or a private-use scheme containing a dot (com.example.app:/cb)';
  return null;
}

function isLoopbackRedirect(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Exact string match, with the one exception RFC 8252 §7.3 asks for: native apps listen on a loopback port chosen at
 * run time, so a registered loopback URI matches the same loopback host, path and query on any port. Only the port
 * varies: a registration without a path (`http://localhost`, as the presets use) is the path `/`.
 */
export function redirectUriMatches(registered: readonly string[], presented: string): boolean {
  if (registered.includes(presented)) return true;
  if (!isLoopbackRedirect(presented)) return false;
  const p = new URL(presented);
  // A fragment or user info in the presented URI never matches (the code would travel in a part of the URI the
  // registration never named).
  if (p.hash || presented.includes('#') || p.username || p.password) return false;
  return registered.some((r) => {
    if (!isLoopbackRedirect(r)) return false;
    const u = new URL(r);
    return u.hostname === p.hostname && u.pathname === p.pathname && u.search === p.search && !u.username && !u.password;
  });
}
