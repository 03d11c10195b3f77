// The journey share-link tools through the official MCP SDK client: a token with journey:share alone sees only them,
// the owner makes a link (flags kept unless given), a contributor reads it without the token ever coming back, a
// stranger with the same scope learns nothing (the peer's get_journey_share_link checked no access), and deleting
// revokes the public page at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

let server: TestServer;
let owner: Client, editor: Client, stranger: Client;
let journeyId: number;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  await server.services.addons.set('journey', true);
  const [anna, ben, dora] = [await makeUser(server, { displayName: 'Anna' }), await makeUser(server, { displayName: 'Ben' }), await makeUser(server, { displayName: 'Dora' })];
  const journey = await server.services.db.journey.create({
    data: {
      ownerId: anna.user.id,
      title: 'Road to Sintra',
      status: 'active',
      contributors: { create: [{ userId: anna.user.id, role: 'owner' }, { userId: ben.user.id, role: 'editor' }] },
    },
  });
  journeyId = journey.id;
  await server.services.db.journeyEntry.create({ data: { journeyId, entryDate: new Date('2027-06-01T00:00:00Z'), title: 'Pena Palace', visibility: 'public', authorId: anna.user.id } });
  const clientOf = async (userId: number) => {
    const { token } = await createOAuthToken(server, userId, ['journey:share']);
    const { client } = await connect(server, token);
    clients.push(client);
    return client;
  };
  [owner, editor, stranger] = [await clientOf(anna.user.id), await clientOf(ben.user.id), await clientOf(dora.user.id)];
});
afterAll(async () => {
  for (const client of clients) await client.close();
  await server?.close();
});

const call = (client: Client, name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;

describe('journey share link over MCP', () => {
  it('journey:share alone offers the three link tools and no journey reading', async () => {
    const names = (await owner.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['get_journey_share_link', 'create_journey_share_link', 'delete_journey_share_link']));
    for (const reading of ['list_journeys', 'get_journey', 'list_journey_entries']) expect(names).not.toContain(reading);
  });

  it('the owner makes the link once; flags stay as set; contributors read settings, never the token; strangers nothing', async () => {
    const made = await call(owner, 'create_journey_share_link', { journeyId, shareGallery: false });
    expect(made.isError).toBeFalsy();
    expect(made.structuredContent).toMatchObject({ created: true, shareLink: { shareTimeline: true, shareGallery: false, shareMap: true } });
    const url = made.structuredContent!.url as string;
    const token = url.split('/public/journey/')[1];
    expect(url).toBe(`${server.config.appUrl.replace(/\/$/, '')}/public/journey/${token}`);

    const again = await call(owner, 'create_journey_share_link', { journeyId, shareMap: false });
    expect(again.structuredContent).toMatchObject({ created: false, url: null, shareLink: { shareTimeline: true, shareGallery: false, shareMap: false } });

    const read = await call(editor, 'get_journey_share_link', { journeyId });
    expect(read.structuredContent).toMatchObject({ journeyId, shareLink: { tokenHint: token.slice(0, 8), shareGallery: false, shareMap: false } });
    expect(JSON.stringify(read)).not.toContain(token);

    const refused = await call(editor, 'create_journey_share_link', { journeyId, shareMap: true });
    expect(refused.isError).toBe(true);
    expect(refused.content[0].text).toMatch(/Only the journey’s owner/);
    for (const tool of ['get_journey_share_link', 'create_journey_share_link', 'delete_journey_share_link']) {
      const answer = await call(stranger, tool, { journeyId });
      expect(answer.isError, tool).toBe(true);
      expect(answer.content[0].text, tool).toMatch(new RegExp(`Journey ${journeyId} not found`));
    }

    const page = await fetch(`${server.url}/public/journey/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pena Palace');
    const deleted = await call(owner, 'delete_journey_share_link', { journeyId });
    expect(deleted.structuredContent).toEqual({ deleted: true });
    expect((await fetch(`${server.url}/public/journey/${token}`)).status).toBe(404);
    expect((await call(editor, 'get_journey_share_link', { journeyId })).structuredContent).toEqual({ journeyId, shareLink: null });
  });

  it('bad input is an error result that writes nothing', async () => {
    const bad = await call(owner, 'create_journey_share_link', { journeyId, shareMap: 'yes' });
    expect(bad.isError).toBe(true);
    expect(await server.services.db.journeyShareLink.count()).toBe(0);
  });
});
