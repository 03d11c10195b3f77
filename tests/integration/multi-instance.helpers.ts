// Shared by the several-instances test (two `node build/server.js`) and the serverless test (the Vercel entry in
// short-lived processes): a standalone realtime server (`waymark realtime`), child processes that announce their URL,
// and the proofs both must pass, which reach the instances over real HTTP only. Every instance shares one PostgreSQL
// (the test helpers' database) and one APP_URL, the address a load balancer would give them all.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { expect } from 'vitest';
import { insideOneRateMinute } from '../helpers/rate-minute';
import Pusher from 'pusher-js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { Db } from '~/db/client.server';
import { FAILED_CLIENT_AUTH_PER_MINUTE } from '~/oauth/constants';
import { newCredentials } from '../../bin/commands/realtime.ts';
import type { RunningServer } from '../../server.ts';
import { makeUser, trpcClient } from '../helpers/users';
import { createStaticToken, initializeMessage } from './mcp.helpers';
import { approveConsent, pkcePair, postForm } from './oauth.helpers';
import { authorize, record, subscribe, waitFor } from './realtime.helpers';

export const root = path.resolve(import.meta.dirname, '../..');
/** The one public address of all instances (a load balancer's); the tests reach each instance by its own port. */
export const APP_URL = 'http://waymark.localhost:8080';

export interface Child {
  url: string;
  child: ChildProcess;
  /** every stdout line so far */
  output: string[];
  stop(): Promise<void>;
}

/** Spawns a process and resolves once a stdout line matches `listening` (its first group is the URL). */
export function spawnUntilListening(args: string[], env: Record<string, string>, listening: RegExp): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with code ${code} before listening`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const url = listening.exec(line)?.[1];
      if (url)
        resolve({
          url,
          child,
          output,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
    });
  });
}

export interface StandaloneRealtimeChild extends Child {
  /** PUSHER_* for the app instances (the secret included: the test made it up) */
  env: Record<string, string>;
  key: string;
  port: number;
}

/** `npx waymark realtime` (bin/waymark.js) on a free port, with credentials made up for this run. */
export async function startRealtimeChild(): Promise<StandaloneRealtimeChild> {
  const { appId, key, secret } = newCredentials();
  const started = await spawnUntilListening(
    [path.join(root, 'bin/waymark.js'), 'realtime', '--port', '0', '--host', '127.0.0.1'],
    { PUSHER_APP_ID: appId, PUSHER_KEY: key, PUSHER_SECRET: secret },
    /listening on (http:\/\/\S+)/,
  );
  const port = Number(new URL(started.url).port);
  return {
    ...started,
    key,
    port,
    env: { PUSHER_APP_ID: appId, PUSHER_KEY: key, PUSHER_SECRET: secret, PUSHER_HOST: '127.0.0.1', PUSHER_PORT: String(port), PUSHER_USE_TLS: 'false' },
  };
}

/** An object the test helpers accept where they need a server: its URL and the shared database. */
export function via(url: string, db: Db) {
  return { url, config: { appUrl: APP_URL }, services: { db } } as unknown as RunningServer;
}

/** A real MCP SDK client whose requests go to whichever instance `target()` names at the time of each request. */
export async function mcpClientVia(target: () => string, token: string, capabilities: ClientCapabilities = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(`${APP_URL}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      return fetch(`${target()}${url.pathname}${url.search}`, init);
    },
  });
  const client = new Client({ name: 'waymark-multi-instance', version: '1.0.0' }, { capabilities });
  await client.connect(transport);
  return { client, transport };
}

export async function rawMcpAt(instanceUrl: string, token: string, body: unknown, sessionId?: string, method = 'POST') {
  return fetch(`${instanceUrl}/mcp`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      Authorization: `Bearer ${token}`,
      ...(sessionId ? { 'Mcp-Session-Id': sessionId } : {}),
    },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });
}

