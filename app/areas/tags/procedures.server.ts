// Tags belong to a user (not a trip): list, create, rename/recolour, delete. Events go to the user's own channel.
import { z } from 'zod';
import { authedProcedure, router } from '~/trpc/init';
import { hexColor, id } from '~/trpc/schemas';
import { tagJson } from '~/trpc/shape';
import { DomainError, notFound } from '~/domain/errors';
import type { Db } from '~/db/client.server';
import { userChannel } from '~/realtime/channels';
import { tagEvents } from './events';

const TAG_NAME_MAX = 50;
const tagName = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(TAG_NAME_MAX, `must be at most ${TAG_NAME_MAX} characters`);

const duplicate = (name: string) =>
  new DomainError('CONFLICT', 'errors.tagExists', `You already have a tag named "${name}"`, { name });

async function ownTag(db: Db, userId: number, tagId: number) {
  const tag = await db.tag.findFirst({ where: { id: tagId, userId } });
  if (!tag) throw notFound('Tag', tagId);
  return tag;
}

async function nameTaken(db: Db, userId: number, name: string, exceptId?: number) {
  const same = await db.tag.findFirst({
    where: { userId, name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  return !!same;
}

export const tagsRouter = router({
  listTags: authedProcedure
    .meta({ scope: 'places:read', mcp: { name: 'list_tags', kind: 'read', description: 'Your tags (id, name, color), to label places with tagIds.' } })
    .query(async ({ ctx }) => {
      const tags = await ctx.db.tag.findMany({ where: { userId: ctx.actor.user.id }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
      return { tags: tags.map(tagJson) };
    }),

  createTag: authedProcedure
    .meta({
      scope: 'places:write',
      mcp: { name: 'create_tag', kind: 'write', description: 'Create one of your tags. name up to 50 characters, unique among your tags; color as #rrggbb.' },
    })
    .input(z.object({ name: tagName, color: hexColor.optional() }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      if (await nameTaken(ctx.db, userId, input.name)) throw duplicate(input.name);
      const tag = await ctx.db.tag.create({ data: { userId, name: input.name, ...(input.color ? { color: input.color } : {}) } });
      ctx.emit(userChannel(userId), tagEvents.make('tag.created', { tag: tagJson(tag) }));
      return { tag: tagJson(tag) };
    }),

  updateTag: authedProcedure
    .meta({ scope: 'places:write', mcp: { name: 'update_tag', kind: 'idempotent', description: 'Rename or recolour one of your tags.' } })
    .input(z.object({ tagId: id('tag'), name: tagName.optional(), color: hexColor.optional() }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      await ownTag(ctx.db, userId, input.tagId);
      if (input.name && (await nameTaken(ctx.db, userId, input.name, input.tagId))) throw duplicate(input.name);
      const tag = await ctx.db.tag.update({ where: { id: input.tagId }, data: { name: input.name, color: input.color } });
      ctx.emit(userChannel(userId), tagEvents.make('tag.updated', { tag: tagJson(tag) }));
      return { tag: tagJson(tag) };
    }),

  deleteTag: authedProcedure
    .meta({ scope: 'places:write', mcp: { name: 'delete_tag', kind: 'destructive', description: 'Delete one of your tags; places lose the tag but stay.' } })
    .input(z.object({ tagId: id('tag') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      await ownTag(ctx.db, userId, input.tagId);
      await ctx.db.tag.delete({ where: { id: input.tagId } });
      ctx.emit(userChannel(userId), tagEvents.make('tag.deleted', { tagId: input.tagId }));
      return { deleted: true as const, tagId: input.tagId };
    }),
});
