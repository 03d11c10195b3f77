// The successor of a rotated refresh token, kept so a reuse inside the grace window gets the same tokens back instead
// of forking the family. Sealed with AES-256-GCM under a key derived from the old refresh token: the database holds
// only that token's hash, so neither a database reader nor another client can open it.
import crypto from 'node:crypto';
import type { Services } from '~/services/types.server';
import { hashSecret } from '~/auth/tokens.server';
import { REFRESH_GRACE_MS } from './constants';

interface Sealed {
  body: Record<string, unknown>;
  issuedAt: number;
}

function keyFor(refreshToken: string) {
  return crypto.createHmac('sha256', 'waymark.refresh-successor').update(refreshToken).digest();
}

export function sealSuccessor(refreshToken: string, body: Record<string, unknown>, issuedAt = Date.now()) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(refreshToken), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify({ body, issuedAt } satisfies Sealed), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
}

export function openSuccessor(refreshToken: string, sealed: string): Sealed | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(refreshToken), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as Sealed;
  } catch {
    return null;
  }
}

/** Files the response that replaced `refreshToken` on its row. */
export async function storeSuccessor(services: Services, refreshToken: string, body: Record<string, unknown>) {
  await services.db.oAuthToken.updateMany({
    where: { refreshTokenHash: hashSecret(refreshToken) },
    data: { successorSealed: sealSuccessor(refreshToken, body) },
  });
}

/**
 * The successor to hand out again: the presented refresh token was rotated less than the grace window ago by this
 * client, its family is not revoked, and its successor is still live. `expires_in` counts down from the first answer.
 */
export async function graceSuccessor(services: Services, clientId: string, refreshToken: string) {
  const row = await services.db.oAuthToken.findUnique({ where: { refreshTokenHash: hashSecret(refreshToken) } });
  if (!row || row.clientId !== clientId || row.revokedAt || !row.rotatedAt || !row.successorSealed) return null;
  if (Date.now() - row.rotatedAt.getTime() > REFRESH_GRACE_MS) return null;
  const sealed = openSuccessor(refreshToken, row.successorSealed);
  if (!sealed) return null;
  const next = typeof sealed.body.refresh_token === 'string' ? sealed.body.refresh_token : null;
  if (!next) return null;
  const successor = await services.db.oAuthToken.findUnique({ where: { refreshTokenHash: hashSecret(next) }, select: { revokedAt: true } });
  if (!successor || successor.revokedAt) return null;
  const elapsed = Math.floor((Date.now() - sealed.issuedAt) / 1000);
  const expiresIn = typeof sealed.body.expires_in === 'number' ? Math.max(1, sealed.body.expires_in - elapsed) : undefined;
  return { ...sealed.body, ...(expiresIn ? { expires_in: expiresIn } : {}) };
}
