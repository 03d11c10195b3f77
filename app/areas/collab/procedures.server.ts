// Collab: a trip's shared notes (Markdown, version-checked edits), polls and chat. Each of the three can be switched
// off by an admin on its own (addon parts collab.notes, collab.polls, collab.chat; see app/domain/addons.ts).
// Unlike the planner this imitates, edits and deletions follow rules: a note is deleted, a poll closed or deleted
// by its author or the trip owner; a message is edited or deleted by its author only; poll deadlines are enforced.
import { z } from 'zod';
import { router, tripMemberProcedure } from '~/trpc/init';
import { id, text } from '~/trpc/schemas';
import { DomainError, badRequest } from '~/domain/errors';
import { presenceChannel, tripChannel } from '~/realtime/channels';
import { collabEvents } from './events';
import {
  findMessage,
  findNote,
  findPoll,
  messageInclude,
  messageJson,
  noteInclude,
  noteJson,
  noteOrder,
  pollFor,
  pollInclude,
  pollJson,
  reactionsJson,
  tripPeople,
} from './collab-data.server';
import {
  COLLAB_LIMITS as L,
  DEFAULT_NOTE_CATEGORY,
  DEFAULT_NOTE_COLOR,
  HEX_COLOR,
  TYPING_MS,
  checkPollOptions,
  isEmoji,
  mentionedUserIds,
  pollIsClosed,
  votesAfterPick,
} from './rules';
import { notify } from '../notifications/notify.server';

const notes = { scope: 'collab:write', addon: 'collab.notes' } as const;
const polls = { scope: 'collab:write', addon: 'collab.polls' } as const;
const chat = { scope: 'collab:write', addon: 'collab.chat' } as const;
/** Where a collab notification leads: the trip's Collab tab. */
const collabLink = (tripId: number) => `/trips/${tripId}?tab=collab`;

const trimmed = (max: number) =>
  z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const flag = z.boolean({ error: 'must be true or false' });
const color = z.string({ error: 'must be a colour' }).regex(HEX_COLOR, 'must be a colour in the form #RRGGBB');

const optionalNoteFields = {
  content: text(L.noteContent).optional(),
  category: trimmed(L.category).optional(),
  color: color.optional(),
  pinned: flag.optional(),
};

/** Only the author of a note or poll, or the trip owner, may remove it (or close a poll). */
function checkAuthorOrOwner(ctx: { actor: { user: { id: number } }; isOwner: boolean }, authorId: number | null, action: string) {
  if (ctx.isOwner || authorId === ctx.actor.user.id) return;
  throw new DomainError('FORBIDDEN', 'errors.collabAuthorOrOwner', `Only its author or the trip owner can ${action}`, { action });
}

function checkMessageAuthor(ctx: { actor: { user: { id: number } } }, authorId: number | null, action: string) {
  if (authorId === ctx.actor.user.id) return;
  throw new DomainError('FORBIDDEN', 'errors.collabMessageAuthorOnly', `Only the author of a message can ${action}`, { action });
}

const noteConflict = (noteId: number, version: number) =>
  new DomainError('CONFLICT', 'errors.collabNoteConflict', `Note ${noteId} was changed by someone else meanwhile (it is now at version ${version}); reload it and apply your change again`, {
    noteId,
    version,
  });

/** A future point in time: "2027-05-01T18:00:00Z" or with an offset. */
const deadline = z.iso.datetime({ offset: true, error: 'must be a date and time such as 2027-05-01T18:00:00Z' });

