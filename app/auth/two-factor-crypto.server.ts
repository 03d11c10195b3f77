// Sealing two-factor secrets at rest. A TOTP secret cannot be hashed (the server computes codes from it), so it is
// encrypted with AES-256-GCM. The key comes from TWO_FACTOR_KEY (several instances, serverless hosts) or else from
// DATA_DIR/two-factor.key, created on first use with mode 0600 (docs/decisions/031-two-factor-and-single-sign-on.md).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '~/env.server';

const KEY_FILE = 'two-factor.key';
const VERSION = 'v1';
const keys = new Map<string, Buffer>();

/** The sealing key: the configured one, else the data directory's key file (made once, readable by the owner only). */
export function sealingKey(config: Pick<Config, 'twoFactorKey' | 'dataDir'>): Buffer {
  if (config.twoFactorKey) return Buffer.from(config.twoFactorKey, 'hex');
  const file = path.resolve(config.dataDir, KEY_FILE);
  const cached = keys.get(file);
  if (cached) return cached;
  let hex: string;
  try {
    hex = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // 'wx': two instances starting together cannot both write a different key
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new Error(`Cannot create ${file} for two-factor secrets (${(writeError as Error).message}); set TWO_FACTOR_KEY instead`);
      }
    }
    hex = fs.readFileSync(file, 'utf8').trim();
  }
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} is not a 64-character hexadecimal key`);
  const key = Buffer.from(hex, 'hex');
  keys.set(file, key);
  return key;
}

/** "v1.<iv>.<tag>.<ciphertext>" (base64url); the user id is bound in as associated data, so rows cannot be swapped. */
export function seal(key: Buffer, plaintext: string, userId: number) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`two-factor:${userId}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function unseal(key: Buffer, sealed: string, userId: number) {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown sealed secret format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`two-factor:${userId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
