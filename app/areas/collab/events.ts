// Realtime events of the collab area. Notes and polls are patched into their lists; chat messages join the newest
// page of the history (older pages are patched only when they hold the message); typing arrives over the trip's
// presence channel and is shown for a few seconds.
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, onView } from '~/realtime/events';
import { upsert } from '../views';
import type { collabRouter } from './procedures.server';
import { noteOrder, type CollabMessageJson, type CollabNoteJson, type CollabPollJson } from './collab-data.server';

type Outputs = inferRouterOutputs<typeof collabRouter>;
export type CollabNoteList = Outputs['listCollabNotes'];
export type CollabPollList = Outputs['listCollabPolls'];
export type CollabMessagePage = Outputs['listCollabMessages'];
export type CollabListedPoll = CollabPollList['polls'][number];
export type CollabTyping = CollabMessagePage['typing'][number];
type Reactions = CollabMessageJson['reactions'];

export const collabNotesView = cacheView<CollabNoteList>('collab.listCollabNotes', 'trip');
export const collabPollsView = cacheView<CollabPollList>('collab.listCollabPolls', 'trip');
/** Every cached page of the history: listCollabMessages({tripId}) and ({tripId, before}). */
export const collabMessagesView = cacheView<CollabMessagePage>('collab.listCollabMessages', 'trip');

const withNote = (list: CollabNoteList, note: CollabNoteJson): CollabNoteList => ({ notes: upsert(list.notes, note).sort(noteOrder) });

/** A poll from an event carries no viewer; the viewer's own choices stay as they were. */
function withPoll(list: CollabPollList, poll: CollabPollJson): CollabPollList {
  const mine = list.polls.find((p) => p.id === poll.id)?.myVotes ?? [];
  const next = upsert(list.polls, { ...poll, myVotes: mine.filter((i) => i < poll.options.length) });
  return { polls: next.sort((a, b) => b.id - a.id) };
}

/** Replaces a message on the page that holds it; other pages are unchanged. */
function patchMessage(page: CollabMessagePage, id: number, patch: (m: CollabMessageJson) => CollabMessageJson): CollabMessagePage | undefined {
  if (!page.messages.some((m) => m.id === id)) return undefined;
  return { ...page, messages: page.messages.map((m) => (m.id === id ? patch(m) : m)) };
}

/** An edited or deleted message, and the quotes of it in the replies on the page. */
function withChangedMessage(page: CollabMessagePage, message: CollabMessageJson): CollabMessagePage | undefined {
  const touched = page.messages.some((m) => m.id === message.id || m.replyTo?.id === message.id);
  if (!touched) return undefined;
  const quote = { text: message.text.slice(0, 200), deleted: message.deleted };
  return {
    ...page,
    messages: page.messages.map((m) => {
      if (m.id === message.id) return message;
      if (m.replyTo?.id === message.id) return { ...m, replyTo: { ...m.replyTo, ...quote } };
      return m;
    }),
  };
}

/** A new message joins the newest page (the one read without a cursor); its author is no longer typing. */
function withNewMessage(page: CollabMessagePage, message: CollabMessageJson): CollabMessagePage | undefined {
  if (page.before !== null) return undefined;
  if (page.messages.some((m) => m.id === message.id)) return undefined;
  return {
    ...page,
    messages: [...page.messages, message].sort((a, b) => a.id - b.id),
    typing: page.typing.filter((t) => t.userId !== message.author?.id),
  };
}

function withTyping(page: CollabMessagePage, typing: CollabTyping): CollabMessagePage | undefined {
  if (page.before !== null) return undefined;
  return { ...page, typing: [...page.typing.filter((t) => t.userId !== typing.userId), typing] };
}

export const collabEvents = defineEvents<{
  'collab.note.created': { note: CollabNoteJson };
  'collab.note.updated': { note: CollabNoteJson };
  'collab.note.deleted': { noteId: number; title: string };
  'collab.poll.created': { poll: CollabPollJson };
  /** hideActor: in an anonymous poll nobody learns who just voted (and so for what) */
  'collab.poll.voted': { poll: CollabPollJson; hideActor: boolean };
  'collab.poll.closed': { poll: CollabPollJson };
  'collab.poll.deleted': { pollId: number; question: string };
  'collab.message.created': { message: CollabMessageJson };
  'collab.message.updated': { message: CollabMessageJson };
  'collab.message.reacted': { messageId: number; reactions: Reactions };
  'collab.typing': { typing: CollabTyping };
}>()({
  'collab.note.created': {
    views: [onView(collabNotesView, (list, p) => withNote(list, p.note))],
    notice: (p) => ({ key: 'collab:notice.noteCreated', params: { name: p.note.title } }),
  },
  'collab.note.updated': {
    views: [onView(collabNotesView, (list, p) => withNote(list, p.note))],
    notice: (p) => ({ key: 'collab:notice.noteUpdated', params: { name: p.note.title } }),
  },
  'collab.note.deleted': {
    views: [onView(collabNotesView, (list, p) => ({ notes: list.notes.filter((n) => n.id !== p.noteId) }))],
    notice: (p) => ({ key: 'collab:notice.noteDeleted', params: { name: p.title } }),
  },
  'collab.poll.created': {
    views: [onView(collabPollsView, (list, p) => withPoll(list, p.poll))],
    notice: (p) => ({ key: 'collab:notice.pollCreated', params: { name: p.poll.question } }),
  },
  'collab.poll.voted': {
    views: [onView(collabPollsView, (list, p) => withPoll(list, p.poll))],
    notice: () => null,
  },
  'collab.poll.closed': {
    views: [onView(collabPollsView, (list, p) => withPoll(list, p.poll))],
    notice: (p) => ({ key: 'collab:notice.pollClosed', params: { name: p.poll.question } }),
  },
  'collab.poll.deleted': {
    views: [onView(collabPollsView, (list, p) => ({ polls: list.polls.filter((x) => x.id !== p.pollId) }))],
    notice: (p) => ({ key: 'collab:notice.pollDeleted', params: { name: p.question } }),
  },
  'collab.message.created': {
    views: [onView(collabMessagesView, (page, p) => withNewMessage(page, p.message))],
    // The chat itself shows new messages; a notice for each would be noise.
    notice: () => null,
  },
  'collab.message.updated': {
    views: [onView(collabMessagesView, (page, p) => withChangedMessage(page, p.message))],
    notice: () => null,
  },
  'collab.message.reacted': {
    views: [onView(collabMessagesView, (page, p) => patchMessage(page, p.messageId, (m) => ({ ...m, reactions: p.reactions })))],
    notice: () => null,
  },
  'collab.typing': {
    views: [onView(collabMessagesView, (page, p) => withTyping(page, p.typing))],
    notice: () => null,
  },
});
