// Two-factor sign-in with TOTP (RFC 6238) and one-time backup codes: enrolment, the second login step (a short-lived
// pending-login row, the browser holding only a random token), the administrator's policy and recovery.
// Decisions: docs/decisions/031-two-factor-and-single-sign-on.md.
import { redirect } from '@remix-run/node';
import * as OTPAuth from 'otpauth';
import { z } from 'zod';
import type { User } from '~/generated/prisma/client';
import type { Services } from '~/services/types.server';
import { readCookie, startWebSession } from './session.server';
import { hashSecret, randomSecret } from './tokens.server';
import { verifyPassword } from './password.server';
import { seal, sealingKey, unseal } from './two-factor-crypto.server';
import { addressThrottleKey, FREE_ATTEMPTS_PER_ADDRESS, recordLoginFailure, resetLoginFailures, secondsUntilAllowed, throttleKey } from './login-throttle.server';
import { signOutEverywhere } from './sign-out-everywhere.server';
import type { FormError } from './web-auth.server';
import { TWO_FACTOR_POLICIES, type TwoFactorPolicy } from './two-factor-policy';

const PERIOD = 30;
const DIGITS = 6;
export const BACKUP_CODE_COUNT = 10;
const PENDING_LOGIN_MS = 5 * 60_000;
const PENDING_COOKIE = 'waymark_2fa';

// ---------------------------------------------------------------------------------------------------------------------
// TOTP

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({ issuer: 'Waymark', label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

const currentStep = (now = Date.now()) => Math.floor(now / 1000 / PERIOD);

/** Normalises what a person types: digits only for TOTP; lower-case letters and digits for backup codes. */
const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

/** The user's two-factor state; `pending` is an enrolment started and not yet confirmed. */
export async function twoFactorStatus(services: Services, userId: number) {
  const row = await services.db.twoFactor.findUnique({ where: { userId } });
  const remaining = row?.enabledAt ? await services.db.twoFactorBackupCode.count({ where: { userId, usedAt: null } }) : 0;
  return { enabled: !!row?.enabledAt, enabledAt: row?.enabledAt ?? null, backupCodesLeft: remaining, pending: row && !row.enabledAt ? row : null };
}

export const isTwoFactorEnabled = async (services: Services, userId: number) =>
  !!(await services.db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }))?.enabledAt;

/**
 * Starts (or restarts) enrolment: a fresh secret, sealed, not active until confirmed with a code. Returns what the page
 * shows: the secret for manual entry, the otpauth:// URI and its QR code as an SVG data URL (made here, no outside service).
 */