export const collabRouter = router({
  /* ------------------------------------------------------------------ notes */

  listCollabNotes: tripMemberProcedure
    .meta({
      scope: 'collab:read',
      addon: 'collab.notes',
      mcp: {
        name: 'list_collab_notes',
        kind: 'read',
        description: 'The trip’s shared notes, pinned first then most recently changed.',
        resource: { uri: 'waymark://trips/{tripId}/collab-notes', name: 'trip-collab-notes', description: 'Shared notes of a trip (Markdown)', onlyResource: true },
      },
    })
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.collabNote.findMany({ where: { tripId: input.tripId }, include: noteInclude });
      return { notes: rows.map(noteJson).sort(noteOrder) };
    }),

  createCollabNote: tripMemberProcedure
    .meta({
      ...notes,
      mcp: {
        name: 'create_collab_note',
        kind: 'write',
        description: `Add a shared note to a trip. content is Markdown (raw HTML is shown as text; links only http(s) and mailto), at most ${L.noteContent} characters; color is #RRGGBB (default ${DEFAULT_NOTE_COLOR}); category defaults to "${DEFAULT_NOTE_CATEGORY}".`,
      },
    })
    .input(z.object({ title: trimmed(L.noteTitle), ...optionalNoteFields }))
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.db.collabNote.create({
        data: {
          tripId: input.tripId,
          title: input.title,
          content: input.content ?? '',
          category: input.category ?? DEFAULT_NOTE_CATEGORY,
          color: (input.color ?? DEFAULT_NOTE_COLOR).toLowerCase(),
          pinned: input.pinned ?? false,
          authorId: ctx.actor.user.id,
          lastEditorId: ctx.actor.user.id,
        },
        include: noteInclude,
      });
      const note = noteJson(row);
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.note.created', { note }));
      return { note };
    }),

  updateCollabNote: tripMemberProcedure
    .meta({
      ...notes,
      mcp: {
        name: 'update_collab_note',
        kind: 'idempotent',
        description:
          'Change a shared note: only the fields given change (content may be ""). Any member may edit a note. Pass expectedVersion (the note’s version as you read it) so an edit made meanwhile by someone else is reported as a conflict instead of being overwritten; without it the change is applied to the latest version.',
      },
    })
    .input(
      z.object({
        noteId: id('collab note'),
        title: trimmed(L.noteTitle).optional(),
        ...optionalNoteFields,
        expectedVersion: z.number({ error: 'must be a whole number' }).int().min(1, 'must be at least 1').max(2_147_483_647, 'must be a note version').optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const current = await findNote(ctx.db, input.tripId, input.noteId);
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw noteConflict(current.id, current.version);
      const data = {
        title: input.title,
        content: input.content,
        category: input.category,
        color: input.color?.toLowerCase(),
        pinned: input.pinned,
        lastEditorId: ctx.actor.user.id,
        version: { increment: 1 },
      };
      // The version in the WHERE makes the check and the write one step: of two edits of one version, one wins.
      const { count } = await ctx.db.collabNote.updateMany({ where: { id: current.id, version: current.version }, data });
      if (count === 0) {
        const latest = await findNote(ctx.db, input.tripId, input.noteId);
        throw noteConflict(latest.id, latest.version);
      }
      const note = noteJson(await findNote(ctx.db, input.tripId, input.noteId));
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.note.updated', { note }));
      return { note };
    }),

  deleteCollabNote: tripMemberProcedure
    .meta({ ...notes, mcp: { name: 'delete_collab_note', kind: 'destructive', description: 'Delete a shared note. Only its author or the trip owner may.' } })
    .input(z.object({ noteId: id('collab note') }))
    .mutation(async ({ ctx, input }) => {
      const note = await findNote(ctx.db, input.tripId, input.noteId);
      checkAuthorOrOwner(ctx, note.authorId, 'delete this note');
      await ctx.db.collabNote.delete({ where: { id: note.id } });
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.note.deleted', { noteId: note.id, title: note.title }));
      return { deleted: true as const, noteId: note.id };
    }),

  /* ------------------------------------------------------------------ polls */

  listCollabPolls: tripMemberProcedure
    .meta({
      scope: 'collab:read',
      addon: 'collab.polls',
      mcp: {
        name: 'list_collab_polls',
        kind: 'read',
        description:
          'The trip’s polls, newest first: question, options (index, label, vote count, and voters unless the poll is anonymous), closed (closed by hand or deadline passed), and myVotes (the option indexes you chose).',
        resource: { uri: 'waymark://trips/{tripId}/collab/polls', name: 'trip-collab-polls', description: 'Polls of a trip with their results' },
      },
    })
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.collabPoll.findMany({ where: { tripId: input.tripId }, include: pollInclude, orderBy: { id: 'desc' } });
      const now = new Date();
      return { polls: rows.map((p) => pollFor(p, ctx.actor.user.id, now)) };
    }),

  createCollabPoll: tripMemberProcedure
    .meta({
      ...polls,
      mcp: {
        name: 'create_collab_poll',
        kind: 'write',
        description: `Start a poll in a trip: ${L.minOptions}–${L.maxOptions} distinct options; multiple lets people pick several; anonymous hides who voted for what (counts stay visible); deadline (a future date and time such as 2027-05-01T18:00:00Z) closes the poll automatically.`,
      },
    })
    .input(
      z.object({
        question: trimmed(L.question),
        options: z
          .array(trimmed(L.optionLabel), { error: 'must be a list of option texts' })
          .min(L.minOptions, `must list at least ${L.minOptions} options`)
          .max(L.maxOptions, `must list at most ${L.maxOptions} options`),
        multiple: flag.optional(),
        anonymous: flag.optional(),
        deadline: deadline.nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      checkPollOptions(input.options);
      const closesAt = input.deadline ? new Date(input.deadline) : null;
      if (closesAt && closesAt.getTime() <= Date.now()) throw badRequest('errors.collabDeadlinePast', 'deadline: must be in the future');
      const row = await ctx.db.collabPoll.create({
        data: {
          tripId: input.tripId,
          authorId: ctx.actor.user.id,
          question: input.question,
          multiple: input.multiple ?? false,
          anonymous: input.anonymous ?? false,
          deadline: closesAt,
          options: { create: input.options.map((label, position) => ({ label, position })) },
        },
        include: pollInclude,
      });
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.poll.created', { poll: pollJson(row) }));
      await notify(ctx, { recipients: { tripMembersOf: input.tripId }, type: 'poll_opened', tripId: input.tripId, params: { question: row.question }, link: collabLink(input.tripId) });
      return { poll: pollFor(row, ctx.actor.user.id) };
    }),

  voteCollabPoll: tripMemberProcedure
    .meta({
      ...polls,
      mcp: {
        name: 'vote_collab_poll',
        kind: 'write',
        description:
          'Pick an option of a poll by its index (0 = first). Single choice: the pick replaces your vote, picking your current option again takes the vote back. Multiple choice: toggles that option. Refused once the poll is closed or its deadline has passed.',
      },
    })
    .input(z.object({ pollId: id('poll'), optionIndex: z.number({ error: 'must be an option index (0 = first)' }).int().min(0, 'must be 0 or more').max(L.maxOptions, `must be at most ${L.maxOptions}`) }))
    .mutation(async ({ ctx, input }) => {
      const poll = await findPoll(ctx.db, input.tripId, input.pollId);
      if (pollIsClosed(poll, new Date())) throw badRequest('errors.collabPollClosed', `Poll ${poll.id} is closed`, { pollId: poll.id });
      const option = poll.options.find((o) => o.position === input.optionIndex);
      if (!option) {
        throw badRequest('errors.collabPollNoOption', `optionIndex: poll ${poll.id} has options 0 to ${poll.options.length - 1}`, { max: poll.options.length - 1 });
      }
      const userId = ctx.actor.user.id;
      const row = await ctx.db.$transaction(async (tx) => {
        // One vote change per poll at a time: two quick picks in a single-choice poll must not leave two votes.
        await tx.$executeRaw`SELECT 1 FROM "CollabPoll" WHERE "id" = ${poll.id} FOR UPDATE`;
        const current = await tx.collabPollVote.findMany({ where: { pollId: poll.id, userId }, select: { optionId: true } });
        const mine = poll.options.filter((o) => current.some((v) => v.optionId === o.id)).map((o) => o.position);
        const next = votesAfterPick(mine, option.position, poll.multiple);
        const optionIds = poll.options.filter((o) => next.includes(o.position)).map((o) => o.id);
        await tx.collabPollVote.deleteMany({ where: { pollId: poll.id, userId, optionId: { notIn: optionIds } } });
        for (const optionId of optionIds) {
          await tx.collabPollVote.upsert({ where: { optionId_userId: { optionId, userId } }, update: {}, create: { pollId: poll.id, optionId, userId } });
        }
        return tx.collabPoll.findUniqueOrThrow({ where: { id: poll.id }, include: pollInclude });
      });
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.poll.voted', { poll: pollJson(row), hideActor: poll.anonymous }));
      return { poll: pollFor(row, userId) };
    }),

  closeCollabPoll: tripMemberProcedure
    .meta({ ...polls, mcp: { name: 'close_collab_poll', kind: 'idempotent', description: 'Close a poll so nobody can vote any more. Only its author or the trip owner may. Closing a closed poll changes nothing.' } })
    .input(z.object({ pollId: id('poll') }))
    .mutation(async ({ ctx, input }) => {
      const poll = await findPoll(ctx.db, input.tripId, input.pollId);
      checkAuthorOrOwner(ctx, poll.authorId, 'close this poll');
      if (poll.closedAt) return { poll: pollFor(poll, ctx.actor.user.id) };
      const row = await ctx.db.collabPoll.update({ where: { id: poll.id }, data: { closedAt: new Date() }, include: pollInclude });
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.poll.closed', { poll: pollJson(row) }));
      await notify(ctx, { recipients: { tripMembersOf: input.tripId }, type: 'poll_closed', tripId: input.tripId, params: { question: row.question }, link: collabLink(input.tripId) });
      return { poll: pollFor(row, ctx.actor.user.id) };
    }),

  deleteCollabPoll: tripMemberProcedure
    .meta({ ...polls, mcp: { name: 'delete_collab_poll', kind: 'destructive', description: 'Delete a poll with its votes. Only its author or the trip owner may.' } })
    .input(z.object({ pollId: id('poll') }))
    .mutation(async ({ ctx, input }) => {
      const poll = await findPoll(ctx.db, input.tripId, input.pollId);
      checkAuthorOrOwner(ctx, poll.authorId, 'delete this poll');
      await ctx.db.collabPoll.delete({ where: { id: poll.id } });
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.poll.deleted', { pollId: poll.id, question: poll.question }));
      return { deleted: true as const, pollId: poll.id };
    }),

  /* ------------------------------------------------------------------ chat */

  listCollabMessages: tripMemberProcedure
    .meta({
      scope: 'collab:read',
      addon: 'collab.chat',
      mcp: {
        name: 'list_collab_messages',
        kind: 'read',
        description: `The trip’s chat, oldest first: the ${L.page} newest messages, or the ${L.page} before message id \`before\` (page back with the smallest id you have while hasMore is true). Deleted messages stay in place with deleted: true and no text. Each message has its reply target, reactions grouped by emoji and the ids of the members it @mentions.`,
        resource: { uri: 'waymark://trips/{tripId}/collab/messages', name: 'trip-collab-messages', description: `The latest ${L.page} chat messages of a trip` },
      },
    })
    .input(z.object({ before: id('chat message').optional() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.collabMessage.findMany({
        where: { tripId: input.tripId, ...(input.before ? { id: { lt: input.before } } : {}) },
        orderBy: { id: 'desc' },
        take: L.page + 1,
        include: messageInclude,
      });
      const hasMore = rows.length > L.page;
      const messages = rows.slice(0, L.page).reverse().map(messageJson);
      const me = ctx.actor.user.id;
      const states = await ctx.db.collabChatRead.findMany({
        where: { tripId: input.tripId, OR: [{ userId: me }, { typingAt: { gt: new Date(Date.now() - TYPING_MS) } }] },
        include: { user: { select: { id: true, displayName: true } } },
      });
      return {
        messages,
        hasMore,
        /** the cursor this page was read with (null: the newest page, the one new messages join) */
        before: input.before ?? null,
        lastReadMessageId: states.find((s) => s.userId === me)?.lastReadMessageId ?? 0,
        typing: states
          .filter((s) => s.userId !== me && s.typingAt && s.typingAt.getTime() > Date.now() - TYPING_MS)
          .map((s) => ({ userId: s.userId, name: s.user.displayName, at: s.typingAt!.toISOString() })),
      };
    }),

  sendCollabMessage: tripMemberProcedure
    .meta({
      ...chat,
      mcp: {
        name: 'send_collab_message',
        kind: 'write',
        description: `Post a chat message to a trip (at most ${L.message} characters). replyTo is the id of a message of the same trip to answer. Write @username to mention a member of the trip.`,
      },
    })
    .input(z.object({ text: trimmed(L.message), replyTo: id('chat message').nullish() }))
    .mutation(async ({ ctx, input }) => {
      if (input.replyTo) {
        const target = await findMessage(ctx.db, input.tripId, input.replyTo);
        if (target.deletedAt) throw badRequest('errors.collabReplyToDeleted', `replyTo: message ${target.id} was deleted`, { messageId: target.id });
      }
      const mentions = mentionedUserIds(input.text, await tripPeople(ctx.db, input.tripId), ctx.actor.user.id);
      const row = await ctx.db.$transaction(async (tx) => {
        const created = await tx.collabMessage.create({
          data: { tripId: input.tripId, authorId: ctx.actor.user.id, text: input.text, replyToId: input.replyTo ?? null, mentionedUserIds: mentions },
          include: messageInclude,
        });
        // Writing a message means having read the chat up to it, and no longer typing.
        await tx.collabChatRead.upsert({
          where: { tripId_userId: { tripId: input.tripId, userId: ctx.actor.user.id } },
          update: { lastReadMessageId: created.id, typingAt: null },
          create: { tripId: input.tripId, userId: ctx.actor.user.id, lastReadMessageId: created.id },
        });
        return created;
      });
      const message = messageJson(row);
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.message.created', { message }));
      const preview = input.text.length > 80 ? `${input.text.slice(0, 79)}…` : input.text;
      await notify(ctx, { recipients: mentions, type: 'mention', tripId: input.tripId, params: { preview }, link: collabLink(input.tripId) });
      return { message };
    }),

  editCollabMessage: tripMemberProcedure
    .meta(chat)
    .input(z.object({ messageId: id('chat message'), text: trimmed(L.message) }))
    .mutation(async ({ ctx, input }) => {
      const current = await findMessage(ctx.db, input.tripId, input.messageId);
      checkMessageAuthor(ctx, current.authorId, 'edit it');
      if (current.deletedAt) throw badRequest('errors.collabMessageDeleted', `Message ${current.id} was deleted`, { messageId: current.id });
      const mentions = mentionedUserIds(input.text, await tripPeople(ctx.db, input.tripId), ctx.actor.user.id);
      const row = await ctx.db.collabMessage.update({
        where: { id: current.id },
        data: { text: input.text, mentionedUserIds: mentions, editedAt: new Date() },
        include: messageInclude,
      });
      const message = messageJson(row);
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.message.updated', { message }));
      return { message };
    }),

  deleteCollabMessage: tripMemberProcedure
    .meta({
      ...chat,
      mcp: {
        name: 'delete_collab_message',
        kind: 'destructive',
        description: 'Delete one of your own chat messages: it stays in the conversation as "deleted", its text and reactions are removed.',
      },
    })
    .input(z.object({ messageId: id('chat message') }))
    .mutation(async ({ ctx, input }) => {
      const current = await findMessage(ctx.db, input.tripId, input.messageId);
      checkMessageAuthor(ctx, current.authorId, 'delete it');
      if (current.deletedAt) return { deleted: true as const, messageId: current.id };
      const row = await ctx.db.$transaction(async (tx) => {
        await tx.collabReaction.deleteMany({ where: { messageId: current.id } });
        return tx.collabMessage.update({
          where: { id: current.id },
          data: { text: '', mentionedUserIds: [], deletedAt: new Date() },
          include: messageInclude,
        });
      });
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.message.updated', { message: messageJson(row) }));
      return { deleted: true as const, messageId: current.id };
    }),

  reactCollabMessage: tripMemberProcedure
    .meta({
      ...chat,
      mcp: { name: 'react_collab_message', kind: 'write', description: 'Toggle your emoji reaction (one emoji such as 👍) on a chat message; returns the message’s reactions grouped by emoji.' },
    })
    .input(z.object({ messageId: id('chat message'), emoji: z.string({ error: 'must be an emoji' }).trim().refine(isEmoji, 'must be a single emoji such as 👍') }))
    .mutation(async ({ ctx, input }) => {
      const message = await findMessage(ctx.db, input.tripId, input.messageId);
      if (message.deletedAt) throw badRequest('errors.collabMessageDeleted', `Message ${message.id} was deleted`, { messageId: message.id });
      const key = { messageId: message.id, userId: ctx.actor.user.id, emoji: input.emoji };
      const { count } = await ctx.db.collabReaction.deleteMany({ where: key });
      if (count === 0) await ctx.db.collabReaction.create({ data: key });
      const rows = await ctx.db.collabReaction.findMany({ where: { messageId: message.id }, orderBy: { createdAt: 'asc' }, include: messageInclude.reactions.include });
      const reactions = reactionsJson(rows);
      ctx.emit(tripChannel(input.tripId), collabEvents.make('collab.message.reacted', { messageId: message.id, reactions }));
      return { messageId: message.id, reactions };
    }),

  markCollabChatRead: tripMemberProcedure
    .meta({ scope: 'collab:read', addon: 'collab.chat' })
    .input(z.object({ messageId: id('chat message') }))
    .mutation(async ({ ctx, input }) => {
      const message = await findMessage(ctx.db, input.tripId, input.messageId);
      const where = { tripId_userId: { tripId: input.tripId, userId: ctx.actor.user.id } };
      const current = await ctx.db.collabChatRead.findUnique({ where });
      // The marker only moves forward: an older tab reporting an older message does not bring unread ones back.
      const lastReadMessageId = Math.max(current?.lastReadMessageId ?? 0, message.id);
      await ctx.db.collabChatRead.upsert({ where, update: { lastReadMessageId }, create: { tripId: input.tripId, userId: ctx.actor.user.id, lastReadMessageId } });
      return { lastReadMessageId };
    }),

  /** "I am typing": shown to the others who have the trip open, over the trip's presence channel. */
  signalCollabTyping: tripMemberProcedure
    .meta({ scope: 'collab:write', addon: 'collab.chat' })
    .mutation(async ({ ctx, input }) => {
      const at = new Date();
      const where = { tripId_userId: { tripId: input.tripId, userId: ctx.actor.user.id } };
      await ctx.db.collabChatRead.upsert({ where, update: { typingAt: at }, create: { tripId: input.tripId, userId: ctx.actor.user.id, typingAt: at } });
      const typing = { userId: ctx.actor.user.id, name: ctx.actor.user.displayName, at: at.toISOString() };
      ctx.emit(presenceChannel(input.tripId), collabEvents.make('collab.typing', { typing }));
      return { typing };
    }),
});
