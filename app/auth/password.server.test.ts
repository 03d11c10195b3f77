// Password hashing is bounded: argon2id takes ~19 MiB per hash, so a burst of logins must queue, not exhaust memory.
import { describe, expect, it } from 'vitest';
import { hashPassword, MAX_CONCURRENT_HASHES, passwordHashing, verifyPassword } from './password.server';

describe('bounded password hashing', () => {
  it('never runs more than MAX_CONCURRENT_HASHES at once and still answers every call', async () => {
    let peak = 0;
    const calls = Array.from({ length: 12 }, (_, i) => {
      const p = i % 2 ? hashPassword(`secret ${i}`) : verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$invalid', 'x');
      peak = Math.max(peak, passwordHashing.active);
      return p;
    });
    const probe = setInterval(() => (peak = Math.max(peak, passwordHashing.active)), 1);
    const results = await Promise.all(calls);
    clearInterval(probe);
    expect(MAX_CONCURRENT_HASHES).toBeLessThanOrEqual(4);
    expect(peak).toBeLessThanOrEqual(MAX_CONCURRENT_HASHES);
    expect(peak).toBeGreaterThan(0);
    expect(results.filter((r) => typeof r === 'string')).toHaveLength(6);
    expect(passwordHashing.active).toBe(0);
  });
});
