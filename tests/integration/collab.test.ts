// Collab through real HTTP and a real database: notes with version-checked edits (a conflict, not a silent
// overwrite), polls (single and multiple choice, anonymous, closing, deadlines enforced), chat (replies, @mentions
// stored and announced, soft deletion without the text, reactions, pages back through history, the unread marker,
// typing over the presence channel), who may remove what, and the admin switches for each part.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';

const suite = procedureSuite([{ displayName: 'Anna', admin: true }, { displayName: 'Ben' }, { displayName: 'Cem' }]);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser, ben: TestUser, cem: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, cem] } = suite);
});

/** A trip of anna's with ben on it (cem is not). */
async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-06-01', endDate: '2027-06-03' });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  suite.clearEvents();
  return trip.id;
}

describe('notes', () => {
  it('shows author and last editor, and keeps pinned notes first', async () => {
    const tripId = await setup();
    const { note: first } = await anna.trpc.collab.createCollabNote.mutate({ tripId, title: 'Restaurants', content: '- Tasca' });
    const { note: second } = await ben.trpc.collab.createCollabNote.mutate({ tripId, title: 'Packing', pinned: true, color: '#EF4444' });
    await ben.trpc.collab.updateCollabNote.mutate({ tripId, noteId: first.id, content: '- Tasca\n- Pizzeria', expectedVersion: 1 });
    const { notes } = await anna.trpc.collab.listCollabNotes.query({ tripId });
    expect(notes.map((n) => n.id)).toEqual([second.id, first.id]);
    expect(notes[0]).toMatchObject({ color: '#ef4444', category: 'General', author: { id: ben.user.id } });
    expect(notes[1]).toMatchObject({ version: 2, author: { id: anna.user.id, displayName: 'Anna' }, lastEditor: { id: ben.user.id, displayName: 'Ben' } });
    expect(tripEvents().map((e) => e.event)).toEqual(['collab.note.created', 'collab.note.created', 'collab.note.updated']);
  });

  it('two people saving edits of the same version: the second gets a conflict, and the first edit stays', async () => {
    const tripId = await setup();
    const { note } = await anna.trpc.collab.createCollabNote.mutate({ tripId, title: 'Plan', content: 'v1' });
    await anna.trpc.collab.updateCollabNote.mutate({ tripId, noteId: note.id, content: 'Anna was here', expectedVersion: 1 });
    suite.clearEvents();
    const conflict = await expectTrpcError(ben.trpc.collab.updateCollabNote.mutate({ tripId, noteId: note.id, content: 'Ben was here', expectedVersion: 1 }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.data?.i18n).toEqual({ key: 'errors.collabNoteConflict', params: { noteId: note.id, version: 2 } });
    expect(suite.events).toEqual([]);
    const row = await server.services.db.collabNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(row).toMatchObject({ content: 'Anna was here', version: 2, lastEditorId: anna.user.id });
    // Keeping one's own version is a save against the version now shown.
    const { note: kept } = await ben.trpc.collab.updateCollabNote.mutate({ tripId, noteId: note.id, content: 'Ben was here', expectedVersion: 2 });
    expect(kept).toMatchObject({ content: 'Ben was here', version: 3 });
  });

  it('of two edits racing from one version exactly one is saved', async () => {
    const tripId = await setup();
    const { note } = await anna.trpc.collab.createCollabNote.mutate({ tripId, title: 'Race' });
    const results = await Promise.allSettled([
      anna.trpc.collab.updateCollabNote.mutate({ tripId, noteId: note.id, title: 'Anna', expectedVersion: 1 }),
      ben.trpc.collab.updateCollabNote.mutate({ tripId, noteId: note.id, title: 'Ben', expectedVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await server.services.db.collabNote.findUniqueOrThrow({ where: { id: note.id } })).version).toBe(2);
  });

  it('a member may edit anyone’s note but delete only their own; the owner may delete any', async () => {
    const tripId = await setup();
    const { note } = await anna.trpc.collab.createCollabNote.mutate({ tripId, title: 'Anna’s' });
    const { note: bens } = await ben.trpc.collab.createCollabNote.mutate({ tripId, title: 'Ben’s' });
    await ben.trpc.collab.updateCollabNote.mutate({ tripId, noteId: note.id, pinned: true });
    const refused = await expectTrpcError(ben.trpc.collab.deleteCollabNote.mutate({ tripId, noteId: note.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.data?.i18n?.key).toBe('errors.collabAuthorOrOwner');
    expect(await server.services.db.collabNote.count({ where: { tripId } })).toBe(2);
    await anna.trpc.collab.deleteCollabNote.mutate({ tripId, noteId: bens.id });
    expect(await server.services.db.collabNote.count({ where: { tripId } })).toBe(1);
  });

  it('refuses a note of another trip and a colour that is not #RRGGBB, writing nothing', async () => {
    const tripId = await setup();
    const other = await setup();
    const { note } = await anna.trpc.collab.createCollabNote.mutate({ tripId: other, title: 'Elsewhere' });
    suite.clearEvents();
    const missing = await expectTrpcError(anna.trpc.collab.updateCollabNote.mutate({ tripId, noteId: note.id, title: 'Moved?' }));
    expect(missing.code).toBe('NOT_FOUND');
    const bad = await expectTrpcError(anna.trpc.collab.createCollabNote.mutate({ tripId, title: 'x', color: 'javascript:red' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/^color:/);
    expect(await server.services.db.collabNote.count({ where: { tripId } })).toBe(0);
    expect(suite.events).toEqual([]);
  });
});

describe('polls', () => {
  it('single choice: a vote, a changed vote and a vote taken back', async () => {
    const tripId = await setup();
    const { poll } = await anna.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Dinner?', options: ['Tasca', 'Pizzeria', 'Sushi'] });
    await ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 0 });
    const changed = await ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 2 });
    expect(changed.poll.myVotes).toEqual([2]);
    expect(changed.poll.options.map((o) => o.count)).toEqual([0, 0, 1]);
    expect(changed.poll.options[2].voters).toMatchObject([{ id: ben.user.id, displayName: 'Ben' }]);
    const back = await ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 2 });
    expect(back.poll).toMatchObject({ myVotes: [], voterCount: 0 });
    expect(tripEvents().filter((e) => e.event === 'collab.poll.voted')).toHaveLength(3);
  });

  it('single choice: two picks at once still leave one vote', async () => {
    const tripId = await setup();
    const { poll } = await anna.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Train or bus?', options: ['Train', 'Bus', 'Car'] });
    await Promise.all([0, 1, 2].map((optionIndex) => ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex })));
    expect(await server.services.db.collabPollVote.count({ where: { pollId: poll.id, userId: ben.user.id } })).toBe(1);
  });

  it('multiple choice toggles; an anonymous poll shows counts but not who', async () => {
    const tripId = await setup();
    const { poll } = await anna.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Which days?', options: ['Mon', 'Tue', 'Wed'], multiple: true, anonymous: true });
    await ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 0 });
    const { poll: after } = await ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 2 });
    expect(after.myVotes).toEqual([0, 2]);
    await anna.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 2 });
    const { polls } = await anna.trpc.collab.listCollabPolls.query({ tripId });
    expect(polls[0]).toMatchObject({ anonymous: true, voterCount: 2, myVotes: [2] });
    expect(polls[0].options.map((o) => [o.count, o.voters])).toEqual([[1, []], [0, []], [2, []]]);
    const published = tripEvents().find((e) => e.event === 'collab.poll.voted')!;
    // Nobody learns who voted from the live update either.
    expect(published.payload).toMatchObject({ actor: null });
    expect(JSON.stringify(published.payload)).not.toContain('Ben');
  });

  it('closing: only the author or the owner; a closed poll and a passed deadline refuse votes', async () => {
    const tripId = await setup();
    const { poll } = await anna.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Museum?', options: ['Yes', 'No'] });
    const refused = await expectTrpcError(ben.trpc.collab.closeCollabPoll.mutate({ tripId, pollId: poll.id }));
    expect(refused.code).toBe('FORBIDDEN');
    const { poll: closed } = await anna.trpc.collab.closeCollabPoll.mutate({ tripId, pollId: poll.id });
    expect(closed.closed).toBe(true);
    const again = await anna.trpc.collab.closeCollabPoll.mutate({ tripId, pollId: poll.id });
    expect(again.poll.closedAt).toBe(closed.closedAt);
    const late = await expectTrpcError(ben.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 0 }));
    expect(late.data?.i18n?.key).toBe('errors.collabPollClosed');

    const { poll: timed } = await ben.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Beach?', options: ['Yes', 'No'], deadline: '2099-01-01T00:00:00Z' });
    await server.services.db.collabPoll.update({ where: { id: timed.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const expired = await expectTrpcError(anna.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: timed.id, optionIndex: 0 }));
    expect(expired.data?.i18n?.key).toBe('errors.collabPollClosed');
    expect(await server.services.db.collabPollVote.count({ where: { pollId: timed.id } })).toBe(0);
    expect((await anna.trpc.collab.listCollabPolls.query({ tripId })).polls.find((p) => p.id === timed.id)?.closed).toBe(true);
  });

  it('bad polls are refused with nothing written: one option, twice the same option, a deadline in the past, an option index out of range', async () => {
    const tripId = await setup();
    const one = await expectTrpcError(anna.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Q', options: ['A'] }));
    expect(one.message).toMatch(/^options:/);
    const twice = await expectTrpcError(anna.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Q', options: ['A', ' a '] }));
    expect(twice.data?.i18n?.key).toBe('errors.collabPollDuplicateOption');
    const past = await expectTrpcError(anna.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Q', options: ['A', 'B'], deadline: '2020-01-01T00:00:00Z' }));
    expect(past.data?.i18n?.key).toBe('errors.collabDeadlinePast');
    expect(await server.services.db.collabPoll.count({ where: { tripId } })).toBe(0);
    const { poll } = await anna.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Q', options: ['A', 'B'] });
    const range = await expectTrpcError(anna.trpc.collab.voteCollabPoll.mutate({ tripId, pollId: poll.id, optionIndex: 2 }));
    expect(range.code).toBe('BAD_REQUEST');
    expect(range.message).toMatch(/^optionIndex:/);
  });
});

describe('chat', () => {
  it('stores and announces the members a message @mentions (not strangers, not the author)', async () => {
    const tripId = await setup();
    const text = `@${ben.user.username} and @${cem.user.username}, ask @${anna.user.username}`;
    const { message } = await anna.trpc.collab.sendCollabMessage.mutate({ tripId, text });
    expect(message.mentionedUserIds).toEqual([ben.user.id]);
    expect((await server.services.db.collabMessage.findUniqueOrThrow({ where: { id: message.id } })).mentionedUserIds).toEqual([ben.user.id]);
    expect(tripEvents()).toMatchObject([{ event: 'collab.message.created', payload: { message: { id: message.id, mentionedUserIds: [ben.user.id] } } }]);
  });

  it('replies, edits and deletes: only the author edits or deletes; a deleted message stays as "deleted" without its text', async () => {
    const tripId = await setup();
    const { message } = await anna.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Meet at 8?' });
    const { message: reply } = await ben.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Yes', replyTo: message.id });
    expect(reply.replyTo).toMatchObject({ id: message.id, text: 'Meet at 8?', author: { id: anna.user.id } });
    expect((await expectTrpcError(ben.trpc.collab.editCollabMessage.mutate({ tripId, messageId: message.id, text: 'Meet at 9' }))).code).toBe('FORBIDDEN');
    expect((await expectTrpcError(ben.trpc.collab.deleteCollabMessage.mutate({ tripId, messageId: message.id }))).code).toBe('FORBIDDEN');
    const { message: edited } = await anna.trpc.collab.editCollabMessage.mutate({ tripId, messageId: message.id, text: 'Meet at 9?' });
    expect(edited.editedAt).not.toBeNull();
    await anna.trpc.collab.reactCollabMessage.mutate({ tripId, messageId: message.id, emoji: '👍' });
    await anna.trpc.collab.deleteCollabMessage.mutate({ tripId, messageId: message.id });
    const row = await server.services.db.collabMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ text: '', deletedAt: expect.any(Date) });
    const { messages } = await ben.trpc.collab.listCollabMessages.query({ tripId });
    expect(messages.map((m) => [m.id, m.deleted, m.text, m.reactions.length])).toEqual([
      [message.id, true, '', 0],
      [reply.id, false, 'Yes', 0],
    ]);
    expect(messages[1].replyTo).toMatchObject({ id: message.id, deleted: true, text: '' });
    const tooLate = await expectTrpcError(ben.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Hm?', replyTo: message.id }));
    expect(tooLate.data?.i18n?.key).toBe('errors.collabReplyToDeleted');
  });

  it('a reply must name a message of the same trip', async () => {
    const tripId = await setup();
    const other = await setup();
    const { message } = await anna.trpc.collab.sendCollabMessage.mutate({ tripId: other, text: 'Elsewhere' });
    const error = await expectTrpcError(anna.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Re', replyTo: message.id }));
    expect(error.code).toBe('NOT_FOUND');
    expect(await server.services.db.collabMessage.count({ where: { tripId } })).toBe(0);
  });

  it('reactions toggle and are grouped by emoji; only emoji are accepted', async () => {
    const tripId = await setup();
    const { message } = await anna.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Tickets booked' });
    await anna.trpc.collab.reactCollabMessage.mutate({ tripId, messageId: message.id, emoji: '🎉' });
    await ben.trpc.collab.reactCollabMessage.mutate({ tripId, messageId: message.id, emoji: '🎉' });
    const { reactions } = await ben.trpc.collab.reactCollabMessage.mutate({ tripId, messageId: message.id, emoji: '👍🏽' });
    expect(reactions).toMatchObject([
      { emoji: '🎉', count: 2 },
      { emoji: '👍🏽', count: 1, users: [{ id: ben.user.id }] },
    ]);
    const { reactions: toggled } = await anna.trpc.collab.reactCollabMessage.mutate({ tripId, messageId: message.id, emoji: '🎉' });
    expect(toggled).toMatchObject([{ emoji: '🎉', count: 1, users: [{ id: ben.user.id }] }, { emoji: '👍🏽' }]);
    const bad = await expectTrpcError(anna.trpc.collab.reactCollabMessage.mutate({ tripId, messageId: message.id, emoji: '<img src=x>' }));
    expect(bad.message).toMatch(/^emoji:/);
    expect(await server.services.db.collabReaction.count({ where: { messageId: message.id } })).toBe(2);
  });

  it('pages back through the history with the before cursor, oldest first within a page', async () => {
    const tripId = await setup();
    await server.services.db.collabMessage.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ tripId, authorId: anna.user.id, text: `m${i + 1}` })),
    });
    const first = await ben.trpc.collab.listCollabMessages.query({ tripId });
    expect(first).toMatchObject({ hasMore: true, before: null });
    expect(first.messages.map((m) => m.text)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 71}`));
    const second = await ben.trpc.collab.listCollabMessages.query({ tripId, before: first.messages[0].id });
    expect(second.messages.map((m) => m.text)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 21}`));
    const third = await ben.trpc.collab.listCollabMessages.query({ tripId, before: second.messages[0].id });
    expect(third).toMatchObject({ hasMore: false });
    expect(third.messages.map((m) => m.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 1}`));
  });

  it('the unread marker is per person and only moves forward; writing marks the chat read', async () => {
    const tripId = await setup();
    const { message: first } = await anna.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'One' });
    const { message: second } = await anna.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Two' });
    expect((await ben.trpc.collab.listCollabMessages.query({ tripId })).lastReadMessageId).toBe(0);
    expect((await anna.trpc.collab.listCollabMessages.query({ tripId })).lastReadMessageId).toBe(second.id);
    await ben.trpc.collab.markCollabChatRead.mutate({ tripId, messageId: second.id });
    expect((await ben.trpc.collab.markCollabChatRead.mutate({ tripId, messageId: first.id })).lastReadMessageId).toBe(second.id);
    expect((await ben.trpc.collab.listCollabMessages.query({ tripId })).lastReadMessageId).toBe(second.id);
  });

  it('typing goes out on the trip’s presence channel and shows to the others for a few seconds', async () => {
    const tripId = await setup();
    await ben.trpc.collab.signalCollabTyping.mutate({ tripId });
    expect(suite.events).toMatchObject([{ channel: `presence-trip-${tripId}`, event: 'collab.typing', payload: { typing: { userId: ben.user.id, name: 'Ben' } } }]);
    expect((await anna.trpc.collab.listCollabMessages.query({ tripId })).typing).toMatchObject([{ userId: ben.user.id, name: 'Ben' }]);
    expect((await ben.trpc.collab.listCollabMessages.query({ tripId })).typing).toEqual([]);
    await ben.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Done typing' });
    expect((await anna.trpc.collab.listCollabMessages.query({ tripId })).typing).toEqual([]);
  });

  it('a non-member can neither read nor write the chat', async () => {
    const tripId = await setup();
    expect((await expectTrpcError(cem.trpc.collab.listCollabMessages.query({ tripId }))).code).toBe('NOT_FOUND');
    expect((await expectTrpcError(cem.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Hi' }))).code).toBe('NOT_FOUND');
    expect(await server.services.db.collabMessage.count({ where: { tripId } })).toBe(0);
  });
});

describe('admin switches for notes, polls and chat', () => {
  it('turn each part off on its own, and the collab switch turns all three off', async () => {
    const tripId = await setup();
    const listed = await anna.trpc.admin.listAddons.query();
    expect(listed.addons.find((a) => a.id === 'collab')).toMatchObject({
      parts: [
        { id: 'collab.notes', enabled: true },
        { id: 'collab.polls', enabled: true },
        { id: 'collab.chat', enabled: true },
      ],
    });
    try {
      await anna.trpc.admin.setAddon.mutate({ id: 'collab.chat', enabled: false });
      const off = await expectTrpcError(ben.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Hi' }));
      expect(off.code).toBe('FORBIDDEN');
      expect(off.data?.i18n).toEqual({ key: 'errors.addonDisabled', params: { addon: 'collab.chat' } });
      await ben.trpc.collab.createCollabNote.mutate({ tripId, title: 'Still works' });
      await ben.trpc.collab.listCollabPolls.query({ tripId });

      await anna.trpc.admin.setAddon.mutate({ id: 'collab.chat', enabled: true });
      await anna.trpc.admin.setAddon.mutate({ id: 'collab', enabled: false });
      const reads = [
        () => ben.trpc.collab.listCollabNotes.query({ tripId }),
        () => ben.trpc.collab.listCollabPolls.query({ tripId }),
        () => ben.trpc.collab.listCollabMessages.query({ tripId }),
      ];
      for (const read of reads) expect((await expectTrpcError(read())).code).toBe('FORBIDDEN');
      expect((await anna.trpc.admin.listAddons.query()).addons.find((a) => a.id === 'collab')).toMatchObject({ enabled: false, parts: [{ enabled: false }, { enabled: false }, { enabled: false }] });
    } finally {
      await anna.trpc.admin.setAddon.mutate({ id: 'collab', enabled: true });
      await anna.trpc.admin.setAddon.mutate({ id: 'collab.chat', enabled: true });
    }
    await ben.trpc.collab.sendCollabMessage.mutate({ tripId, text: 'Back' });
  });
});
