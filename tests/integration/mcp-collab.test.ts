// An agent with the official MCP SDK client (an OAuth token with collab scopes) posts a note and a poll; a person
// votes in the browser's way (tRPC with their session); the agent reads the result as a tool and as a resource, and
// chats. Tools follow the scope and the admin switches of notes, polls and chat; a bad call writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

const COLLAB_TOOLS = [
  'create_collab_note',
  'update_collab_note',
  'delete_collab_note',
  'list_collab_polls',
  'create_collab_poll',
  'vote_collab_poll',
  'close_collab_poll',
  'delete_collab_poll',
  'list_collab_messages',
  'send_collab_message',
  'delete_collab_message',
  'react_collab_message',
];

let server: TestServer;
let agent: Client;
let anna: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
let tripId: number;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  ben = await makeUser(server, { displayName: 'Ben' });
  ({
    trip: { id: tripId },
  } = await anna.trpc.trips.createTrip.mutate({ title: 'Azores', startDate: '2027-07-01', endDate: '2027-07-05' }));
  await anna.trpc.members.addTripMember.mutate({ tripId, identifier: ben.user.email });
  const { token } = await createOAuthToken(server, anna.user.id, ['trips:read', 'collab:write']);
  ({ client: agent } = await connect(server, token));
});
afterAll(async () => {
  await agent?.close();
  await server?.close();
});

const call = (name: string, args: Record<string, unknown>) => agent.callTool({ name, arguments: args }) as Promise<ToolResult>;
const ok = (result: ToolResult) => {
  expect(result.isError, result.content[0]?.text).toBeFalsy();
  return result.structuredContent as Record<string, any>;
};
const readJson = async (uri: string) => JSON.parse(((await agent.readResource({ uri })).contents[0] as { text: string }).text);

describe('an agent organises a vote', () => {
  it('offers all twelve collab tools, described with their rules', async () => {
    const { tools } = await agent.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(COLLAB_TOOLS));
    expect(tools.find((t) => t.name === 'update_collab_note')?.description).toMatch(/expectedVersion/);
    expect(tools.find((t) => t.name === 'vote_collab_poll')?.annotations).toMatchObject({ readOnlyHint: false });
    expect(tools.find((t) => t.name === 'list_collab_polls')?.annotations).toMatchObject({ readOnlyHint: true });
    expect(tools.find((t) => t.name === 'delete_collab_poll')?.annotations).toMatchObject({ destructiveHint: true });
  });

  it('posts a note and a poll, Ben votes in the app, the agent reads the result', async () => {
    const { note } = ok(await call('create_collab_note', { tripId, title: 'Whale watching', content: 'Book at **Ponta Delgada** harbour', pinned: true }));
    expect(note).toMatchObject({ title: 'Whale watching', version: 1, author: { id: anna.user.id } });
    const notes = await readJson(`waymark://trips/${tripId}/collab-notes`);
    expect(notes.notes).toMatchObject([{ id: note.id, content: 'Book at **Ponta Delgada** harbour' }]);

    const { poll } = ok(await call('create_collab_poll', { tripId, question: 'Which island first?', options: ['São Miguel', 'Pico', 'Faial'] }));
    expect(poll.options.map((o: { label: string }) => o.label)).toEqual(['São Miguel', 'Pico', 'Faial']);

    // A person votes through the app's own door.
    const { poll: voted } = await ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 1 });
    expect(voted.myVotes).toEqual([1]);

    const { polls } = ok(await call('list_collab_polls', { tripId }));
    expect(polls[0]).toMatchObject({ id: poll.id, voterCount: 1, myVotes: [] });
    expect(polls[0].options.map((o: { count: number }) => o.count)).toEqual([0, 1, 0]);
    expect(polls[0].options[1].voters).toMatchObject([{ id: ben.user.id, displayName: 'Ben' }]);
    const resource = await readJson(`waymark://trips/${tripId}/collab/polls`);
    expect(resource.polls[0].options[1]).toMatchObject({ label: 'Pico', count: 1 });

    const { poll: closed } = ok(await call('close_collab_poll', { tripId, pollId: poll.id }));
    expect(closed.closed).toBe(true);
    const late = await ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 0 }).catch((e: Error) => e.message);
    expect(late).toBe(`Poll ${poll.id} is closed`);
  });

  it('chats: a message with a mention and a reply, a reaction toggled, its own message deleted', async () => {
    const { message } = ok(await call('send_collab_message', { tripId, text: `Pico won, @${ben.user.username} books the ferry?` }));
    expect(message.mentionedUserIds).toEqual([ben.user.id]);
    const { message: reply } = await ben.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'On it', replyTo: message.id });
    const { reactions } = ok(await call('react_collab_message', { tripId, messageId: reply.id, emoji: '🙏' }));
    expect(reactions).toMatchObject([{ emoji: '🙏', count: 1 }]);
    ok(await call('delete_collab_message', { tripId, messageId: message.id }));
    const refused = await call('delete_collab_message', { tripId, messageId: reply.id });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toContain('Only the author of a message can delete it');

    const { messages } = ok(await call('list_collab_messages', { tripId }));
    expect(messages.map((m: { id: number; deleted: boolean; text: string }) => [m.id, m.deleted, m.text])).toEqual([
      [message.id, true, ''],
      [reply.id, false, 'On it'],
    ]);
    const latest = await readJson(`waymark://trips/${tripId}/collab/messages`);
    expect(latest.messages).toHaveLength(2);
  });

  it('the catch-up prompt lists the latest messages and the open polls with their standing', async () => {
    await ben.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Rent a car?', options: ['Yes', 'No'] });
    const prompt = await agent.getPrompt({ name: 'collab-catch-up', arguments: { tripId: String(tripId) } });
    const text = (prompt.messages[0].content as { text: string }).text;
    expect(text).toContain('Ben: On it');
    expect(text).not.toContain('Pico won');
    expect(text).toContain('- Rent a car? — Yes 0, No 0');
    expect(text).not.toContain('Which island first?');
  });

  it('bad input is an isError result naming the field, with nothing written', async () => {
    const before = await server.services.db.collabPoll.count({ where: { tripId } });
    const result = await call('create_collab_poll', { tripId, question: 'Only one?', options: ['Yes'] });
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toMatch(/options/);
    expect(await server.services.db.collabPoll.count({ where: { tripId } })).toBe(before);
  });

  it('without the collab scope, or with chat switched off, the tools are not offered', async () => {
    const { token } = await createOAuthToken(server, anna.user.id, ['trips:read']);
    const { client: limited } = await connect(server, token);
    try {
      const names = (await limited.listTools()).tools.map((t) => t.name);
      expect(names.filter((n) => COLLAB_TOOLS.includes(n))).toEqual([]);
    } finally {
      await limited.close();
    }
    await server.services.addons.set('collab.chat', false);
    try {
      const { token: again } = await createOAuthToken(server, anna.user.id, ['trips:read', 'collab:write']);
      const { client: noChat } = await connect(server, again);
      try {
        const names = (await noChat.listTools()).tools.map((t) => t.name);
        expect(names).toContain('create_collab_poll');
        expect(names).not.toContain('send_collab_message');
        expect(names).not.toContain('list_collab_messages');
      } finally {
        await noChat.close();
      }
    } finally {
      await server.services.addons.set('collab.chat', true);
    }
  });
});
