// The one rate window behind the OAuth and MCP limits: wall-clock minutes, the limit-th hit still allowed, Retry-After
// counting down to the next minute, and keys counted apart.
import { describe, expect, it } from 'vitest';
import { createMemoryRateWindows, databaseVerdict, rateWindowAt, rateWindowUpsertSql } from './rate-window.server';

const MINUTE = 60_000;
const t0 = 1_800_000_000_000 - (1_800_000_000_000 % MINUTE); // the start of some minute

describe('rateWindowAt', () => {
  it('starts windows on wall-clock minutes and gives the seconds left, at least 1', () => {
    expect(rateWindowAt(t0)).toEqual({ start: t0, retryAfter: 60 });
    expect(rateWindowAt(t0 + 59_100)).toEqual({ start: t0, retryAfter: 1 });
    expect(rateWindowAt(t0 + 59_999)).toEqual({ start: t0, retryAfter: 1 });
    expect(rateWindowAt(t0 + 15_500)).toEqual({ start: t0, retryAfter: 45 });
  });
});

describe('createMemoryRateWindows', () => {
  it('allows the limit-th hit of a minute and refuses the next, until the next minute starts', () => {
    const windows = createMemoryRateWindows();
    const hits = [1, 2, 3].map((i) => windows.hit('k', 2, t0 + i * 1000));
    expect(hits.map((h) => [h.allowed, h.count])).toEqual([[true, 1], [true, 2], [false, 3]]);
    expect(hits[2].retryAfter).toBe(57);
    expect(windows.hit('k', 2, t0 + MINUTE)).toEqual({ allowed: true, count: 1, retryAfter: 60 });
  });

  it('counts each key on its own', () => {
    const windows = createMemoryRateWindows();
    windows.hit('a', 1, t0);
    expect(windows.hit('a', 1, t0).allowed).toBe(false);
    expect(windows.hit('b', 1, t0).allowed).toBe(true);
  });
});

describe('the database window', () => {
  it('upserts the key into the minute that now falls in', () => {
    const sql = rateWindowUpsertSql('mcp:1:oauth:x', t0 + 12_345);
    expect(sql.sql).toMatch(/INSERT INTO "RateWindow" .* ON CONFLICT \("key", "windowStart"\) DO UPDATE SET "count" = "RateWindow"\."count" \+ 1\s+RETURNING "count"/s);
    expect(sql.values).toEqual(['mcp:1:oauth:x', new Date(t0 + 12_345)]);
  });

  it('judges the returned count as the memory windows do', () => {
    expect(databaseVerdict(2, 2, t0 + 1000)).toEqual({ allowed: true, count: 2, retryAfter: 59 });
    expect(databaseVerdict('3', 2, t0 + 1000)).toEqual({ allowed: false, count: 3, retryAfter: 59 });
    expect(databaseVerdict(undefined, 2, t0)).toEqual({ allowed: true, count: 1, retryAfter: 60 });
  });
});