export async function startEnrolment(services: Services, user: Pick<User, 'id' | 'email'>, known?: { secretSealed: string; enabledAt: Date | null }) {
  const existing = known ?? (await services.db.twoFactor.findUnique({ where: { userId: user.id } }));
  if (existing?.enabledAt) return null;
  const key = sealingKey(services.config);
  let secret: string;
  if (existing) {
    secret = unseal(key, existing.secretSealed, user.id);
  } else {
    secret = new OTPAuth.Secret({ size: 20 }).base32;
    await services.db.twoFactor.create({ data: { userId: user.id, secretSealed: seal(key, secret, user.id) } });
  }
  const uri = totpFor(secret, user.email).toString();
  // qrcode is loaded here, on the first enrolment, not with every request that checks a session
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Checks a TOTP code (±1 step) and spends it: the accepted step must be later than the last one accepted, and the
 * update is conditional, so the same code cannot be used twice even by two requests at once.
 */
async function spendTotp(services: Services, userId: number, code: string, requireEnabled: boolean) {
  if (!/^\d{6}$/.test(code)) return false;
  const row = await services.db.twoFactor.findUnique({ where: { userId } });
  if (!row || (requireEnabled && !row.enabledAt)) return false;
  const secret = unseal(sealingKey(services.config), row.secretSealed, userId);
  const delta = totpFor(secret, 'x').validate({ token: code, window: 1 });
  if (delta === null) return false;
  const step = currentStep() + delta;
  const { count } = await services.db.twoFactor.updateMany({ where: { userId, lastStep: { lt: step } }, data: { lastStep: step } });
  return count === 1;
}

async function spendBackupCode(services: Services, userId: number, code: string) {
  if (!/^[a-z0-9]{10}$/.test(code)) return false;
  const { count } = await services.db.twoFactorBackupCode.updateMany({
    where: { userId, codeHash: hashSecret(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/** 'totp' or 'backup' when the code was good (and is now spent), else null. */
export async function verifySecondFactor(services: Services, userId: number, rawCode: string): Promise<'totp' | 'backup' | null> {
  const code = normaliseCode(rawCode);
  if (await spendTotp(services, userId, code, true)) return 'totp';
  if (await spendBackupCode(services, userId, code)) return 'backup';
  return null;
}

/** Ten fresh backup codes (replacing any earlier ones), shown once as "xxxxx-xxxxx"; only their hashes are kept. */
async function newBackupCodes(services: Services, userId: number) {
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, () => randomSecret().slice(0, 10));
  await services.db.$transaction([
    services.db.twoFactorBackupCode.deleteMany({ where: { userId } }),
    services.db.twoFactorBackupCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashSecret(c) })) }),
  ]);
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

/** Confirms enrolment with a first code; returns the backup codes, or null when the code was wrong. */
export async function confirmEnrolment(services: Services, userId: number, rawCode: string, ip: string | null) {
  const row = await services.db.twoFactor.findUnique({ where: { userId } });
  if (!row || row.enabledAt) return null;
  if (!(await spendTotp(services, userId, normaliseCode(rawCode), false))) return null;
  await services.db.twoFactor.update({ where: { userId }, data: { enabledAt: new Date() } });
  const codes = await newBackupCodes(services, userId);
  await services.audit({ action: 'auth.two_factor_enabled', userId, ip });
  return codes;
}

export async function regenerateBackupCodes(services: Services, userId: number, ip: string | null) {
  if (!(await isTwoFactorEnabled(services, userId))) return null;
  const codes = await newBackupCodes(services, userId);
  await services.audit({ action: 'auth.two_factor_backup_codes', userId, ip });
  return codes;
}

async function removeTwoFactor(services: Services, userId: number) {
  await services.db.$transaction([
    services.db.twoFactorBackupCode.deleteMany({ where: { userId } }),
    services.db.pendingLogin.deleteMany({ where: { userId } }),
    services.db.twoFactor.deleteMany({ where: { userId } }),
  ]);
}

/** Turning it off needs a current code (or a backup code) or the account password. */
export async function disableTwoFactor(services: Services, user: Pick<User, 'id' | 'passwordHash'>, proof: string, ip: string | null) {
  if (!proof) return false;
  const ok = (await verifySecondFactor(services, user.id, proof)) !== null || (await verifyPassword(user.passwordHash, proof));
  if (!ok) {
    await services.audit({ action: 'auth.two_factor_disabled', userId: user.id, success: false, ip });
    return false;
  }
  await removeTwoFactor(services, user.id);
  await services.audit({ action: 'auth.two_factor_disabled', userId: user.id, ip });
  return true;
}

/** An administrator's recovery for a user who lost the authenticator: two-factor off, every session of theirs ended. */
export async function adminResetTwoFactor(services: Services, adminId: number, userId: number, ip: string | null) {
  const target = await services.db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!target) return false;
  await removeTwoFactor(services, userId);
  await signOutEverywhere(services, userId, ip);
  await services.audit({ action: 'admin.two_factor_reset', userId: adminId, ip, detail: { targetUserId: userId } });
  return true;
}

// ---------------------------------------------------------------------------------------------------------------------
// Policy: who must use two-factor (an instance setting)

export { TWO_FACTOR_POLICIES, type TwoFactorPolicy };
const POLICY_SETTING = 'twoFactorPolicy';
const policySchema = z.object({ require: z.enum(TWO_FACTOR_POLICIES) });

export async function twoFactorPolicy(services: Services): Promise<TwoFactorPolicy> {
  const row = await services.db.instanceSetting.findUnique({ where: { key: POLICY_SETTING } });
  const parsed = policySchema.safeParse(row?.value);
  return parsed.success ? parsed.data.require : 'nobody';
}

export async function setTwoFactorPolicy(services: Services, adminId: number, policy: TwoFactorPolicy, ip: string | null) {
  const value = { require: policy };
  await services.db.instanceSetting.upsert({ where: { key: POLICY_SETTING }, create: { key: POLICY_SETTING, value }, update: { value } });
  await services.audit({ action: 'admin.two_factor_policy', userId: adminId, ip, detail: value });
}

const policyCovers = (policy: TwoFactorPolicy, user: Pick<User, 'isAdmin'>) => policy === 'everyone' || (policy === 'admins' && user.isAdmin);