/** Counts a user's MCP calls: one request per instance in turn until one is refused; the refusal comes at limit + 1. */
export async function proveRateLimitShared(db: Db, instances: string[], limit: number) {
  await insideOneRateMinute();
  const { user } = await makeUser(via(instances[0], db));
  const { token } = await createStaticToken(via(instances[0], db), user.id);
  const statuses: number[] = [];
  for (let i = 0; i <= limit; i++) {
    // (No session: each call is counted, then answered 400, so the session cap plays no part.)
    const res = await rawMcpAt(instances[i % instances.length], token, { jsonrpc: '2.0', id: i, method: 'tools/list' });
    statuses.push(res.status);
    if (res.status === 429) expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    await res.text();
  }
  // No instance alone saw more than half the calls, yet the call after the limit is refused, whichever instance got it.
  expect(statuses.slice(0, limit).every((s) => s === 400), statuses.join(',')).toBe(true);
  expect(statuses[limit]).toBe(429);
  const windows = await db.rateWindow.findMany({ where: { key: { contains: `${user.id}` } } });
  expect(windows.map((w) => w.count)).toContain(limit + 1);
}


/**
 * Failed client authentications at /oauth/token, one per instance in turn: the one after FAILED_CLIENT_AUTH_PER_MINUTE
 * is refused 429 whichever instance gets it (the OAuth windows are counted in the RateWindow table, as /mcp's).
 */
export async function proveOAuthRateShared(db: Db, instances: string[]) {
  await insideOneRateMinute();
  // A confidential client presenting a wrong secret: invalid_client (401) until the address's window is full.
  const clientId = `forged-${Math.random().toString(36).slice(2, 10)}`;
  const statuses: number[] = [];
  for (let i = 0; i <= FAILED_CLIENT_AUTH_PER_MINUTE; i++) {
    const res = await postForm(via(instances[i % instances.length], db), '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: 'not-the-secret',
    });
    statuses.push(res.status);
  }
  expect(statuses.slice(0, FAILED_CLIENT_AUTH_PER_MINUTE).every((s) => s === 401), statuses.join(',')).toBe(true);
  expect(statuses[FAILED_CLIENT_AUTH_PER_MINUTE]).toBe(429);
  const windows = await db.rateWindow.findMany({ where: { key: { startsWith: 'oauth-auth-fail:' } } });
  expect(windows.map((w) => w.count)).toContain(FAILED_CLIENT_AUTH_PER_MINUTE + 1);
}

/** Opens `cap` sessions spread over the instances: the next one is refused anywhere until one is closed. */
export async function proveSessionCapShared(db: Db, instances: string[], cap: number) {
  const { user } = await makeUser(via(instances[0], db));
  const { token } = await createStaticToken(via(instances[0], db), user.id);
  const ids: string[] = [];
  for (let i = 0; i < cap; i++) {
    const res = await rawMcpAt(instances[i % instances.length], token, initializeMessage);
    expect(res.status).toBe(200);
    ids.push(res.headers.get('Mcp-Session-Id')!);
  }
  expect(await db.mcpSession.count({ where: { userId: user.id, closedAt: null } })).toBe(cap);
  for (const instance of instances) {
    const refused = await rawMcpAt(instance, token, initializeMessage);
    expect(refused.status).toBe(429);
    expect(JSON.stringify(await refused.json())).toContain('Session limit reached');
  }
  // A session opened on the first instance is closed through the last: a new one fits again, on the first.
  const closed = await rawMcpAt(instances[instances.length - 1], token, null, ids[0], 'DELETE');
  expect(closed.status).toBe(200);
  const reopened = await rawMcpAt(instances[0], token, initializeMessage);
  expect(reopened.status).toBe(200);
}

/**
 * A public client registers on one instance, the user approves on it and gets a code; the code (with its PKCE
 * verifier) is redeemed on another, and the access token works on /mcp of both.
 */
