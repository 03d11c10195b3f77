// Request helpers for Remix loaders and actions: services from the load context, the signed-in user, CSRF origin check.
import { redirect, type AppLoadContext } from '@remix-run/node';
import type { Services } from '~/services/types.server';
import type { Actor } from '~/auth/actor.server';
import { readSessionToken, sessionCookie, validateSessionToken } from '~/auth/session.server';
import { enforceTwoFactorEnrolment, twoFactorPolicy } from '~/auth/two-factor.server';
import { createContext, type Context } from '~/trpc/init';
import { createCaller } from '~/trpc/root';
import { CLIENT_IP_HEADER } from './client-ip';

export function getServices(context: AppLoadContext): Services {
  const services = (context as { services?: Services }).services;
  if (!services) throw new Error('services missing from the load context (server.ts passes them)');
  return services;
}

/**
 * The one way to work out the client address from a socket and X-Forwarded-For, and the header the entries fill with
 * its answer (a client-sent value is overwritten).
 */
export { CLIENT_IP_HEADER, clientIpFrom } from './client-ip';

/**
 * The caller's IP address, or null when unknown. The one way to read it, for Remix routes, the OAuth endpoints and
 * /mcp alike: X-Forwarded-For counts only through the proxies TRUST_PROXY names (resolved once, by clientIpFrom).
 */
export function clientIp(request: { headers: { get(name: string): string | null } }): string | null {
  return request.headers.get(CLIENT_IP_HEADER) || null;
}

/** The web-session actor, or null. Also returns a refreshed cookie when the session slid forward. */
export async function getWebActor(request: Request, services: Services): Promise<{ actor: Actor | null; setCookie?: string }> {
  const token = readSessionToken(request, services.config.appUrlIsHttps);
  if (!token) return { actor: null };
  // The two-factor policy is read alongside the session (one round trip of waiting, not two).
  const [session, policy] = await Promise.all([validateSessionToken(services.db, token), twoFactorPolicy(services)]);
  if (!session) return { actor: null };
  await enforceTwoFactorEnrolment(services, request, session.user, session.signInMethod, policy);
  return {
    actor: { user: session.user, scopes: null, via: 'web', sessionId: session.sessionId, reauthenticatedAt: session.reauthenticatedAt },
    setCookie: session.refreshed ? sessionCookie(token, session.expiresAt, services.config.appUrlIsHttps) : undefined,
  };
}

export async function requireWebActor(request: Request, context: AppLoadContext) {
  const services = getServices(context);
  const { actor } = await getWebActor(request, services);
  if (!actor) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { services, actor };
}

/** A tRPC caller acting as the signed-in web user, for loaders and actions. */
export function webCaller(services: Services, actor: Actor | null, request?: Request) {
  const ctx: Context = createContext({ services, actor, origin: 'ui', ip: request ? clientIp(request) : null });
  return createCaller(ctx);
}

/**
 * Cross-site request protection for cookie-authenticated writes: the browser's Origin (or Sec-Fetch-Site) must say
 * the request comes from Waymark's own pages.
 */
export function isSameOriginRequest(request: Request, appUrl: string) {
  const origin = request.headers.get('Origin');
  if (origin) {
    const own = new URL(request.url).origin;
    return origin === own || origin === new URL(appUrl).origin;
  }
  const site = request.headers.get('Sec-Fetch-Site');
  return !site || site === 'same-origin' || site === 'none';
}

export function assertSameOrigin(request: Request, services: Services) {
  if (!isSameOriginRequest(request, services.config.appUrl)) {
    throw new Response('Cross-site request refused', { status: 403 });
  }
}
