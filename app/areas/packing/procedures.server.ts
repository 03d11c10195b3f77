// Packing: items (name, category, quantity, weight, checked, bag, order), the people responsible for each category,
// bags (colour, weight limit, who packs them), bulk import. One default category ("General") on every path, and
// agents can set quantity, weight and bag — all things the tools agents know from elsewhere could not.
import { z } from 'zod';
import { adminProcedure, authedProcedure, router, tripMemberProcedure } from '~/trpc/init';
import { id, idList, title } from '~/trpc/schemas';
import { tripChannel } from '~/realtime/channels';
import { packingEvents } from './events';
import {
  bagInclude,
  findPackingBag,
  findPackingItem,
  itemOrder,
  loadPackingAssignees,
  loadPackingBags,
  loadPackingItems,
  nextItemPosition,
  packingBagJson,
  packingItemJson,
  updatePackingItemIfUnchanged,
} from './packing-data.server';
import { checkTripPeople, notInTrip } from '../trip-data.server';
import { BAG_NAME_MAX, CATEGORY_MAX, DEFAULT_BAG_COLOR, DEFAULT_CATEGORY, IMPORT_MAX, NAME_MAX, QUANTITY_MAX, TEMPLATE_NAME_MAX, WEIGHT_MAX, itemsToAdd } from './rules';
import { reorderChanges } from '~/domain/ordering';
import { findTemplate, loadTemplates, templateInclude, templateJson } from './templates.server';
import { badRequest, notFound } from '~/domain/errors';
import { notify } from '../notifications/notify.server';
import { reportProgress } from '~/utils/progress.server';
import { expectedUpdatedAt } from '~/offline/versions.server';

const category = title(CATEGORY_MAX);
const quantity = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(QUANTITY_MAX, `must be at most ${QUANTITY_MAX}`);
const weightGrams = z.number({ error: 'must be a weight in grams' }).int('must be whole grams').min(0, 'must be at least 0').max(WEIGHT_MAX, `must be at most ${WEIGHT_MAX} grams`);
const color = z.string({ error: 'must be a colour' }).trim().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as #6366f1');
const checked = z.boolean({ error: 'must be true or false' });
const itemIdInput = { itemId: id('packing item') };
const templateIdInput = { templateId: id('packing template') };
const templateItems = z
  .array(z.object({ name: title(NAME_MAX), category: category.optional(), quantity: quantity.optional() }), { error: 'must be a list of {name, category?, quantity?}' })
  .min(1, 'must list at least one item')
  .max(IMPORT_MAX, `must list at most ${IMPORT_MAX} items`);
const templateItemRows = (items: z.infer<typeof templateItems>) =>
  items.map((i, position) => ({ name: i.name, category: i.category ?? DEFAULT_CATEGORY, quantity: i.quantity ?? 1, position }));
const bagIdInput = { bagId: id('packing bag') };

const READ = { scope: 'packing:read', addon: 'lists' } as const;
const WRITE = { scope: 'packing:write', addon: 'lists' } as const;

const emitItem = (ctx: { emit: (c: string, e: ReturnType<typeof packingEvents.make>) => void }, tripId: number, name: 'packing.item.created' | 'packing.item.updated' | 'packing.item.toggled', item: ReturnType<typeof packingItemJson>) =>
  ctx.emit(tripChannel(tripId), packingEvents.make(name, { item }));

