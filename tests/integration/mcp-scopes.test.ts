// A session lists exactly the tools its grant allows; a call beyond the grant is a 403 insufficient_scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { appRouter } from '~/trpc/root';
import { buildRegistry } from '../../mcp/registry';
import { connect, createOAuthToken, createStaticToken, enableMcp, initializeMessage, rawMcp, TRIP_CORE_TOOLS } from './mcp.helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
});
afterAll(async () => {
  await server?.close();
});

async function toolNames(token: string) {
  const { client } = await connect(server, token);
  const names = (await client.listTools()).tools.map((t) => t.name).sort();
  await client.close();
  return names;
}

const required = TRIP_CORE_TOOLS.filter((t) => !t.optional).map((t) => t.name);
const optional = TRIP_CORE_TOOLS.filter((t) => t.optional).map((t) => t.name);

describe('tool lists per grant', () => {
  it('(a) a static token sees every tool of the router whose addon is on, including the whole trip core', async () => {
    const { user } = await makeUser(server);
    const { token } = await createStaticToken(server, user.id);
    const names = await toolNames(token);
    const addons = await server.services.addons.all();
    const fromRouter = buildRegistry(appRouter)
      .tools.filter((t) => !t.meta.addon || addons[t.meta.addon])
      .map((t) => t.definition.name)
      .sort();
    expect(names).toEqual(fromRouter);
    const missing = required.filter((n) => !names.includes(n));
    expect(missing, 'trip-core tools named in MCP-SURFACE.md that do not exist').toEqual([]);
  });

  it('(b) trips:read only → exactly the trip read tools and the scope-free ones', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    expect(await toolNames(token)).toEqual(['export_trip_ics', 'get_trip_summary', 'list_trip_members', 'list_trips']);
  });

  it('(c) places:write only → the places, assignments, tags and categories tools plus the scope-free ones', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['places:write']);
    const names = await toolNames(token);
    const expected = TRIP_CORE_TOOLS.filter((t) => t.scope.startsWith('places:') || t.scope === 'none').map((t) => t.name);
    expect(names.filter((n) => !optional.includes(n))).toEqual(expected.filter((n) => !optional.includes(n)).sort());
    for (const n of names) expect(expected, `unexpected tool ${n}`).toContain(n);
  });

  it('a machine token (client_credentials) is filtered by its scopes the same way', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read'], { grantType: 'client_credentials' });
    expect(await toolNames(token)).toEqual(['export_trip_ics', 'get_trip_summary', 'list_trip_members', 'list_trips']);
  });
});

describe('calls beyond the grant', () => {
  it('answers 403 with WWW-Authenticate insufficient_scope naming the needed scope, and writes nothing', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    const init = await rawMcp(server, initializeMessage, { token });
    const sessionId = init.headers.get('mcp-session-id')!;
    const before = await server.services.db.trip.count();
    const res = await rawMcp(
      server,
      { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'create_trip', arguments: { title: 'Nope' } } },
      { token, sessionId },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="trips:write"');
    expect(await server.services.db.trip.count()).toBe(before);

    const del = await rawMcp(
      server,
      { jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'delete_trip', arguments: { tripId: 1 } } },
      { token, sessionId },
    );
    expect(del.status).toBe(403);
    expect(del.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="trips:delete"');
  });

  it('the SDK client surfaces the 403 as an error', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['places:write']);
    const { client } = await connect(server, token);
    await expect(client.callTool({ name: 'create_trip', arguments: { title: 'x' } })).rejects.toThrow(/lacks the trips:write scope/);
    await client.close();
  });

  it('trips:write does not grant trips:delete; trips:write grants trip reads', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:write']);
    const names = await toolNames(token);
    expect(names).not.toContain('delete_trip');
    expect(names).toEqual(expect.arrayContaining(['create_trip', 'update_trip', 'list_trip_members', 'export_trip_ics', 'copy_trip']));
  });
});
