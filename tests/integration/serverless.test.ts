// The serverless entry (issue 18, Vercel): the Vercel function (api/index.js → build/serverless.js) run as separate
// short-lived instances, each its own process with fresh module state, against one PostgreSQL, the standalone realtime
// server and a fake S3 bucket. It must prove what the several-instances test proves, /mcp across invocations included,
// and write nothing to the local disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '~/db/client.server';
import { createServerlessHandler, serverlessConfig } from '~/serverless/handler';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startFakeS3, type FakeS3 } from '../helpers/fake-s3';
import { makeUser, trpcClient } from '../helpers/users';
import { createStaticToken } from './mcp.helpers';
import {
  APP_URL,
  mcpClientVia,
  proveOAuthCodeAcross,
  proveOAuthRateShared,
  proveRateLimitShared,
  proveRealtimeAcross,
  proveSessionCapShared,
  root,
  spawnUntilListening,
  startRealtimeChild,
  via,
  type Child,
  type StandaloneRealtimeChild,
} from './multi-instance.helpers';

const RATE_LIMIT = 10;
const SESSION_CAP = 3;
const CRON_SECRET = 'cron-secret-0123456789abcdef';

let database: TestDatabase;
let shared: Database;
let realtime: StandaloneRealtimeChild;
let s3: FakeS3;
/** Where DATA_DIR points: it must never come into being. */
const untouched = path.join(os.tmpdir(), `waymark-serverless-${process.pid}-never-created`);

function env(): Record<string, string> {
  return {
    APP_URL,
    DATABASE_URL: database.url,
    DATA_DIR: untouched,
    LOG_LEVEL: 'error',
    CRON_SECRET,
    // One purge period for the whole run: the cron proof's second call falls in the period of its first.
    JOB_INTERVAL_SECONDS: '86400',
    MCP_RATE_LIMIT: String(RATE_LIMIT),
    MCP_MAX_SESSION_PER_USER: String(SESSION_CAP),
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.url,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    ...realtime.env,
  };
}

/** One instance of the function: a fresh process running api/index.js behind the platform stand-in. */
function startInstance(overrides: Record<string, string> = {}): Promise<Child> {
  return spawnUntilListening([path.join(root, 'tests/helpers/serverless-host.mjs')], { ...env(), ...overrides }, /listening on (http:\/\/\S+)/);
}

/** Runs `work` with `count` fresh instances, stopped afterwards (they are short-lived). */
async function withInstances<T>(count: number, work: (urls: string[]) => Promise<T>) {
  const instances = await Promise.all(Array.from({ length: count }, startInstance));
  try {
    return await work(instances.map((i) => i.url));
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  shared = await openDatabase({ databaseUrl: database.url, dataDir: '' });
  await shared.db.addon.upsert({ where: { id: 'mcp' }, update: { enabled: true }, create: { id: 'mcp', enabled: true } });
  [realtime, s3] = await Promise.all([startRealtimeChild(), startFakeS3()]);
}, 120_000);

afterAll(async () => {
  await realtime?.stop();
  await s3?.close();
  await shared?.close();
  await database?.drop();
});

