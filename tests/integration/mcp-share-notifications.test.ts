// An agent with the official MCP SDK client shares a trip (the full link comes back once, get_share_link never shows
// it, rotating kills the old one), works on the trip — which its user sees summarised as one notification per agent
// and trip, not one per call — and reads and marks the inbox, with readable texts rather than translation keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, createStaticToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, any> };

let server: TestServer;
let agent: Client;
let anna: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
const clients: Client[] = [];

const SCOPES = ['trips:write', 'trips:share', 'places:write', 'notifications:write'];

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  ben = await makeUser(server, { displayName: 'Ben' });
  const { token, clientId } = await createOAuthToken(server, anna.user.id, SCOPES);
  await server.services.db.oAuthClient.update({ where: { clientId }, data: { name: 'Trip Helper' } });
  ({ client: agent } = await connect(server, token));
  clients.push(agent);
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await server?.close();
});

const callWith = (client: Client) => (name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;
const call = (name: string, args: Record<string, unknown> = {}) => callWith(agent)(name, args);
const ok = async (name: string, args: Record<string, unknown> = {}) => {
  const result = await call(name, args);
  expect(result.isError, `${name}: ${result.content[0]?.text}`).toBeFalsy();
  return result.structuredContent!;
};
const page = (url: string) => fetch(url);
const agentNotes = () => server.services.db.notification.findMany({ where: { userId: anna.user.id, type: 'agent_activity' }, orderBy: { id: 'asc' } });

describe('the tools', () => {
  it('offers the share and notification tools the grant allows, and not the others', async () => {
    const names = (await agent.listTools()).tools.map((t) => t.name);
    for (const name of ['get_share_link', 'create_share_link', 'delete_share_link', 'list_notifications', 'get_unread_notification_count', 'mark_notification_read', 'mark_notification_unread', 'mark_all_notifications_read']) {
      expect(names).toContain(name);
    }
    const { token } = await createOAuthToken(server, anna.user.id, ['trips:write', 'notifications:read']);
    const { client: limited } = await connect(server, token);
    clients.push(limited);
    const limitedNames = (await limited.listTools()).tools.map((t) => t.name);
    expect(limitedNames).toEqual(expect.arrayContaining(['list_notifications', 'get_unread_notification_count']));
    for (const name of ['get_share_link', 'create_share_link', 'delete_share_link', 'mark_notification_read', 'mark_all_notifications_read']) expect(limitedNames).not.toContain(name);
    const get = (await agent.listTools()).tools.find((t) => t.name === 'get_share_link')!;
    expect(get.description).toMatch(/never shown again/);
  });
});

describe('an agent shares a trip', () => {
  it('gets the link once, reads it back without the secret, rotates and deletes it', async () => {
    const { trip } = await ok('create_trip', { title: 'Lisbon' });
    const made = await ok('create_share_link', { tripId: trip.id, shareBookings: true });
    expect(made).toMatchObject({ created: true, link: { shareBookings: true, shareBudget: false } });
    expect((await page(made.url)).status).toBe(200);
    const token = made.url.split('/s/')[1];
    const read = await call('get_share_link', { tripId: trip.id });
    expect(read.structuredContent).toMatchObject({ link: { tokenHint: token.slice(0, 8), shareBookings: true } });
    expect(JSON.stringify(read)).not.toContain(token);

    const flagOnly = await ok('create_share_link', { tripId: trip.id, shareBudget: true });
    expect(flagOnly).toMatchObject({ created: false, url: null, link: { shareBookings: true, shareBudget: true } });
    const rotated = await ok('create_share_link', { tripId: trip.id, rotate: true });
    expect((await page(made.url)).status).toBe(404);
    expect((await page(rotated.url)).status).toBe(200);
    expect(await ok('delete_share_link', { tripId: trip.id })).toEqual({ deleted: true });
    expect((await page(rotated.url)).status).toBe(404);
    expect(await ok('get_share_link', { tripId: trip.id })).toEqual({ link: null });
  });

  it('bad flags and someone else’s trip are isError results that write nothing', async () => {
    const bad = await call('create_share_link', { tripId: 1, shareBookings: 'yes' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toMatch(/shareBookings/);
    const { trip } = await ben.trpc.trips.createTrip.mutate({ title: 'Ben’s' });
    const foreign = await call('create_share_link', { tripId: trip.id });
    expect(foreign.isError).toBe(true);
    expect(foreign.content[0].text).toBe(`Trip ${trip.id} not found or you are not a member`);
    expect(await server.services.db.shareLink.count({ where: { tripId: trip.id } })).toBe(0);
  });
});

describe('an agent’s changes, summarised for its user', () => {
  it('many calls on one trip make one notification that counts them; reads do not count', async () => {
    await server.services.db.notification.deleteMany({ where: { userId: anna.user.id } });
    const { trip } = await ok('create_trip', { title: 'Porto' });
    await ok('create_place', { tripId: trip.id, name: 'Livraria Lello' });
    await ok('create_place', { tripId: trip.id, name: 'Ribeira' });
    await ok('list_places', { tripId: trip.id });
    const failed = await call('create_place', { tripId: trip.id, name: '' });
    expect(failed.isError).toBe(true);
    const notes = await agentNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ tripId: trip.id, params: { count: 3, client: 'Trip Helper', trip: 'Porto' }, link: `/trips/${trip.id}` });

    const { count } = await ok('get_unread_notification_count');
    expect(count).toBe(1);
    const inbox = await ok('list_notifications', { limit: 5 });
    expect(inbox).toMatchObject({ total: 1, unreadCount: 1 });
    expect(inbox.notifications[0]).toMatchObject({ type: 'agent_activity', text: 'Trip Helper made 3 changes to “Porto” for you', read: false });
  });

  it('another agent, another trip or a closed window opens a new notification', async () => {
    await server.services.db.notification.deleteMany({ where: { userId: anna.user.id } });
    const { trip } = await ok('create_trip', { title: 'Braga' });
    const { token } = await createStaticToken(server, anna.user.id, 'Nightly script');
    const { client: script } = await connect(server, token);
    clients.push(script);
    const scripted = await callWith(script)('create_place', { tripId: trip.id, name: 'Bom Jesus' });
    expect(scripted.isError).toBeFalsy();
    const byClient = (await agentNotes()).map((n) => (n.params as { client: string }).client);
    expect(byClient).toEqual(['Trip Helper', 'Nightly script']);

    // Older than the window: the next change starts a new summary.
    await server.services.db.notification.updateMany({ where: { userId: anna.user.id }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    await ok('create_place', { tripId: trip.id, name: 'Sé de Braga' });
    const notes = await agentNotes();
    expect(notes).toHaveLength(3);
    expect(notes[2].params).toMatchObject({ count: 1 });
  });

  it('switched off in the preferences, agent changes are not recorded', async () => {
    await server.services.db.notification.deleteMany({ where: { userId: anna.user.id } });
    await anna.trpc.notifications.setNotificationPreference.mutate({ type: 'agent_activity', enabled: false });
    try {
      await ok('create_trip', { title: 'Quiet' });
      expect(await agentNotes()).toEqual([]);
    } finally {
      await anna.trpc.notifications.setNotificationPreference.mutate({ type: 'agent_activity', enabled: true });
    }
  });
});

describe('an agent reads and marks the inbox', () => {
  it('marks one read and unread, then all read; reads the resource; cannot touch another user’s', async () => {
    await server.services.db.notification.deleteMany({ where: { userId: { in: [anna.user.id, ben.user.id] } } });
    const { trip } = await ben.trpc.trips.createTrip.mutate({ title: 'Faro' });
    await ben.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: anna.user.email });
    const { notifications } = await ok('list_notifications');
    const added = notifications.find((n: { type: string }) => n.type === 'trip_added');
    expect(added).toMatchObject({ text: 'Ben added you to the trip “Faro”', link: `/trips/${trip.id}` });
    expect(await ok('mark_notification_read', { notificationId: added.id })).toMatchObject({ success: true, notification: { read: true } });
    expect(await ok('mark_notification_unread', { notificationId: added.id })).toMatchObject({ notification: { read: false } });
    const all = await ok('mark_all_notifications_read');
    expect(all).toMatchObject({ success: true });
    expect(all.count).toBeGreaterThanOrEqual(1);
    expect(await ok('get_unread_notification_count')).toEqual({ count: 0 });

    const resource = await agent.readResource({ uri: 'waymark://notifications/in-app' });
    const body = JSON.parse((resource.contents[0] as { text: string }).text);
    expect(body.notifications.map((n: { id: number }) => n.id)).toContain(added.id);
    expect(body.notifications.every((n: { text: string }) => !n.text.includes('types.'))).toBe(true);

    await anna.trpc.members.addTripMember.mutate({ tripId: (await anna.trpc.trips.createTrip.mutate({ title: 'Evora' })).trip.id, identifier: ben.user.email });
    const bens = await server.services.db.notification.findFirstOrThrow({ where: { userId: ben.user.id } });
    const foreign = await call('mark_notification_read', { notificationId: bens.id });
    expect(foreign.isError).toBe(true);
    expect(foreign.content[0].text).toBe(`Notification ${bens.id} not found`);
    expect((await server.services.db.notification.findUniqueOrThrow({ where: { id: bens.id } })).readAt).toBeNull();
    const bad = await call('mark_notification_read', { notificationId: 'x' });
    expect(bad.isError).toBe(true);
  });
});
