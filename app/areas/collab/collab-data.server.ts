// Collab rows → the JSON both doors return, and the queries that load them.
import type { Prisma } from '~/generated/prisma/client';
import { publicUserSelect, userJson } from '~/trpc/shape';
import { notInTrip, type DbLike } from '../trip-data.server';
import { pollIsClosed } from './rules';

type PublicUser = { id: number; username: string; displayName: string };
const person = (u: PublicUser | null) => (u ? userJson(u) : null);

export const noteInclude = { author: { select: publicUserSelect }, lastEditor: { select: publicUserSelect } } as const satisfies Prisma.CollabNoteInclude;
type NoteRow = Prisma.CollabNoteGetPayload<{ include: typeof noteInclude }>;

export function noteJson(n: NoteRow) {
  return {
    id: n.id,
    tripId: n.tripId,
    title: n.title,
    content: n.content,
    category: n.category,
    color: n.color,
    pinned: n.pinned,
    version: n.version,
    author: person(n.author),
    lastEditor: person(n.lastEditor),
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}
export type CollabNoteJson = ReturnType<typeof noteJson>;

/** Pinned first, then the most recently changed. */
export const noteOrder = (a: CollabNoteJson, b: CollabNoteJson) =>
  Number(b.pinned) - Number(a.pinned) || b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id;

export async function findNote(db: DbLike, tripId: number, noteId: number) {
  const note = await db.collabNote.findFirst({ where: { id: noteId, tripId }, include: noteInclude });
  if (!note) throw notInTrip('Collab note', noteId, tripId);
  return note;
}

export const pollInclude = {
  author: { select: publicUserSelect },
  options: { orderBy: { position: 'asc' }, include: { votes: { orderBy: { createdAt: 'asc' }, include: { user: { select: publicUserSelect } } } } },
} as const satisfies Prisma.CollabPollInclude;
type PollRow = Prisma.CollabPollGetPayload<{ include: typeof pollInclude }>;

/**
 * A poll as everyone sees it: counts always; who voted for what only when the poll is not anonymous. `myVotes` (the
 * option indexes the viewer chose) is filled per viewer by pollFor; events carry the poll without it.
 */
export function pollJson(p: PollRow, now = new Date()) {
  const voters = new Set(p.options.flatMap((o) => o.votes.map((v) => v.userId)));
  return {
    id: p.id,
    tripId: p.tripId,
    question: p.question,
    multiple: p.multiple,
    anonymous: p.anonymous,
    deadline: p.deadline?.toISOString() ?? null,
    closed: pollIsClosed(p, now),
    closedAt: p.closedAt?.toISOString() ?? null,
    author: person(p.author),
    createdAt: p.createdAt.toISOString(),
    voterCount: voters.size,
    options: p.options.map((o) => ({
      index: o.position,
      label: o.label,
      count: o.votes.length,
      voters: p.anonymous ? [] : o.votes.map((v) => userJson(v.user)),
    })),
  };
}
export type CollabPollJson = ReturnType<typeof pollJson>;

/** The poll with the viewer's own choices (known to the viewer even in an anonymous poll). */
export function pollFor(p: PollRow, viewerId: number, now = new Date()) {
  return { ...pollJson(p, now), myVotes: p.options.filter((o) => o.votes.some((v) => v.userId === viewerId)).map((o) => o.position) };
}

export async function findPoll(db: DbLike, tripId: number, pollId: number) {
  const poll = await db.collabPoll.findFirst({ where: { id: pollId, tripId }, include: pollInclude });
  if (!poll) throw notInTrip('Poll', pollId, tripId);
  return poll;
}

export const messageInclude = {
  author: { select: publicUserSelect },
  replyTo: { select: { id: true, text: true, deletedAt: true, author: { select: publicUserSelect } } },
  reactions: { orderBy: { createdAt: 'asc' }, include: { user: { select: publicUserSelect } } },
} as const satisfies Prisma.CollabMessageInclude;
type MessageRow = Prisma.CollabMessageGetPayload<{ include: typeof messageInclude }>;

/** Reactions grouped by emoji, in the order each emoji was first used. */
export function reactionsJson(rows: MessageRow['reactions']) {
  const groups = new Map<string, { emoji: string; count: number; users: ReturnType<typeof userJson>[] }>();
  for (const r of rows) {
    const group = groups.get(r.emoji) ?? { emoji: r.emoji, count: 0, users: [] };
    group.count += 1;
    group.users.push(userJson(r.user));
    groups.set(r.emoji, group);
  }
  return [...groups.values()];
}

/** A deleted message keeps its place in the conversation but not its text. */
export function messageJson(m: MessageRow) {
  const deleted = m.deletedAt !== null;
  return {
    id: m.id,
    tripId: m.tripId,
    author: person(m.author),
    text: deleted ? '' : m.text,
    deleted,
    replyTo: m.replyTo
      ? { id: m.replyTo.id, text: m.replyTo.deletedAt ? '' : m.replyTo.text.slice(0, 200), deleted: m.replyTo.deletedAt !== null, author: person(m.replyTo.author) }
      : null,
    mentionedUserIds: deleted ? [] : m.mentionedUserIds,
    reactions: deleted ? [] : reactionsJson(m.reactions),
    editedAt: m.editedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}
export type CollabMessageJson = ReturnType<typeof messageJson>;

export async function findMessage(db: DbLike, tripId: number, messageId: number) {
  const message = await db.collabMessage.findFirst({ where: { id: messageId, tripId }, include: messageInclude });
  if (!message) throw notInTrip('Chat message', messageId, tripId);
  return message;
}

/** The trip's people (owner and members) with their usernames, for @mentions. */
export async function tripPeople(db: DbLike, tripId: number) {
  const trip = await db.trip.findUniqueOrThrow({
    where: { id: tripId },
    select: { owner: { select: publicUserSelect }, members: { select: { user: { select: publicUserSelect } } } },
  });
  return [trip.owner, ...trip.members.map((m) => m.user)];
}
