// The server half of the login and registration pages: checking credentials (with the login throttle), validating the
// registration form into translatable field errors, and where to go afterwards.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import type { User } from '~/generated/prisma/client';
import type { Services } from '~/services/types.server';
import { getServices, getWebActor } from '~/utils/request.server';
import { hashPassword, verifyPassword } from './password.server';
import { createUser, displayNameSchema, emailSchema, passwordProblem, RegistrationRefusedError, usernameSchema, UserExistsError } from './users.server';
import { registrationStatus } from './registration.server';
import {
  addressThrottleKey,
  FREE_ATTEMPTS_PER_ADDRESS,
  recordLoginFailure,
  resetLoginFailures,
  secondsUntilAllowed,
  throttleKey,
} from './login-throttle.server';
import { rateWindows } from '~/utils/rate-window.server';

/** An error the page shows: a key in the auth namespace plus interpolation values. */
export interface FormError {
  key: string;
  params?: Record<string, string | number>;
}

/** Only same-site relative paths ("/trips/3"), never "//evil.example" or "/\\evil.example". */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\r\n\t]/.test(value)) return fallback;
  return value;
}

// Verifying against a throwaway hash when the e-mail is unknown keeps the answer time the same for both cases.
let dummyHash: Promise<string> | undefined;

export type LoginResult = { ok: true; user: User } | { ok: false; error: FormError; status: number };

export async function checkLogin(services: Services, input: { email: string; password: string; ip: string | null }): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password) return { ok: false, error: { key: 'auth:errors.missingCredentials' }, status: 400 };
  const key = throttleKey(email, input.ip);
  const addressKey = addressThrottleKey(input.ip);
  const waitSeconds = Math.max(await secondsUntilAllowed(services.db, key), await secondsUntilAllowed(services.db, addressKey));
  if (waitSeconds > 0) return { ok: false, error: { key: 'auth:errors.throttled', params: { seconds: waitSeconds } }, status: 429 };

  const user = await services.db.user.findUnique({ where: { email } });
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword('not a real password')), input.password).then(() => false);
  if (!user || !valid) {
    const lockSeconds = Math.max(
      await recordLoginFailure(services.db, key),
      await recordLoginFailure(services.db, addressKey, Date.now(), FREE_ATTEMPTS_PER_ADDRESS),
    );
    await services.audit({ action: 'auth.login', userId: user?.id ?? null, success: false, ip: input.ip, detail: { email } });
    if (lockSeconds > 0) return { ok: false, error: { key: 'auth:errors.throttled', params: { seconds: lockSeconds } }, status: 429 };
    return { ok: false, error: { key: 'auth:errors.invalidCredentials' }, status: 400 };
  }
  await resetLoginFailures(services.db, key);
  await services.audit({ action: 'auth.login', userId: user.id, ip: input.ip });
  return { ok: true, user };
}

export interface RegistrationInput {
  email: string;
  displayName: string;
  username: string;
  password: string;
  language: string;
  /** the invitation token from the invitation link's cookie, if any */
  invite?: string | null;
}

export type RegistrationResult =
  | { ok: true; user: User }
  | { ok: false; throttled?: boolean; refused?: 'closed' | 'inviteRequired'; fieldErrors: Partial<Record<'email' | 'displayName' | 'username' | 'password', FormError>> };

export async function registerUser(services: Services, input: RegistrationInput, ip: string | null): Promise<RegistrationResult> {
  const fieldErrors: Extract<RegistrationResult, { ok: false }>['fieldErrors'] = {};
  // Each registration costs a password hash and a user row: REGISTER_RATE_LIMIT per minute per address.
  const rate = await rateWindows(services).hit(`register|${ip ?? 'unknown'}`, services.config.registrationsPerMinute);
  if (!rate.allowed) return { ok: false, throttled: true, fieldErrors: { email: { key: 'auth:errors.throttled', params: { seconds: rate.retryAfter } } } };
  // Refused up front, before a password is hashed; the creation checks again in its transaction.
  const status = await registrationStatus(services.db, input.invite ?? null);
  if (status.refusal) return { ok: false, refused: status.refusal, fieldErrors: {} };
  if (!emailSchema.safeParse(input.email).success) fieldErrors.email = { key: 'auth:errors.emailInvalid' };
  const name = displayNameSchema.safeParse(input.displayName);
  if (!name.success) fieldErrors.displayName = { key: input.displayName.trim() ? 'auth:errors.displayNameTooLong' : 'auth:errors.displayNameRequired' };
  if (input.username.trim() && !usernameSchema.safeParse(input.username).success) fieldErrors.username = { key: 'auth:errors.usernameInvalid' };
  const passwordError = passwordProblem(input.password);
  if (passwordError) fieldErrors.password = passwordError;
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  try {
    const user = await createUser(
      services.db,
      {
        email: input.email,
        password: input.password,
        displayName: input.displayName,
        username: input.username.trim() || undefined,
        language: input.language,
      },
      { invite: input.invite ?? null },
    );
    await services.audit({ action: 'auth.register', userId: user.id, ip, detail: { admin: user.isAdmin } });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof RegistrationRefusedError) {
      return { ok: false, refused: error.reason, fieldErrors: {} };
    }
    if (error instanceof UserExistsError) {
      return error.message.startsWith('The username')
        ? { ok: false, fieldErrors: { username: { key: 'auth:errors.usernameTaken' } } }
        : { ok: false, fieldErrors: { email: { key: 'auth:errors.emailTaken' } } };
    }
    throw error;
  }
}

/** Loader of the login and registration pages: a signed-in visitor goes straight on to ?redirectTo= (or home). */
export async function signedOutPageLoader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'));
  const { actor } = await getWebActor(request, getServices(context));
  if (actor) throw redirect(redirectTo);
  return { redirectTo };
}
