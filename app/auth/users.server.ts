// Creating users: registration, the CLI, and the bootstrap admin from ADMIN_EMAIL/ADMIN_PASSWORD.
import { z } from 'zod';
import type { Db } from '~/db/client.server';
import { hashPassword } from './password.server';
import { registrationRefusal } from './registration.server';

export const emailSchema = z.string().trim().toLowerCase().email('must be a valid e-mail address').max(254);
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 200;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/** What is wrong with a new password, as a translatable message for the form; null when it is acceptable. */
export function passwordProblem(password: string): { key: string; params: { min: number; max: number } } | null {
  if (passwordSchema.safeParse(password).success) return null;
  const key = password.length < PASSWORD_MIN ? 'auth:errors.passwordTooShort' : 'auth:errors.passwordTooLong';
  return { key, params: { min: PASSWORD_MIN, max: PASSWORD_MAX } };
}
export const usernameSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'may contain only letters, digits, dot, dash and underscore');
export const displayNameSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export class UserExistsError extends Error {}
/** The registration setting refuses this sign-up: registration is closed, or it needs a (valid) invitation. */
export class RegistrationRefusedError extends Error {
  constructor(readonly reason: 'closed' | 'inviteRequired') {
    super(reason === 'closed' ? 'Registration is closed' : 'Registration needs a valid invitation');
  }
}

/** Derives a free username from an e-mail address (anna@x.org → anna, anna2, …). */
async function freeUsername(db: Db, email: string) {
  const base = email.split('@')[0].replace(/[^\p{L}\p{N}_.-]+/gu, '').slice(0, 32) || 'user';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}${n}`;
    if (!(await db.user.findUnique({ where: { username: candidate } }))) return candidate;
  }
}

/** The advisory-lock key user creations take turns on (any constant; "wmUser" in ASCII). */
export const USER_CREATION_LOCK = 0x776d55736572n;

export async function createUser(
  db: Db,
  input: { email: string; password: string; displayName?: string; username?: string; language?: string; admin?: boolean },
  /** Self-service sign-ups pass this: the administrator's registration setting applies (the CLI and ADMIN_EMAIL do not). */
  selfService?: { invite: string | null },
) {
  const email = emailSchema.parse(input.email);
  passwordSchema.parse(input.password);
  if (await db.user.findUnique({ where: { email } })) throw new UserExistsError(`A user with the e-mail ${email} exists already`);
  const username = input.username ? usernameSchema.parse(input.username) : await freeUsername(db, email);
  if (await db.user.findUnique({ where: { username } })) throw new UserExistsError(`The username ${username} is taken`);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // The very first account administers the installation. Creations take turns on a transaction-scoped advisory
    // lock: under READ COMMITTED two concurrent first registrations would both count 0 and both become admin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER_CREATION_LOCK})`;
    const isFirst = (await tx.user.count()) === 0;
    if (selfService) {
      const refusal = await registrationRefusal(tx, { isFirst, invite: selfService.invite });
      if (refusal) throw new RegistrationRefusedError(refusal);
    }
    return tx.user.create({
      data: {
        email,
        username,
        displayName: input.displayName?.trim() || username,
        passwordHash,
        language: input.language ?? 'en',
        isAdmin: input.admin === true || isFirst,
      },
    });
  });
}

export async function ensureBootstrapAdmin(db: Db, admin: { email: string; password: string }) {
  const email = admin.email.toLowerCase();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    if (!existing.isAdmin) await db.user.update({ where: { id: existing.id }, data: { isAdmin: true } });
    return existing;
  }
  return createUser(db, { email, password: admin.password, admin: true });
}