export const packingRouter = router({
  listPackingItems: tripMemberProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'list_packing_items',
        kind: 'read',
        description:
          'The trip’s packing list in order: items {id, name, category, quantity, weightGrams, checked, bagId, position}, and assignees: category → the people responsible for it.',
        resource: { uri: 'waymark://trips/{tripId}/packing', name: 'trip-packing', description: 'The packing list of a trip with its category assignees' },
      },
    })
    .query(async ({ ctx, input }) => ({ items: await loadPackingItems(ctx.db, input.tripId), assignees: await loadPackingAssignees(ctx.db, input.tripId) })),

  createPackingItem: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'create_packing_item',
        kind: 'write',
        description: `Add an item to the end of the packing list, unchecked. category defaults to "${DEFAULT_CATEGORY}"; quantity 1–${QUANTITY_MAX} (default 1); weightGrams per piece; bagId puts it in one of the trip’s bags.`,
      },
    })
    .input(z.object({ name: title(NAME_MAX), category: category.optional(), quantity: quantity.optional(), weightGrams: weightGrams.nullish(), bagId: id('packing bag').nullish() }))
    .mutation(async ({ ctx, input }) => {
      if (input.bagId) await findPackingBag(ctx.db, input.tripId, input.bagId);
      const row = await ctx.db.packingItem.create({
        data: {
          tripId: input.tripId,
          name: input.name,
          category: input.category ?? DEFAULT_CATEGORY,
          quantity: input.quantity ?? 1,
          weightGrams: input.weightGrams ?? null,
          bagId: input.bagId ?? null,
          position: await nextItemPosition(ctx.db, input.tripId),
          updatedById: ctx.actor.user.id,
        },
      });
      const item = packingItemJson(row);
      emitItem(ctx, input.tripId, 'packing.item.created', item);
      return { item };
    }),

  updatePackingItem: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'update_packing_item',
        kind: 'idempotent',
        description:
          'Change an item; only the fields you send change. null clears weightGrams or takes the item out of its bag (bagId). checked may be sent too. Optional expectedUpdatedAt (the item’s updatedAt as read): if it changed since, CONFLICT naming who changed it, and nothing changes.',
      },
    })
    .input(
      z.object({
        ...itemIdInput,
        name: title(NAME_MAX).optional(),
        category: category.optional(),
        quantity: quantity.optional(),
        weightGrams: weightGrams.nullish(),
        bagId: id('packing bag').nullish(),
        checked: checked.optional(),
        expectedUpdatedAt,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const current = await findPackingItem(ctx.db, input.tripId, input.itemId);
      if (input.bagId) await findPackingBag(ctx.db, input.tripId, input.bagId);
      const data = { name: input.name, category: input.category, quantity: input.quantity, weightGrams: input.weightGrams, bagId: input.bagId, checked: input.checked, updatedById: ctx.actor.user.id };
      const item = packingItemJson(await updatePackingItemIfUnchanged(ctx.db, current, input.expectedUpdatedAt, data));
      emitItem(ctx, input.tripId, 'packing.item.updated', item);
      return { item };
    }),

  togglePackingItem: tripMemberProcedure
    .meta({ ...WRITE, mcp: { name: 'toggle_packing_item', kind: 'idempotent', description: 'Tick an item off as packed (checked: true) or untick it (false). Everyone on the trip sees it at once.' } })
    .input(z.object({ ...itemIdInput, checked, expectedUpdatedAt }))
    .mutation(async ({ ctx, input }) => {
      const current = await findPackingItem(ctx.db, input.tripId, input.itemId);
      const data = { checked: input.checked, updatedById: ctx.actor.user.id };
      const item = packingItemJson(await updatePackingItemIfUnchanged(ctx.db, current, input.expectedUpdatedAt, data));
      emitItem(ctx, input.tripId, 'packing.item.toggled', item);
      return { item };
    }),

  deletePackingItem: tripMemberProcedure
    .meta({ ...WRITE, mcp: { name: 'delete_packing_item', kind: 'destructive', description: 'Remove an item from the packing list.' } })
    .input(z.object(itemIdInput))
    .mutation(async ({ ctx, input }) => {
      const current = await findPackingItem(ctx.db, input.tripId, input.itemId);
      await ctx.db.packingItem.delete({ where: { id: input.itemId } });
      ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.item.deleted', { itemId: input.itemId, name: current.name }));
      return { deleted: true as const, itemId: input.itemId };
    }),

  reorderPackingItems: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'reorder_packing_items',
        kind: 'idempotent',
        description: 'Put items in this order: the listed ids first, in the given order, then the others as they were. Every id must be an item of this trip (else NOT_FOUND, nothing changes).',
      },
    })
    .input(z.object({ orderedIds: idList('packing item').min(1, 'must list at least one item') }))
    .mutation(async ({ ctx, input }) => {
      const current = await ctx.db.packingItem.findMany({ where: { tripId: input.tripId }, orderBy: [...itemOrder], select: { id: true, position: true } });
      const known = new Set(current.map((i) => i.id));
      const unknown = input.orderedIds.find((i) => !known.has(i));
      if (unknown !== undefined) throw notInTrip('Packing item', unknown, input.tripId);
      const { order, changes } = reorderChanges(current, input.orderedIds);
      await ctx.db.$transaction(async (tx) => {
        for (const change of changes) await tx.packingItem.update({ where: { id: change.id }, data: { position: change.position, updatedById: ctx.actor.user.id } });
      });
      ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.items.reordered', { order }));
      return { order };
    }),

  bulkImportPacking: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'bulk_import_packing',
        kind: 'write',
        description: `Append many items at once, unchecked, in the given order: items [{name, category?, quantity?, weightGrams?}] (category defaults to "${DEFAULT_CATEGORY}", quantity to 1 and is kept). Returns the created items and their count. Nothing is written if any item is invalid.`,
      },
    })
    .input(
      z.object({
        items: z
          .array(z.object({ name: title(NAME_MAX), category: category.optional(), quantity: quantity.optional(), weightGrams: weightGrams.nullish() }), { error: 'must be a list of {name, category?, quantity?}' })
          .min(1, 'must list at least one item')
          .max(IMPORT_MAX, `must list at most ${IMPORT_MAX} items per call`),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const items = await ctx.db.$transaction(async (tx) => {
        const start = await nextItemPosition(tx, input.tripId);
        reportProgress(0, input.items.length);
        await tx.packingItem.createMany({
          data: input.items.map((i, n) => ({
            tripId: input.tripId,
            name: i.name,
            category: i.category ?? DEFAULT_CATEGORY,
            quantity: i.quantity ?? 1,
            weightGrams: i.weightGrams ?? null,
            position: start + n,
            updatedById: ctx.actor.user.id,
          })),
        });
        reportProgress(input.items.length, input.items.length);
        return (await tx.packingItem.findMany({ where: { tripId: input.tripId, position: { gte: start } }, orderBy: [...itemOrder] })).map(packingItemJson);
      });
      ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.items.added', { items, source: 'import' }));
      return { items, count: items.length };
    }),

  getPackingCategoryAssignees: tripMemberProcedure
    .meta({ ...READ, mcp: { name: 'get_packing_category_assignees', kind: 'read', description: 'Who is responsible for which packing category: assignees: {<category>: [{userId, username, displayName}]}.' } })
    .query(async ({ ctx, input }) => ({ assignees: await loadPackingAssignees(ctx.db, input.tripId) })),

  setPackingCategoryAssignees: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'set_packing_category_assignees',
        kind: 'idempotent',
        description: 'Replace the people responsible for a packing category (userIds must be on the trip; [] clears). Answers the category’s assignees and who was added and removed.',
      },
    })
    .input(z.object({ categoryName: category, userIds: idList('user') }))
    .mutation(async ({ ctx, input }) => {
      const userIds = [...new Set(input.userIds)];
      await checkTripPeople(ctx.db, input.tripId, userIds);
      const where = { tripId: input.tripId, category: input.categoryName };
      const before = (await ctx.db.packingCategoryAssignee.findMany({ where, select: { userId: true } })).map((r) => r.userId);
      await ctx.db.$transaction([
        ctx.db.packingCategoryAssignee.deleteMany({ where }),
        ctx.db.packingCategoryAssignee.createMany({ data: userIds.map((userId) => ({ ...where, userId })) }),
      ]);
      const assignees = (await loadPackingAssignees(ctx.db, input.tripId))[input.categoryName] ?? [];
      const change = { addedUserIds: userIds.filter((u) => !before.includes(u)), removedUserIds: before.filter((u) => !userIds.includes(u)) };
      ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.category.assignees.changed', { category: input.categoryName, assignees, ...change }));
      await notify(ctx, { recipients: change.addedUserIds, type: 'assigned', tripId: input.tripId, params: { item: input.categoryName }, link: `/trips/${input.tripId}?tab=packing` });
      return { category: input.categoryName, assignees, ...change };
    }),

  listPackingBags: tripMemberProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'list_packing_bags',
        kind: 'read',
        description: 'The trip’s bags with colour, weightLimitGrams and members (who packs them).',
        resource: { uri: 'waymark://trips/{tripId}/packing/bags', name: 'trip-packing-bags', description: 'The bags of a trip’s packing list with their members' },
      },
    })
    .query(async ({ ctx, input }) => ({ bags: await loadPackingBags(ctx.db, input.tripId) })),

  createPackingBag: tripMemberProcedure
    .meta({ ...WRITE, mcp: { name: 'create_packing_bag', kind: 'write', description: `Add a bag: name, color (hex, default ${DEFAULT_BAG_COLOR}), weightLimitGrams (optional).` } })
    .input(z.object({ name: title(BAG_NAME_MAX), color: color.optional(), weightLimitGrams: weightGrams.nullish() }))
    .mutation(async ({ ctx, input }) => {
      const last = await ctx.db.packingBag.aggregate({ where: { tripId: input.tripId }, _max: { position: true } });
      const bag = packingBagJson(
        await ctx.db.packingBag.create({
          data: { tripId: input.tripId, name: input.name, color: input.color ?? DEFAULT_BAG_COLOR, weightLimitGrams: input.weightLimitGrams ?? null, position: (last._max.position ?? -1) + 1 },
          include: bagInclude,
        }),
      );
      ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.bag.created', { bag }));
      return { bag };
    }),

  updatePackingBag: tripMemberProcedure
    .meta({ ...WRITE, mcp: { name: 'update_packing_bag', kind: 'idempotent', description: 'Change a bag’s name, color or weightLimitGrams (null removes the limit); only the fields you send change.' } })
    .input(z.object({ ...bagIdInput, name: title(BAG_NAME_MAX).optional(), color: color.optional(), weightLimitGrams: weightGrams.nullish() }))
    .mutation(async ({ ctx, input }) => {
      await findPackingBag(ctx.db, input.tripId, input.bagId);
      const bag = packingBagJson(
        await ctx.db.packingBag.update({ where: { id: input.bagId }, data: { name: input.name, color: input.color, weightLimitGrams: input.weightLimitGrams }, include: bagInclude }),
      );
      ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.bag.updated', { bag }));
      return { bag };
    }),

  deletePackingBag: tripMemberProcedure
    .meta({ ...WRITE, mcp: { name: 'delete_packing_bag', kind: 'destructive', description: 'Delete a bag; its items stay on the list, unbagged.' } })
    .input(z.object(bagIdInput))
    .mutation(async ({ ctx, input }) => {
      const bag = await findPackingBag(ctx.db, input.tripId, input.bagId);
      await ctx.db.packingBag.delete({ where: { id: input.bagId } });
      ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.bag.deleted', { bagId: input.bagId, name: bag.name }));
      return { deleted: true as const, bagId: input.bagId };
    }),

  setBagMembers: tripMemberProcedure
    .meta({ ...WRITE, mcp: { name: 'set_bag_members', kind: 'idempotent', description: 'Replace who packs a bag (userIds must be on the trip; [] clears). Answers the bag.' } })
    .input(z.object({ ...bagIdInput, userIds: idList('user') }))
    .mutation(async ({ ctx, input }) => {
      const current = await findPackingBag(ctx.db, input.tripId, input.bagId);
      const userIds = [...new Set(input.userIds)];
      await checkTripPeople(ctx.db, input.tripId, userIds);
      const before = current.members.map((m) => m.userId);
      await ctx.db.$transaction([
        ctx.db.packingBagMember.deleteMany({ where: { bagId: input.bagId } }),
        ctx.db.packingBagMember.createMany({ data: userIds.map((userId) => ({ bagId: input.bagId, userId })) }),
      ]);
      const bag = packingBagJson(await findPackingBag(ctx.db, input.tripId, input.bagId));
      const change = { addedUserIds: userIds.filter((u) => !before.includes(u)), removedUserIds: before.filter((u) => !userIds.includes(u)) };
      ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.bag.members.changed', { bag, ...change }));
      return { bag, ...change };
    }),
  listPackingTemplates: authedProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'list_packing_templates',
        kind: 'read',
        description:
          'The packing templates of this Waymark (built-in ones, shown in your language, those the administrators made and those people saved from their trips): {templates: [{id, name, builtIn, items: [{name, category, quantity}]}]}. Apply one with apply_packing_template.',
      },
    })
    .query(async ({ ctx }) => ({ templates: await loadTemplates(ctx.db, ctx.actor.user.language) })),

  applyPackingTemplate: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'apply_packing_template',
        kind: 'write',
        description:
          'Add a template’s items (list_packing_templates) to the end of the trip’s list, unchecked, in template order — except those already on the list (same name and category, ignoring case). Answers the added items and how many were skipped.',
      },
    })
    .input(z.object(templateIdInput))
    .mutation(async ({ ctx, input }) => {
      const template = await findTemplate(ctx.db, input.templateId, ctx.actor.user.language);
      if (template.items.length === 0) throw badRequest('errors.packingTemplateEmpty', `templateId: packing template ${input.templateId} has no items`, { templateId: input.templateId });
      const items = await ctx.db.$transaction(async (tx) => {
        const existing = await tx.packingItem.findMany({ where: { tripId: input.tripId }, select: { name: true, category: true } });
        const adding = itemsToAdd(existing, template.items);
        const start = await nextItemPosition(tx, input.tripId);
        await tx.packingItem.createMany({ data: adding.map((i, n) => ({ tripId: input.tripId, name: i.name, category: i.category, quantity: i.quantity, position: start + n, updatedById: ctx.actor.user.id })) });
        return (await tx.packingItem.findMany({ where: { tripId: input.tripId, position: { gte: start } }, orderBy: [...itemOrder] })).map(packingItemJson);
      });
      if (items.length) ctx.emit(tripChannel(input.tripId), packingEvents.make('packing.items.added', { items, source: 'template' }));
      return { items, count: items.length, skipped: template.items.length - items.length };
    }),

  savePackingTemplate: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'save_packing_template',
        kind: 'write',
        description:
          'Save the trip’s packing list (names, categories and quantities; not ticks, weights or bags) as a new template everyone on this Waymark can apply. An empty list is refused (BAD_REQUEST) rather than saved.',
      },
    })
    .input(z.object({ templateName: title(TEMPLATE_NAME_MAX) }))
    .mutation(async ({ ctx, input }) => {
      const items = await ctx.db.packingItem.findMany({ where: { tripId: input.tripId }, orderBy: [...itemOrder] });
      if (items.length === 0) throw badRequest('errors.packingListEmpty', 'the packing list is empty: there is nothing to save as a template');
      const row = await ctx.db.packingTemplate.create({
        data: { name: input.templateName, ownerId: ctx.actor.user.id, items: { create: items.map((i, position) => ({ name: i.name, category: i.category, quantity: i.quantity, position })) } },
        include: templateInclude,
      });
      return { template: templateJson(row, ctx.actor.user.language) };
    }),

  createPackingTemplate: adminProcedure
    .meta({ scope: 'packing:write' })
    .input(z.object({ name: title(TEMPLATE_NAME_MAX), items: templateItems }))
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.db.packingTemplate.create({ data: { name: input.name, items: { create: templateItemRows(input.items) } }, include: templateInclude });
      return { template: templateJson(row, ctx.actor.user.language) };
    }),

  updatePackingTemplate: adminProcedure
    .meta({ scope: 'packing:write' })
    .input(z.object({ ...templateIdInput, name: title(TEMPLATE_NAME_MAX).optional(), items: templateItems.optional() }))
    .mutation(async ({ ctx, input }) => {
      const current = await ctx.db.packingTemplate.findUnique({ where: { id: input.templateId } });
      if (!current) throw notFound('Packing template', input.templateId);
      // An edited built-in template keeps what the administrator wrote: it is no longer translated.
      const shown = current.builtInKey ? await findTemplate(ctx.db, input.templateId, ctx.actor.user.language) : null;
      const row = await ctx.db.$transaction(async (tx) => {
        if (input.items || shown) {
          await tx.packingTemplateItem.deleteMany({ where: { templateId: input.templateId } });
          await tx.packingTemplateItem.createMany({ data: templateItemRows(input.items ?? shown!.items).map((i) => ({ ...i, templateId: input.templateId })) });
        }
        return tx.packingTemplate.update({
          where: { id: input.templateId },
          data: { name: input.name ?? shown?.name, builtInKey: null },
          include: templateInclude,
        });
      });
      return { template: templateJson(row, ctx.actor.user.language) };
    }),

  deletePackingTemplate: adminProcedure
    .meta({ scope: 'packing:write' })
    .input(z.object(templateIdInput))
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.packingTemplate.deleteMany({ where: { id: input.templateId } });
      if (count === 0) throw notFound('Packing template', input.templateId);
      return { deleted: true as const, templateId: input.templateId };
    }),
});
