import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most this many hashes run at once (each holds ~19 MiB and a libuv thread); the rest wait in line, so a burst of
 * logins or registrations costs time, not memory, and leaves threads for file and DNS work.
 */
export const MAX_CONCURRENT_HASHES = 2;

/** The queue's state, read by tests and the benchmark. */
export const passwordHashing = { active: 0, waiting: 0 };
const queue: Array<() => void> = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (passwordHashing.active >= MAX_CONCURRENT_HASHES) {
    passwordHashing.waiting += 1;
    await new Promise<void>((resolve) => queue.push(resolve));
    passwordHashing.waiting -= 1;
  } else {
    passwordHashing.active += 1;
  }
  try {
    return await work();
  } finally {
    const next = queue.shift();
    // The slot passes straight to the next in line (active stays the same), or is freed.
    if (next) next();
    else passwordHashing.active -= 1;
  }
}

export function hashPassword(password: string) {
  return bounded(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await bounded(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}