/** Paths a user who must still enrol may reach: the enrolment page, signing in and out. */
const ENROLMENT_PATHS = [/^\/settings\/security\/?$/, /^\/logout\/?$/, /^\/login(\/|$)/, /^\/auth\/oidc\//];

/**
 * Sends a password-signed-in user whom the policy covers and who has no second factor yet to the enrolment page, from
 * everywhere else (pages, their data requests, tRPC). Single sign-on sessions are exempt: the provider is the factor.
 */
export async function enforceTwoFactorEnrolment(services: Services, request: Request, user: Pick<User, 'id' | 'isAdmin'>, signInMethod: string, policy: TwoFactorPolicy) {
  if (signInMethod === 'sso') return;
  if (!policyCovers(policy, user)) return;
  const path = new URL(request.url).pathname;
  if (ENROLMENT_PATHS.some((re) => re.test(path))) return;
  if (await isTwoFactorEnabled(services, user.id)) return;
  throw redirect('/settings/security?required=1');
}

/** Whether the policy asks this user to enrol now (for the enrolment page's notice), given whether they have. */
export async function enrolmentRequired(services: Services, user: Pick<User, 'id' | 'isAdmin'>, enabled: boolean) {
  return !enabled && policyCovers(await twoFactorPolicy(services), user);
}

// ---------------------------------------------------------------------------------------------------------------------
// The second login step

const pendingCookieName = (secure: boolean) => (secure ? `__Host-${PENDING_COOKIE}` : PENDING_COOKIE);

function pendingCookie(services: Services, token: string | null) {
  const secure = services.config.appUrlIsHttps;
  const attrs = [`${pendingCookieName(secure)}=${token ?? ''}`, 'HttpOnly', 'SameSite=Lax', 'Path=/', token ? `Max-Age=${PENDING_LOGIN_MS / 1000}` : 'Max-Age=0'];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

/**
 * After a correct password: a user with two-factor gets a pending login (a random token in an HttpOnly cookie, only its
 * hash in the database) and goes to the code page; anyone else gets a session at once.
 */
export async function completePasswordLogin(services: Services, user: Pick<User, 'id'>, redirectTo: string) {
  if (await isTwoFactorEnabled(services, user.id)) {
    const token = randomSecret();
    await services.db.pendingLogin.deleteMany({ where: { OR: [{ userId: user.id }, { expiresAt: { lt: new Date() } }] } });
    await services.db.pendingLogin.create({ data: { id: hashSecret(token), userId: user.id, redirectTo, expiresAt: new Date(Date.now() + PENDING_LOGIN_MS) } });
    return redirect('/login/two-factor', { headers: { 'Set-Cookie': pendingCookie(services, token) } });
  }
  return redirect(redirectTo, { headers: { 'Set-Cookie': await startWebSession(services, user.id) } });
}

/** The pending login the request's cookie names, with its user, or null when there is none (or it expired). */
export async function readPendingLogin(services: Services, request: Request) {
  const token = readCookie(request.headers.get('Cookie'), pendingCookieName(services.config.appUrlIsHttps));
  if (!token) return null;
  const row = await services.db.pendingLogin.findUnique({ where: { id: hashSecret(token) }, include: { user: true } });
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return row;
}

export type SecondStepResult = { ok: true; response: Response } | { ok: false; error: FormError; status: number; expired?: boolean };

/** The code page's action: the login throttle counts wrong codes like wrong passwords (same e-mail + address keys). */
export async function completeSecondStep(services: Services, request: Request, code: string, ip: string | null): Promise<SecondStepResult> {
  const pending = await readPendingLogin(services, request);
  if (!pending) return { ok: false, error: { key: 'security:login.expired' }, status: 400, expired: true };
  const key = throttleKey(pending.user.email, ip);
  const addressKey = addressThrottleKey(ip);
  const wait = Math.max(await secondsUntilAllowed(services.db, key), await secondsUntilAllowed(services.db, addressKey));
  if (wait > 0) return { ok: false, error: { key: 'auth:errors.throttled', params: { seconds: wait } }, status: 429 };
  if (!code.trim()) return { ok: false, error: { key: 'security:login.codeRequired' }, status: 400 };
  const kind = await verifySecondFactor(services, pending.userId, code);
  if (!kind) {
    const lock = Math.max(await recordLoginFailure(services.db, key), await recordLoginFailure(services.db, addressKey, Date.now(), FREE_ATTEMPTS_PER_ADDRESS));
    await services.audit({ action: 'auth.login_second_factor', userId: pending.userId, success: false, ip });
    if (lock > 0) return { ok: false, error: { key: 'auth:errors.throttled', params: { seconds: lock } }, status: 429 };
    return { ok: false, error: { key: 'security:login.wrongCode' }, status: 400 };
  }
  await resetLoginFailures(services.db, key);
  await services.db.pendingLogin.deleteMany({ where: { id: pending.id } });
  await services.audit({ action: 'auth.login_second_factor', userId: pending.userId, ip, detail: { method: kind } });
  const headers = new Headers();
  headers.append('Set-Cookie', await startWebSession(services, pending.userId));
  headers.append('Set-Cookie', pendingCookie(services, null));
  return { ok: true, response: redirect(pending.redirectTo, { headers }) };
}