export async function proveOAuthCodeAcross(db: Db, issuer: string, redeemer: string) {
  const { cookie } = await makeUser(via(issuer, db));
  const redirectUri = 'http://127.0.0.1:9/callback';
  const registered = await fetch(`${issuer}/oauth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_name: 'Several instances', redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' }),
  });
  expect(registered.status).toBe(201);
  const { client_id: clientId } = (await registered.json()) as { client_id: string };
  const { verifier, challenge } = pkcePair();
  const resource = `${APP_URL}/mcp`;
  const location = await approveConsent(via(issuer, db), cookie, {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'trips:read',
    state: 'multi',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    resource,
  });
  const code = location.searchParams.get('code');
  expect(code).toBeTruthy();
  const form = { grant_type: 'authorization_code', code: code!, redirect_uri: redirectUri, client_id: clientId, resource };
  // A wrong verifier is refused on the other instance too (the code is checked, not just found).
  const wrong = await postForm(via(redeemer, db), '/oauth/token', { ...form, code_verifier: pkcePair().verifier });
  expect(wrong.body.error).toBe('invalid_grant');
  // (A refused redemption spends the code: a second authorization gives a fresh one.)
  const again = await approveConsent(via(issuer, db), cookie, {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'trips:read',
    state: 'multi',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    resource,
  });
  const tokens = await postForm(via(redeemer, db), '/oauth/token', { ...form, code: again.searchParams.get('code')!, code_verifier: verifier });
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  const accessToken = tokens.body.access_token as string;
  for (const instance of [issuer, redeemer]) {
    const res = await rawMcpAt(instance, accessToken, initializeMessage);
    expect(res.status).toBe(200);
  }
}

/**
 * The same person has the trip open in a browser served by one instance (pusher-js on the standalone realtime server,
 * channel authorized by that instance's /api/realtime/auth) and changes it through another: the event arrives.
 */
export async function proveRealtimeAcross(db: Db, realtime: StandaloneRealtimeChild, writer: string, browser: string) {
  const { cookie, trpc } = await makeUser(via(writer, db));
  const { trip } = await trpc.trips.createTrip.mutate({ title: 'Across instances', startDate: '2027-05-01', endDate: '2027-05-03' });
  // The page's configuration comes from the browser's instance: the standalone server's key and address.
  const config = (await (await fetch(`${browser}/api/realtime/auth`, { headers: { Cookie: cookie } })).json()) as {
    realtime: { key: string; wsHost: string; wsPort: number };
  };
  expect(config.realtime).toMatchObject({ key: realtime.key, wsHost: '127.0.0.1', wsPort: realtime.port });
  const pusher = new Pusher(config.realtime.key, {
    cluster: 'local',
    wsHost: config.realtime.wsHost,
    wsPort: config.realtime.wsPort,
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
    channelAuthorization: {
      endpoint: '/unused',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => {
        authorize(via(browser, db), cookie, socketId, channelName)
          .then(async (res) => (res.ok ? callback(null, await res.json()) : callback(new Error(`auth refused with ${res.status}`), null)))
          .catch((error: Error) => callback(error, null));
      },
    },
  });
  try {
    const channel = await subscribe(pusher, `private-trip-${trip.id}`);
    const got = record(channel);
    // A stranger's socket is refused by the browser's instance (the channel auth reads the shared database).
    const stranger = await makeUser(via(writer, db));
    const refused = await authorize(via(browser, db), stranger.cookie, pusher.connection.socket_id, `private-trip-${trip.id}`);
    expect(refused.status).toBe(403);
    await trpcClient(via(writer, db), cookie).trips.updateTrip.mutate({ tripId: trip.id, title: 'Renamed on the other instance' });
    const event = await waitFor(() => got.find((e) => e.event === 'trip.updated'), 10_000);
    expect(JSON.stringify(event.data)).toContain('Renamed on the other instance');
  } finally {
    pusher.disconnect();
  }
}
