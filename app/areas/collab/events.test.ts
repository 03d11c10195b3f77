// The collab events' effect on the cached views: new messages join only the newest page, edits and deletions reach
// the page holding the message and the quotes of it, a vote keeps the viewer's own choices.
import { describe, expect, it } from 'vitest';
import { applyEventToView } from '~/realtime/events';
import { collabEvents, collabMessagesView, collabPollsView, type CollabMessagePage, type CollabPollList } from './events';

const handlers = collabEvents.handlers as never;
const before = () => undefined;
const msg = (id: number, extra: Partial<CollabMessagePage['messages'][number]> = {}) =>
  ({ id, tripId: 1, author: { id: 7, username: 'sam', displayName: 'Sam' }, text: `m${id}`, deleted: false, replyTo: null, mentionedUserIds: [], reactions: [], editedAt: null, createdAt: '2027-01-01T00:00:00.000Z', ...extra }) as CollabMessagePage['messages'][number];
const page = (messages: CollabMessagePage['messages'], before: number | null = null): CollabMessagePage => ({ messages, hasMore: false, before, lastReadMessageId: 0, typing: [{ userId: 7, name: 'Sam', at: '2027-01-01T00:00:00.000Z' }] });

describe('collab events on the message pages', () => {
  it('a new message joins the newest page only, and its author stops typing', () => {
    const created = { message: msg(3) };
    const newest = applyEventToView(handlers, collabMessagesView, page([msg(2)]), 'collab.message.created', created, before) as CollabMessagePage;
    expect(newest.messages.map((m) => m.id)).toEqual([2, 3]);
    expect(newest.typing).toEqual([]);
    expect(applyEventToView(handlers, collabMessagesView, page([msg(1)], 2), 'collab.message.created', created, before)).toBeUndefined();
  });

  it('a deletion reaches the message and the quotes of it', () => {
    const cached = page([msg(1), msg(2, { replyTo: { id: 1, text: 'm1', deleted: false, author: null } })]);
    const next = applyEventToView(handlers, collabMessagesView, cached, 'collab.message.updated', { message: msg(1, { text: '', deleted: true }) }, before) as CollabMessagePage;
    expect(next.messages[0]).toMatchObject({ deleted: true, text: '' });
    expect(next.messages[1].replyTo).toMatchObject({ id: 1, deleted: true, text: '' });
    expect(applyEventToView(handlers, collabMessagesView, page([msg(5)]), 'collab.message.updated', { message: msg(1) }, before)).toBeUndefined();
  });
});

describe('collab events on the polls', () => {
  it('a vote by someone else keeps the viewer’s own choices', () => {
    const poll = { id: 4, tripId: 1, question: 'Q', multiple: false, anonymous: false, deadline: null, closed: false, closedAt: null, author: null, createdAt: '', voterCount: 2, options: [{ index: 0, label: 'A', count: 1, voters: [] }, { index: 1, label: 'B', count: 1, voters: [] }] };
    const cached: CollabPollList = { polls: [{ ...poll, voterCount: 1, myVotes: [0] }] };
    const next = applyEventToView(handlers, collabPollsView, cached, 'collab.poll.voted', { poll, hideActor: false }, before) as CollabPollList;
    expect(next.polls[0]).toMatchObject({ voterCount: 2, myVotes: [0] });
  });
});
