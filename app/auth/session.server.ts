// Web sessions after Lucia's model: a random token in an HttpOnly cookie, only its SHA-256 in the database,
// 30-day expiry that slides forward when the session is used in its second half, ending 90 days after sign-in at most.
import type { Db } from '~/db/client.server';
import type { Services } from '~/services/types.server';
import { hashSecret, randomSecret } from './tokens.server';

export const SESSION_COOKIE = 'waymark_session';
/**
 * The session cookie's name: on https it carries the `__Host-` prefix, which browsers accept only with Secure, Path=/
 * and no Domain, so a sibling subdomain or a plain-http page cannot plant or overwrite it.
 */
export function sessionCookieName(secure: boolean) {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/** The session token the request's cookie carries, if any. */
export function readSessionToken(request: Request, secure: boolean) {
  return readCookie(request.headers.get('Cookie'), sessionCookieName(secure));
}
const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** However actively used, a session ends this long after sign-in (a stolen cookie cannot live forever by sliding). */
export const SESSION_ABSOLUTE_LIFETIME_MS = 90 * DAY_MS;

export async function createSession(db: Db, userId: number, signInMethod: 'password' | 'sso' = 'password') {
  const token = randomSecret();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.session.create({ data: { id: hashSecret(token), userId, expiresAt, signInMethod } });
  return { token, expiresAt };
}

/** Starts a web session and returns its Set-Cookie header: the one way a sign-in (password, second step, SSO, registration) ends. */
export async function startWebSession(services: Pick<Services, 'db' | 'config'>, userId: number, signInMethod: 'password' | 'sso' = 'password') {
  const { token, expiresAt } = await createSession(services.db, userId, signInMethod);
  return sessionCookie(token, expiresAt, services.config.appUrlIsHttps);
}

/** Returns the session's user, extending the expiry when it is past half its life; null when invalid or expired. */
export async function validateSessionToken(db: Db, token: string) {
  const id = hashSecret(token);
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = session.expiresAt;
  if (expiresAt.getTime() - now < SESSION_LIFETIME_MS / 2) {
    // Slides forward, but never past the absolute end.
    expiresAt = new Date(Math.min(now + SESSION_LIFETIME_MS, session.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS));
    await db.session.update({ where: { id }, data: { expiresAt } });
  }
  return {
    sessionId: id,
    user: session.user,
    expiresAt,
    refreshed: expiresAt !== session.expiresAt,
    signInMethod: session.signInMethod,
    reauthenticatedAt: session.reauthenticatedAt,
  };
}

/** Ends the session; returns its user's id (null when there was none), so callers can cut off its live channels. */
export async function invalidateSession(db: Db, token: string): Promise<number | null> {
  const id = hashSecret(token);
  const session = await db.session.findUnique({ where: { id }, select: { userId: true } });
  await db.session.deleteMany({ where: { id } });
  return session?.userId ?? null;
}

export function readCookie(cookieHeader: string | null, name: string) {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean) {
  const attrs = [`${sessionCookieName(secure)}=${token}`, 'HttpOnly', 'SameSite=Lax', 'Path=/', `Expires=${expiresAt.toUTCString()}`];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

export function clearSessionCookie(secure: boolean) {
  const attrs = [`${sessionCookieName(secure)}=`, 'HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=0'];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}