describe('the serverless handler', { timeout: 120_000 }, () => {
  it('refuses to run on anything that needs a disk or a long-lived process, naming what to set', async () => {
    expect(() => serverlessConfig({})).toThrow(/DATABASE_URL[\s\S]*PUSHER_APP_ID[\s\S]*S3_BUCKET[\s\S]*APP_URL/);
    expect(() => serverlessConfig(env())).not.toThrow();
    let loaded = false;
    const handler = createServerlessHandler({
      env: { ...env(), DATABASE_URL: '' },
      loadBuild: async () => {
        loaded = true;
        throw new Error('not reached');
      },
    });
    const response = await handler(new Request(`${APP_URL}/login`));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('postgres');
    expect(loaded).toBe(false);
  });

  it('continues one MCP session across three invocations on three fresh instances', async () => {
    const { user } = await makeUser(via(APP_URL, shared.db));
    const { token } = await createStaticToken(via(APP_URL, shared.db), user.id);
    let current = await startInstance();
    const { client, transport } = await mcpClientVia(() => current.url, token);
    try {
      const sessionId = transport.sessionId!;
      expect(await shared.db.mcpSession.count({ where: { id: sessionId, userId: user.id, closedAt: null } })).toBe(1);
      await current.stop();
      current = await startInstance();
      const created = await client.callTool({ name: 'create_trip', arguments: { title: 'Planned serverlessly' } });
      expect(created.isError).toBeFalsy();
      await current.stop();
      current = await startInstance();
      const listed = await client.callTool({ name: 'list_trips', arguments: {} });
      expect(JSON.stringify(listed.structuredContent)).toContain('Planned serverlessly');
      expect(transport.sessionId).toBe(sessionId);
    } finally {
      await client.close();
      await current.stop();
    }
  });

  it('counts the MCP rate limit across instances', async () => {
    await withInstances(2, (urls) => proveRateLimitShared(shared.db, urls, RATE_LIMIT));
  });

  it('counts the MCP session cap across instances', async () => {
    await withInstances(2, (urls) => proveSessionCapShared(shared.db, urls, SESSION_CAP));
  });

  it('counts the OAuth token endpoint’s rate window across instances', async () => {
    await withInstances(2, (urls) => proveOAuthRateShared(shared.db, urls));
  });

  it('runs the scheduled jobs when the host’s cron calls /api/cron with CRON_SECRET, once per period across instances', async () => {
    const stale = await shared.db.rateWindow.create({ data: { key: 'cron-proof', windowStart: new Date(Date.now() - 3_600_000), count: 1 } });
    await withInstances(2, async ([first, second]) => {
      const cron = (url: string, authorization?: string) => fetch(`${url}/api/cron`, { headers: authorization ? { Authorization: authorization } : {} });
      expect((await cron(first)).status).toBe(401);
      expect((await cron(first, 'Bearer not-the-secret')).status).toBe(401);
      expect(await shared.db.rateWindow.count({ where: { key: stale.key } })).toBe(1);
      const ran = await cron(first, `Bearer ${CRON_SECRET}`);
      expect(ran.status).toBe(200);
      expect(await ran.json()).toMatchObject({ jobs: { purge: 'ran', 'notification-reminders': 'ran', 'notification-delivery': 'ran' } });
      expect(await shared.db.rateWindow.count({ where: { key: stale.key } })).toBe(0);
      // The same period again, on another instance: claimed already, not run twice.
      const again = await cron(second, `Bearer ${CRON_SECRET}`);
      expect(await again.json()).toMatchObject({ jobs: { purge: 'done', 'notification-reminders': 'done', 'notification-delivery': 'done' } });
    });
  });

  it('has no /api/cron without CRON_SECRET, and refuses to start with one shorter than 16 characters, naming it', async () => {
    expect(() => serverlessConfig({ ...env(), CRON_SECRET: 'too-short' })).toThrow(/CRON_SECRET must be at least 16 characters/);
    const instance = await startInstance({ CRON_SECRET: '' });
    try {
      const response = await fetch(`${instance.url}/api/cron`, { method: 'POST', headers: { Authorization: 'Bearer ' } });
      expect(response.status).toBe(404);
    } finally {
      await instance.stop();
    }
  });

  it('redeems on one instance an OAuth authorization code issued by another (PKCE)', async () => {
    await withInstances(2, ([issuer, redeemer]) => proveOAuthCodeAcross(shared.db, issuer, redeemer));
  });

  it('delivers a change made through one instance to a pusher-js client authorized by another', async () => {
    await withInstances(2, ([writer, browser]) => proveRealtimeAcross(shared.db, realtime, writer, browser));
  });

  it('keeps uploads in the S3 bucket (uploaded on one instance, served by another), serves pages, guards writes, writes nothing to disk', async () => {
    const { cookie } = await makeUser(via(APP_URL, shared.db));
    await withInstances(2, async ([first, second]) => {
      const trpc = trpcClient(via(first, shared.db), cookie);
      const { trip } = await trpc.trips.createTrip.mutate({ title: 'Photos', startDate: '2027-06-01', endDate: '2027-06-02' });
      const { place } = await trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Pier' });
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2212bc20000000049454e44ae426082',
        'hex',
      );
      const uploaded = await fetch(`${first}/api/places/${place.id}/photo`, {
        method: 'POST',
        headers: { 'Content-Type': 'image/png', Origin: first, Cookie: cookie },
        body: new Uint8Array(png),
      });
      expect(uploaded.status).toBe(200);
      const { place: withPhoto } = (await uploaded.json()) as { place: { photoUrl: string } };
      const key = `places/${withPhoto.photoUrl.split('/').pop()}`;
      expect(s3.objects.get(key)).toEqual({ bytes: png, contentType: 'image/png' });
      const served = await fetch(`${second}${withPhoto.photoUrl}`, { headers: { Cookie: cookie } });
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(png);

      // Pages render; the same guards as under server.ts: cross-site writes and oversized bodies are refused.
      const page = await fetch(`${second}/login`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form');
      const crossSite = await fetch(`${second}/api/trpc/trips.createTrip`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', Cookie: cookie },
        body: JSON.stringify({ title: 'Forged' }),
      });
      expect(crossSite.status).toBe(403);
      const oversized = await fetch(`${second}/api/trpc/trips.createTrip`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: second, Cookie: cookie },
        body: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(oversized.status).toBe(413);
      expect(await oversized.json()).toMatchObject({ error: 'payload_too_large' });
      expect(await shared.db.trip.count({ where: { title: { in: ['Forged'] } } })).toBe(0);
    });
    expect(fs.existsSync(untouched)).toBe(false);
  });
});
