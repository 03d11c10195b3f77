// The MCP server at /mcp, driven by the official SDK client over Streamable HTTP against a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, createStaticToken, enableMcp, initializeMessage, rawMcp, rawSession } from './mcp.helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
});
afterAll(async () => {
  await server?.close();
});

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

describe('endpoint and authentication', () => {
  it('answers 403 with a JSON body when the mcp addon is off, before looking at the token', async () => {
    await server.services.addons.set('mcp', false);
    try {
      const res = await rawMcp(server, initializeMessage);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect((await res.json()).error).toBe('mcp_disabled');
    } finally {
      await enableMcp(server);
    }
  });

  it('answers 401 with the exact WWW-Authenticate header for a missing, unknown, expired, revoked or wrong-audience token', async () => {
    const { user } = await makeUser(server);
    const expired = await createOAuthToken(server, user.id, ['trips:read'], { expiresInMs: -1000 });
    const revoked = await createOAuthToken(server, user.id, ['trips:read'], { revoked: true });
    const otherAudience = await createOAuthToken(server, user.id, ['trips:read'], { resource: 'https://elsewhere.example/mcp' });
    const expected = `Bearer realm="Waymark", error="invalid_token", resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`;
    for (const token of [undefined, 'wm_nottherealtoken', 'wmat_nottherealtoken', expired.token, revoked.token, otherAudience.token]) {
      const res = await rawMcp(server, initializeMessage, { token });
      expect(res.status, `token ${token?.slice(0, 6)}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(expected);
    }
  });

  it('never accepts the web session cookie', async () => {
    const { cookie } = await makeUser(server);
    const res = await rawMcp(server, initializeMessage, { headers: { Cookie: cookie } });
    expect(res.status).toBe(401);
  });

  it('answers GET without a session with 405 (a session’s GET is its event stream) and DELETE ends the session (then 404)', async () => {
    const { user } = await makeUser(server);
    const { token } = await createStaticToken(server, user.id);
    const sessionId = await rawSession(server, token);
    expect((await rawMcp(server, null, { token, method: 'GET' })).status).toBe(405);
    expect((await rawMcp(server, null, { token, sessionId, method: 'DELETE' })).status).toBe(200);
    const after = await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'ping' }, { token, sessionId });
    expect(after.status).toBe(404);
  });

  it('requires a session id after initialize and rejects a session of another user', async () => {
    const a = await makeUser(server);
    const b = await makeUser(server);
    const ta = await createStaticToken(server, a.user.id);
    const tb = await createStaticToken(server, b.user.id);
    const sessionId = await rawSession(server, ta.token);
    expect((await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'ping' }, { token: ta.token })).status).toBe(400);
    expect((await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'ping' }, { token: tb.token, sessionId })).status).toBe(404);
    const ok = await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'ping' }, { token: ta.token, sessionId });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
  });

  it('serves the RFC 9728 documents as JSON', async () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      const doc = await res.json();
      expect(doc.resource).toBe(`${server.url}/mcp`);
      expect(doc.authorization_servers).toEqual([server.url]);
      expect(doc.bearer_methods_supported).toEqual(['header']);
      expect(doc.scopes_supported).toHaveLength(27);
      expect(doc.scopes_supported).toContain('trips:read');
    }
  });
});

describe('static token session', () => {
  it('carries the deprecation notice in instructions, offers token-auth-notice, and adds a notice to the first tool result only', async () => {
    const { user } = await makeUser(server);
    const { token, row } = await createStaticToken(server, user.id);
    const { client } = await connect(server, token);
    expect(client.getInstructions()).toMatch(/deprecated/i);
    const prompts = (await client.listPrompts()).prompts.map((p) => p.name).sort();
    expect(prompts).toEqual(['budget-overview', 'collab-catch-up', 'packing-list', 'token-auth-notice', 'trip-summary']);
    const notice = await client.getPrompt({ name: 'token-auth-notice' });
    expect((notice.messages[0].content as { text: string }).text).toMatch(/OAuth/);

    const first = (await client.callTool({ name: 'list_trips', arguments: {} })) as ToolResult;
    expect(first.isError).toBeFalsy();
    expect(first.structuredContent).toEqual({ trips: [] });
    expect(first.content).toHaveLength(2);
    expect(JSON.parse(first.content[0].text!)).toEqual({ trips: [] });
    expect(first.content[1].text).toMatch(/deprecated/i);
    const second = (await client.callTool({ name: 'list_trips', arguments: {} })) as ToolResult;
    expect(second.content).toHaveLength(1);

    const used = await server.services.db.apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(used.lastUsedAt).not.toBeNull();
    await client.close();
  });

  it('an OAuth session has no deprecation notice and no token-auth-notice prompt', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    const { client } = await connect(server, token);
    expect(client.getInstructions()).not.toMatch(/deprecated/i);
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual(['trip-summary']);
    const result = (await client.callTool({ name: 'list_trips', arguments: {} })) as ToolResult;
    expect(result.content).toHaveLength(1);
    await client.close();
  });
});

describe('tools, resources and prompts', () => {
  it('calls the same procedure as the UI: a trip made over MCP is seen by tRPC, and the audit log records the call without arguments', async () => {
    const { user, trpc } = await makeUser(server);
    const { token, clientId } = await createOAuthToken(server, user.id, ['trips:write']);
    const { client } = await connect(server, token);
    const created = (await client.callTool({ name: 'create_trip', arguments: { title: 'Lisbon secret-words' } })) as ToolResult;
    expect(created.isError).toBeFalsy();
    const tripId = (created.structuredContent!.trip as { id: number }).id;
    const viaUi = await trpc.trips.getTrip.query({ tripId });
    expect(viaUi.trip.title).toBe('Lisbon secret-words');
    const audit = await server.services.db.auditLog.findMany({ where: { action: 'mcp.tool_call', userId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ clientId, success: true, detail: { tool: 'create_trip' } });
    expect(JSON.stringify(audit[0].detail)).not.toContain('secret-words');
    await client.close();
  });

  it('bad arguments → isError with a clear message, and nothing is written', async () => {
    const { user } = await makeUser(server);
    const { token } = await createStaticToken(server, user.id);
    const { client } = await connect(server, token);
    const before = await server.services.db.trip.count();
    const result = (await client.callTool({ name: 'create_trip', arguments: { title: 'x'.repeat(201) } })) as ToolResult;
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toMatch(/title/);
    expect(result.content[0].text).toMatch(/200/);
    const missing = (await client.callTool({ name: 'create_trip', arguments: {} })) as ToolResult;
    expect(missing.isError).toBe(true);
    expect(missing.content[0].text).toMatch(/title/);
    expect(await server.services.db.trip.count()).toBe(before);
    const audit = await server.services.db.auditLog.findMany({ where: { action: 'mcp.tool_call', userId: user.id } });
    expect(audit.map((a) => a.success)).toEqual([false, false]);
    await client.close();
  });

  it('another user’s trip → not found or you are not a member, over tools, resources and prompts', async () => {
    const owner = await makeUser(server);
    const stranger = await makeUser(server);
    const trip = await owner.trpc.trips.createTrip.mutate({ title: 'Private' });
    const tripId = trip.trip.id;
    const { token } = await createStaticToken(server, stranger.user.id);
    const { client } = await connect(server, token);
    const summary = (await client.callTool({ name: 'get_trip_summary', arguments: { tripId } })) as ToolResult;
    expect(summary.isError).toBe(true);
    expect(summary.content[0].text).toBe(`Trip ${tripId} not found or you are not a member`);
    await expect(client.readResource({ uri: `waymark://trips/${tripId}` })).rejects.toThrow(/not found or you are not a member/);
    await expect(client.getPrompt({ name: 'trip-summary', arguments: { tripId: String(tripId) } })).rejects.toThrow(/not a member/);
    const del = (await client.callTool({ name: 'delete_trip', arguments: { tripId } })) as ToolResult;
    expect(del.isError).toBe(true);
    expect(await server.services.db.trip.count({ where: { id: tripId } })).toBe(1);
    await client.close();
  });

  it('lists and reads resources, and the trip-summary prompt carries the trip', async () => {
    const { user, trpc } = await makeUser(server);
    const { trip } = await trpc.trips.createTrip.mutate({ title: 'Kyoto', startDate: '2027-04-01', endDate: '2027-04-03' });
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    const { client } = await connect(server, token);
    const resources = (await client.listResources()).resources.map((r) => r.uri);
    expect(resources).toContain('waymark://trips');
    const templates = (await client.listResourceTemplates()).resourceTemplates.map((r) => r.uriTemplate);
    expect(templates).toEqual(expect.arrayContaining(['waymark://trips/{tripId}', 'waymark://trips/{tripId}/members']));
    const list = await client.readResource({ uri: 'waymark://trips' });
    expect(JSON.parse((list.contents[0] as { text: string }).text).trips.map((t: { id: number }) => t.id)).toEqual([trip.id]);
    const one = await client.readResource({ uri: `waymark://trips/${trip.id}` });
    expect(JSON.parse((one.contents[0] as { text: string }).text).trip.title).toBe('Kyoto');
    const prompt = await client.getPrompt({ name: 'trip-summary', arguments: { tripId: String(trip.id) } });
    expect((prompt.messages[0].content as { text: string }).text).toContain('Kyoto');
    await expect(client.readResource({ uri: 'waymark://nothing-here' })).rejects.toThrow(/not found/i);
    await client.ping();
    await client.close();
  });

  it('tool definitions carry annotations and an object input schema from the zod input', async () => {
    const { user } = await makeUser(server);
    const { token } = await createStaticToken(server, user.id);
    const { client } = await connect(server, token);
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('list_trips')!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get('delete_trip')!.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.get('update_trip')!.annotations).toMatchObject({ idempotentHint: true });
    const create = byName.get('create_trip')!;
    expect(create.inputSchema.type).toBe('object');
    expect(create.inputSchema.required).toContain('title');
    expect((create.inputSchema.properties as Record<string, { maxLength?: number }>).title.maxLength).toBe(200);
    const update = byName.get('update_trip')!;
    // chained inputs (tripId from the trip-member builder + the procedure's own fields) are merged
    expect(Object.keys(update.inputSchema.properties!)).toEqual(expect.arrayContaining(['tripId', 'title']));
    expect(update.inputSchema.required).toContain('tripId');
    for (const tool of tools) expect(tool.description, tool.name).toBeTruthy();
    await client.close();
  });
});
