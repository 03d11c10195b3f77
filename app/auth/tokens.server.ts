// Random secrets and their hashes. Every secret Waymark issues is random, prefixed, shown once and stored as SHA-256.
import crypto from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export const TOKEN_PREFIX = {
  accessToken: 'wmat_',
  refreshToken: 'wmrt_',
  staticToken: 'wm_',
  clientSecret: 'wmcs_',
  clientId: 'wmc_',
  authorizationCode: 'wmac_',
} as const;

/** 160 bits of randomness, base32. */
export function randomSecret(prefix = '') {
  const bytes = crypto.randomBytes(20);
  return prefix + encodeBase32LowerCaseNoPadding(bytes);
}

/** A public-link token (trip and journey share links): the token, shown once; its hash, stored; its hint, kept in clear. */
export function newLinkToken(prefix: string, hintLength: number) {
  const token = randomSecret(prefix);
  return { token, tokenHash: hashSecret(token), tokenHint: token.slice(0, hintLength) };
}

/** SHA-256 of the secret's UTF-8 bytes, lower-case hex (Node's native hash: it runs on every bearer check). */
export function hashSecret(secret: string) {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatchesHash(secret: string, storedHash: string) {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Whether an Authorization header carries `Bearer <token>` for a configured token (METRICS_TOKEN, CRON_SECRET), in constant time. */
export function bearerMatches(authorization: string | undefined, token: string) {
  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return secretMatchesHash(presented, hashSecret(token));
}
