// Password reset: a single-use link valid for RESET_LINK_MINUTES, e-mailed on request ("Forgot password?") or made by an
// admin (Admin → Users) or the CLI (`waymark user reset-password`) when the server sends no e-mail. Only the token's
// SHA-256 is stored. Requesting a link answers the same whether or not the account exists (no enumeration): the
// mail goes out in the background, so the answer time does not tell either. Using a link sets the new password and
// ends everything the user was signed in with (sessions, app grants, MCP sessions, sockets).
import type { Db } from '~/db/client.server';
import type { Services } from '~/services/types.server';
import { DEFAULT_LANGUAGE, isLanguage } from '~/i18n/config';
import { hashPassword } from './password.server';
import { signOutEverywhere } from './sign-out-everywhere.server';
import { hashSecret, randomSecret } from './tokens.server';
import { emailSchema, passwordProblem } from './users.server';
import { rateWindows } from '~/utils/rate-window.server';
import type { FormError } from './web-auth.server';

export const RESET_LINK_MINUTES = 45;
export const RESET_TOKEN_PREFIX = 'wmpr_';
/** Reset e-mails one address may ask for per minute, and requests one client address may make per minute. */
export const RESETS_PER_EMAIL_PER_MINUTE = 2;
export const RESETS_PER_IP_PER_MINUTE = 10;

/** The page a link opens; the token is a path segment the request log masks (long, with a digit). */
export const resetPath = (token: string) => `/reset-password/${token}`;

function newToken() {
  // The request log masks long path segments that contain a digit; base32 nearly always has one, this makes it sure.
  for (;;) {
    const token = randomSecret(RESET_TOKEN_PREFIX);
    if (/\d/.test(token)) return token;
  }
}

/**
 * A new reset link for the user; earlier unused links of the user stop working. Returns the full URL (shown or
 * mailed once, never stored) and when it expires.
 */
export async function issueResetLink(db: Db, appUrl: string, userId: number, now = Date.now()) {
  const token = newToken();
  const expiresAt = new Date(now + RESET_LINK_MINUTES * 60_000);
  await db.$transaction([
    db.passwordReset.deleteMany({ where: { userId, usedAt: null } }),
    db.passwordReset.create({ data: { userId, tokenHash: hashSecret(token), expiresAt } }),
  ]);
  return { url: `${appUrl.replace(/\/+$/, '')}${resetPath(token)}`, expiresAt };
}

export type ResetRequestResult = { ok: true } | { ok: false; error: FormError; status: number };

/** "Forgot password?": mails a link when the account exists. The answer is the same either way. */
export async function requestPasswordReset(services: Services, input: { email: string; ip: string | null }): Promise<ResetRequestResult> {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) return { ok: false, error: { key: 'auth:errors.emailInvalid' }, status: 400 };
  const email = parsed.data;
  for (const [key, limit] of [
    [`reset|${email}`, RESETS_PER_EMAIL_PER_MINUTE],
    [`reset|ip|${input.ip ?? 'unknown'}`, RESETS_PER_IP_PER_MINUTE],
  ] as const) {
    const rate = await rateWindows(services).hit(key, limit);
    if (!rate.allowed) return { ok: false, error: { key: 'account:forgot.throttled', params: { seconds: rate.retryAfter } }, status: 429 };
  }
  const user = await services.db.user.findUnique({ where: { email } });
  if (!user) {
    await services.audit({ action: 'auth.password_reset_request', userId: null, success: false, ip: input.ip, detail: { email } });
    return { ok: true };
  }
  const { url } = await issueResetLink(services.db, services.config.appUrl, user.id);
  await services.audit({ action: 'auth.password_reset_request', userId: user.id, ip: input.ip, detail: { via: 'email' } });
  // Not awaited: an existing account must not answer slower than an unknown one.
  // A failed send is in the audit log (Admin → Audit), where an admin can see it and make a link instead.
  void mailResetLink(services, { to: user.email, language: user.language, url }).catch((error: Error) =>
    services.audit({ action: 'auth.password_reset_mail', userId: user.id, success: false, detail: { reason: error.message } }).catch(() => {}),
  );
  return { ok: true };
}

async function mailResetLink(services: Services, input: { to: string; language: string; url: string }) {
  const { serverI18n } = await import('~/i18n/i18n.server');
  const lng = isLanguage(input.language) ? input.language : DEFAULT_LANGUAGE;
  const t = (await serverI18n(lng)).getFixedT(lng, 'account');
  const params = { minutes: RESET_LINK_MINUTES, url: input.url, app: 'Waymark' };
  await services.mail.send({ to: input.to, subject: t('mail.subject', params), text: t('mail.text', params) });
}

/** The unused, unexpired reset of a token, with its user; null for anything else. */
export async function findUsableReset(db: Db, token: string, now = new Date()) {
  if (!token.startsWith(RESET_TOKEN_PREFIX) || token.length > 100) return null;
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashSecret(token) }, include: { user: true } });
  if (!reset || reset.usedAt || reset.expiresAt <= now) return null;
  return reset;
}

export type ResetResult = { ok: true; userId: number } | { ok: false; error: FormError; status: number; invalidLink?: boolean };

/** Sets the new password through a link (once), then ends every session, grant and MCP session of the user. */
export async function completePasswordReset(
  services: Services,
  input: { token: string; password: string; confirm: string; ip: string | null },
): Promise<ResetResult> {
  const invalid: ResetResult = { ok: false, error: { key: 'account:reset.invalid' }, status: 400, invalidLink: true };
  const reset = await findUsableReset(services.db, input.token);
  if (!reset) return invalid;
  const passwordError = passwordProblem(input.password);
  if (passwordError) return { ok: false, error: passwordError, status: 400 };
  if (input.password !== input.confirm) return { ok: false, error: { key: 'account:reset.mismatch' }, status: 400 };
  const passwordHash = await hashPassword(input.password);
  // Claimed and used in one transaction: of two submissions of the same link, one wins.
  const claimed = await services.db.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (count !== 1) return false;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.passwordReset.deleteMany({ where: { userId: reset.userId, usedAt: null } });
    return true;
  });
  if (!claimed) return invalid;
  await signOutEverywhere(services, reset.userId, input.ip);
  await services.audit({ action: 'auth.password_reset', userId: reset.userId, ip: input.ip });
  return { ok: true, userId: reset.userId };
}
