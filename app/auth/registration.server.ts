// Who may create an account: an administrator's setting (open, invite-only, closed) and the invitation links of
// invite-only mode. The very first account is always allowed: it sets the installation up and administers it.
import { z } from 'zod';
import type { Db } from '~/db/client.server';
import { hashSecret, randomSecret } from './tokens.server';

export const REGISTRATION_MODES = ['open', 'invite', 'closed'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];
const modeSchema = z.enum(REGISTRATION_MODES);

const SETTING_KEY = 'registration';
export const INVITE_PREFIX = 'wmi_';
/** The cookie carrying an invitation from its link to the registration form (the token leaves the address bar). */
export const INVITE_COOKIE = 'wm_invite';

type Tx = Pick<Db, 'instanceSetting' | 'invite'>;

export async function registrationMode(db: Tx): Promise<RegistrationMode> {
  const row = await db.instanceSetting.findUnique({ where: { key: SETTING_KEY } });
  const parsed = modeSchema.safeParse((row?.value as { mode?: unknown } | null)?.mode);
  return parsed.success ? parsed.data : 'open';
}

export async function setRegistrationMode(db: Tx, mode: RegistrationMode) {
  await db.instanceSetting.upsert({
    where: { key: SETTING_KEY },
    create: { key: SETTING_KEY, value: { mode } },
    update: { value: { mode } },
  });
}

/** A new invitation: the link's token is returned once and kept only as its hash. */
export async function createInvite(db: Tx, input: { createdById: number; expiresInDays: number; maxUses: number; note: string }) {
  const token = randomSecret(INVITE_PREFIX);
  const invite = await db.invite.create({
    data: {
      tokenHash: hashSecret(token),
      createdById: input.createdById,
      maxUses: input.maxUses,
      note: input.note,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    },
  });
  return { invite, token };
}

/** An invitation has uses left and has not expired (the rule `redeemInvite` applies in its UPDATE). */
export const inviteUsable = (invite: { uses: number; maxUses: number; expiresAt: Date }, now = new Date()) =>
  invite.uses < invite.maxUses && invite.expiresAt > now;

/** Whether an invitation token can still be used (for the registration page; the use itself is `redeemInvite`). */
export async function inviteIsUsable(db: Tx, token: string | null) {
  if (!token?.startsWith(INVITE_PREFIX)) return false;
  const invite = await db.invite.findUnique({ where: { tokenHash: hashSecret(token) } });
  return !!invite && inviteUsable(invite);
}

/**
 * Takes one use of the invitation, atomically (two registrations racing for the last use cannot both have it).
 * Run inside the user's creation transaction, so a registration that fails afterwards gives the use back.
 */
export async function redeemInvite(tx: Tx, token: string | null) {
  if (!token?.startsWith(INVITE_PREFIX)) return false;
  const taken = await tx.invite.updateMany({
    where: { tokenHash: hashSecret(token), uses: { lt: tx.invite.fields.maxUses }, expiresAt: { gt: new Date() } },
    data: { uses: { increment: 1 } },
  });
  return taken.count === 1;
}

type Refusal = 'closed' | 'inviteRequired' | null;

/**
 * The one rule: the first account is always allowed; closed refuses; invite-only needs a usable invitation (asked only
 * in that mode — the page only looks, the creation takes a use).
 */
async function refusalFor(mode: RegistrationMode, isFirst: boolean, invitationOk: () => Promise<boolean>): Promise<Refusal> {
  if (isFirst) return null;
  if (mode === 'closed') return 'closed';
  if (mode === 'invite' && !(await invitationOk())) return 'inviteRequired';
  return null;
}

/** Why a registration is refused by the setting, or null when it may go ahead. `isFirst`: no account exists yet. */
export async function registrationRefusal(tx: Tx, { isFirst, invite }: { isFirst: boolean; invite: string | null }): Promise<Refusal> {
  return refusalFor(await registrationMode(tx), isFirst, () => redeemInvite(tx, invite));
}

/** What the registration page shows: the form, or why it is refused (read-only: nothing is redeemed). */
export async function registrationStatus(db: Pick<Db, 'instanceSetting' | 'invite' | 'user'>, invite: string | null) {
  const mode = await registrationMode(db);
  const isFirst = (await db.user.count()) === 0;
  const inviteValid = mode === 'invite' && (await inviteIsUsable(db, invite));
  return { mode, refusal: await refusalFor(mode, isFirst, async () => inviteValid), invited: inviteValid };
}
