// The MCP write path written in few round trips (decision 040): a write call's audit row goes into the same
// statement as its agent-activity summary, and a place without tags is one INSERT. Each call still leaves exactly one
// audit row — on the one-statement path, on the first call of a summary window, for a write without a trip, and
// for a failed call — and the place comes back with its (empty) tags and days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createStaticToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, any> };

let server: TestServer;
let agent: Client;
let anna: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  const { token } = await createStaticToken(server, anna.user.id, 'writer');
  ({ client: agent } = await connect(server, token));
});
afterAll(async () => {
  await agent?.close();
  await server?.close();
});

const call = (name: string, args: Record<string, unknown> = {}) => agent.callTool({ name, arguments: args }) as Promise<ToolResult>;
const ok = async (name: string, args: Record<string, unknown> = {}) => {
  const result = await call(name, args);
  expect(result.isError, `${name}: ${result.content[0]?.text}`).toBeFalsy();
  return result.structuredContent!;
};
const auditRows = (tool: string) =>
  server.services.db.auditLog.findMany({ where: { userId: anna.user.id, action: 'mcp.tool_call', detail: { path: ['tool'], equals: tool } }, orderBy: { id: 'asc' } });

describe('an MCP write', () => {
  it('leaves one audit row per call and one summary counting them', async () => {
    const { trip } = await ok('create_trip', { title: 'Gdańsk' });
    const first = await ok('create_place', { tripId: trip.id, name: 'Żuraw' });
    expect(first.place).toMatchObject({ name: 'Żuraw', tripId: trip.id, tagIds: [], assignedDayIds: [] });
    await ok('create_place', { tripId: trip.id, name: 'Długi Targ' });
    await ok('create_place', { tripId: trip.id, name: 'Westerplatte' });
    const rows = await auditRows('create_place');
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.success && r.clientId?.startsWith('static:'))).toBe(true);
    // createdAt is UTC wall-clock time, as Prisma writes it: within a minute of now.
    expect(Math.abs(rows[2].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const notes = await server.services.db.notification.findMany({ where: { userId: anna.user.id, type: 'agent_activity', tripId: trip.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0].params).toMatchObject({ count: 4, tools: ['create_trip', 'create_place'], trip: 'Gdańsk' });
    expect(Math.abs(notes[0].updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const listed = await ok('list_places', { tripId: trip.id });
    expect(listed.places.map((p: { name: string }) => p.name).sort()).toEqual(['Długi Targ', 'Westerplatte', 'Żuraw']);
  });

  it('a place with tags still comes back with them', async () => {
    const { trip } = await ok('create_trip', { title: 'Toruń' });
    const { tag } = await ok('create_tag', { name: 'gingerbread', color: '#aa5500' });
    const { place } = await ok('create_place', { tripId: trip.id, name: 'Muzeum Piernika', tagIds: [tag.id] });
    expect(place.tagIds).toEqual([tag.id]);
    expect(place.assignedDayIds).toEqual([]);
  });

  it('a failed write and a write outside any trip are audited once each, and count nothing', async () => {
    const { trip } = await ok('create_trip', { title: 'Kraków' });
    const failed = await call('create_place', { tripId: trip.id, name: '' });
    expect(failed.isError).toBe(true);
    const failures = (await auditRows('create_place')).filter((r) => !r.success);
    expect(failures).toHaveLength(1);
    expect(failures[0].detail).toEqual({ tool: 'create_place', error: 'BAD_REQUEST' });
    const notes = await server.services.db.notification.findMany({ where: { userId: anna.user.id, type: 'agent_activity', tripId: trip.id } });
    expect(notes[0].params).toMatchObject({ count: 1 });

    const before = (await auditRows('create_tag')).length;
    await ok('create_tag', { name: 'market', color: '#3366cc' });
    expect(await auditRows('create_tag')).toHaveLength(before + 1);
  });
});
