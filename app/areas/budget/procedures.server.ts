// Budget: expenses in their own currency, split among trip members (equally, by shares or by amounts), paid by one or
// more payers; rates to the trip currency; figures and settlement. "Paid" is defined once (see rules.ts): payers are
// who paid the bill; a split member's `paid` flag means that member has repaid their share to the payers.
import { z } from 'zod';
import { router, tripMemberProcedure, type Context } from '~/trpc/init';
import { LIMITS, currency as currencyCode, id, idList, isoDate, text, title } from '~/trpc/schemas';
import { fromIsoDate } from '~/domain/dates';
import { DomainError, badRequest } from '~/domain/errors';
import { checkTripPeople, findDay, findPlace, findReservation, notInTrip, type DbLike } from '../trip-data.server';
import { tripChannel } from '~/realtime/channels';
import { budgetEvents } from './events';
import { currentRate } from './online-rates.server';
import { budgetItemInclude, budgetItemJson, computeBudget, paymentJson, peopleNamer, tripRates, findBudgetItem, loadBudget, rateJson, type BudgetItemRow } from './budget-data.server';
import {
  MAX_WEIGHT,
  SPLIT_MODES,
  checkCurrency,
  checkDistinct,
  checkPayers,
  formatAmount,
  memberShares,
  parseAmount,
  parseRate,
  splitByWeights,
  splitEqually,
  type SplitMode,
} from './rules';

const CATEGORY_MAX = 100;
const NOTE_MAX = LIMITS.shortText;
const MAX_PEOPLE = 100;

const PAID_MEANING =
  'Payers (payers: [{userId, amount?}]) are who paid the bill; their amounts must add up to totalPrice (leave amounts out to split the bill equally among the payers). A split member’s paid flag means only that this member has repaid their share to the payers.';

/** A decimal amount in the expense's currency: a JSON number (42.1) or a string ("42.10"); checked against the currency. */
const money = z.union([
  z.number({ error: 'must be an amount' }).min(0, 'must be at least 0'),
  z.string({ error: 'must be an amount' }).trim().regex(/^\d+(\.\d+)?$/, 'must be a decimal amount of at least 0 such as 42.10'),
]);

const category = title(CATEGORY_MAX);
const count = z.number({ error: 'must be a whole number' }).int().min(1, 'must be at least 1').max(10_000, 'must be at most 10000');

const splitFields = {
  userIds: idList('user').optional(),
  splitMode: z.enum(SPLIT_MODES, { error: 'must be equal, shares or amounts' }).optional(),
  members: z
    .array(
      z.object({
        userId: id('user'),
        shares: z.number({ error: 'must be a whole number' }).int().min(0, 'must be at least 0').max(MAX_WEIGHT, `must be at most ${MAX_WEIGHT}`).optional(),
        amount: money.optional(),
        paid: z.boolean({ error: 'must be true or false' }).optional(),
      }),
      { error: 'must be a list of {userId, shares?, amount?, paid?}' },
    )
    .max(MAX_PEOPLE, `must list at most ${MAX_PEOPLE} people`)
    .optional(),
};

const payersField = z
  .array(z.object({ userId: id('user'), amount: money.optional() }), { error: 'must be a list of {userId, amount?}' })
  .max(MAX_PEOPLE, `must list at most ${MAX_PEOPLE} people`);

const itemFields = {
  category: category.optional(),
  currency: currencyCode.optional(),
  expenseDate: isoDate.nullish(),
  dayId: id('day').nullish(),
  placeId: id('place').nullish(),
  reservationId: id('reservation').nullish(),
  persons: count.nullish(),
  days: count.nullish(),
  note: text(NOTE_MAX).nullish(),
};

const createInput = z.object({ name: title(), totalPrice: money, ...itemFields, ...splitFields, payers: payersField.optional() });

type SplitInput = { userIds?: number[]; splitMode?: SplitMode; members?: { userId: number; shares?: number; amount?: string | number; paid?: boolean }[] };
type MemberRow = { userId: number; weight: number; fixedAmount: number | null; paid: boolean };
type PayerRow = { userId: number; amount: number };

/** The split rows for `total`, or null when the input does not touch the split. Checks that amounts add up. */
function resolveSplit(input: SplitInput, total: number, currency: string, keptPaid: Map<number, boolean>): { mode: SplitMode; rows: MemberRow[] } | null {
  if (input.userIds && input.members) throw badRequest('errors.budgetSplitConflict', 'userIds, members: send either userIds (an equal split) or members, not both');
  if (input.userIds) {
    checkDistinct(input.userIds, 'userIds');
    const rows = [...input.userIds].sort((a, b) => a - b).map((userId) => ({ userId, weight: 1, fixedAmount: null, paid: keptPaid.get(userId) ?? false }));
    return { mode: 'equal', rows };
  }
  if (!input.members) return null;
  checkDistinct(input.members.map((m) => m.userId), 'members');
  const mode: SplitMode = input.splitMode ?? (input.members.some((m) => m.amount !== undefined) ? 'amounts' : input.members.some((m) => m.shares !== undefined) ? 'shares' : 'equal');
  const rows = input.members
    .map((m, i) => ({
      userId: m.userId,
      weight: mode === 'shares' ? (m.shares ?? 1) : 1,
      fixedAmount: mode === 'amounts' ? parseAmount(m.amount ?? '', currency, `members.${i}.amount`) : null,
      paid: m.paid ?? keptPaid.get(m.userId) ?? false,
    }))
    .sort((a, b) => a.userId - b.userId);
  memberShares(total, mode, rows, currency);
  return { mode, rows };
}

function resolvePayers(payers: { userId: number; amount?: string | number }[], total: number, currency: string): PayerRow[] {
  checkDistinct(payers.map((p) => p.userId), 'payers');
  const sorted = [...payers].sort((a, b) => a.userId - b.userId);
  if (sorted.every((p) => p.amount === undefined)) {
    const parts = splitEqually(total, sorted.length);
    return sorted.map((p, i) => ({ userId: p.userId, amount: parts[i] }));
  }
  const rows = sorted.map((p) => ({ userId: p.userId, amount: parseAmount(p.amount ?? '', currency, `payers.${payers.indexOf(p)}.amount`) }));
  checkPayers(total, rows, currency);
  return rows;
}

/** Day and place links must name rows of this trip. */
async function checkLinks(db: DbLike, tripId: number, input: { dayId?: number | null; placeId?: number | null; reservationId?: number | null }) {
  if (input.dayId) await findDay(db, tripId, input.dayId);
  if (input.placeId) await findPlace(db, tripId, input.placeId);
  if (input.reservationId) await findReservation(db, tripId, input.reservationId);
}

/**
 * New categories go last in the trip's order. Two expenses created at once in a new category both get here: the
 * insert skips a duplicate (ON CONFLICT DO NOTHING) instead of failing the second expense.
 */
async function ensureCategory(db: DbLike, tripId: number, name: string) {
  const existing = await db.budgetCategory.findUnique({ where: { tripId_name: { tripId, name } } });
  if (existing) return;
  const last = await db.budgetCategory.aggregate({ where: { tripId }, _max: { position: true } });
  await db.budgetCategory.createMany({ data: [{ tripId, name, position: (last._max.position ?? -1) + 1 }], skipDuplicates: true });
}

async function writeSplit(db: DbLike, itemId: number, split: { mode: SplitMode; rows: MemberRow[] } | null, payers: PayerRow[] | null) {
  if (split) {
    await db.budgetItemMember.deleteMany({ where: { itemId } });
    await db.budgetItemMember.createMany({
      data: split.rows.map((r) => ({ itemId, userId: r.userId, weight: r.weight, fixedAmount: r.fixedAmount === null ? null : BigInt(r.fixedAmount), paid: r.paid })),
    });
    await db.budgetItem.update({ where: { id: itemId }, data: { splitMode: split.mode } });
  }
  if (payers) {
    await db.budgetItemPayer.deleteMany({ where: { itemId } });
    await db.budgetItemPayer.createMany({ data: payers.map((p) => ({ itemId, userId: p.userId, amount: BigInt(p.amount) })) });
  }
}

/** create_budget_item and create_budget_item_with_members are one operation under the two names agents know. */
async function createAndAnnounce(
  ctx: Parameters<typeof createItem>[0] & { emit: Context['emit'] },
  input: Parameters<typeof createItem>[1],
) {
  const item = await createItem(ctx, input);
  ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.item.created', { item }));
  return { item };
}

const keptPaidOf = (row: BudgetItemRow | null) => new Map((row?.members ?? []).map((m) => [m.userId, m.paid]));

async function createItem(
  ctx: { db: import('~/db/client.server').Db; actor: { user: { id: number } }; trip: { currency: string } },
  input: z.infer<typeof createInput> & { tripId: number },
) {
  const itemCurrency = checkCurrency(input.currency ?? ctx.trip.currency);
  const total = parseAmount(input.totalPrice, itemCurrency, 'totalPrice');
  const split = resolveSplit(input, total, itemCurrency, new Map());
  const payers = input.payers ? resolvePayers(input.payers, total, itemCurrency) : null;
  await checkTripPeople(ctx.db, input.tripId, [...(split?.rows ?? []).map((r) => r.userId), ...(payers ?? []).map((p) => p.userId)]);
  await checkLinks(ctx.db, input.tripId, input);
  const categoryName = input.category ?? 'Other';
  return ctx.db.$transaction(async (tx) => {
    await ensureCategory(tx, input.tripId, categoryName);
    const last = await tx.budgetItem.aggregate({ where: { tripId: input.tripId }, _max: { position: true } });
    const created = await tx.budgetItem.create({
      data: {
        tripId: input.tripId,
        name: input.name,
        category: categoryName,
        amount: BigInt(total),
        currency: itemCurrency,
        expenseDate: input.expenseDate ? fromIsoDate(input.expenseDate) : null,
        dayId: input.dayId ?? null,
        placeId: input.placeId ?? null,
        reservationId: input.reservationId ?? null,
        persons: input.persons ?? (split?.rows.length || null),
        days: input.days ?? null,
        note: input.note ?? '',
        position: (last._max.position ?? -1) + 1,
        createdById: ctx.actor.user.id,
      },
    });
    await writeSplit(tx, created.id, split, payers);
    return budgetItemJson(await tx.budgetItem.findUniqueOrThrow({ where: { id: created.id }, include: budgetItemInclude }));
  });
}

const itemIdInput = { itemId: id('budget item') };

export const budgetRouter = router({
  listBudgetItems: tripMemberProcedure
    .meta({
      scope: 'budget:read',
      addon: 'budget',
      mcp: {
        name: 'list_budget_items',
        kind: 'read',
        description:
          'The trip’s expenses (by category order, then item order) with their currency, amount (totalPrice as a decimal string, amountMinor in minor units), split members with shares and paid flags, and payers; plus the trip currency, the category order and the exchange rates. ' +
          PAID_MEANING,
        resource: { uri: 'waymark://trips/{tripId}/budget', name: 'trip-budget', description: 'Expenses of a trip with their split and payers' },
      },
    })
    .query(async ({ ctx, input }) => {
      const budget = await loadBudget(ctx.db, input.tripId);
      return {
        tripCurrency: budget.tripCurrency,
        items: budget.items.map(budgetItemJson),
        categories: budget.categories,
        rates: budget.rates.map((r) => rateJson(r, budget.tripCurrency)),
      };
    }),

  getBudgetPerPerson: tripMemberProcedure
    .meta({
      scope: 'budget:read',
      addon: 'budget',
      mcp: {
        name: 'get_budget_per_person',
        kind: 'read',
        description: 'Per person, in the trip currency: consumed (sum of their shares), paid (bills they paid), settled (shares they repaid) and balance.',
        resource: { uri: 'waymark://trips/{tripId}/budget/per-person', name: 'trip-budget-per-person', description: 'What each person consumed and paid', onlyResource: true },
      },
    })
    .query(async ({ ctx, input }) => {
      const b = await computeBudget(ctx.db, input.tripId);
      return { currency: b.currency, total: b.total, byCategory: b.byCategory, people: b.people, missingRates: b.missingRates };
    }),

  getBudgetSettlement: tripMemberProcedure
    .meta({
      scope: 'budget:read',
      addon: 'budget',
      mcp: {
        name: 'get_budget_settlement',
        kind: 'read',
        description:
          'Who pays whom to be square, in the trip currency: balances per person (+ is owed money) and flows {from, to, amount} — at most one fewer transfer than people with a balance, matched greedily, largest first. Expenses without payers and in currencies without a rate are left out (listed in unpaidItemIds and missingRates). ' +
          PAID_MEANING,
        resource: { uri: 'waymark://trips/{tripId}/budget/settlement', name: 'trip-budget-settlement', description: 'Balances and the transfers that settle them' },
      },
    })
    .query(async ({ ctx, input }) => {
      const b = await computeBudget(ctx.db, input.tripId);
      return {
        currency: b.currency,
        balances: b.people.map((p) => ({ userId: p.userId, username: p.username, displayName: p.displayName, balance: p.balance, balanceMinor: p.balanceMinor })),
        flows: b.flows,
        payments: b.payments,
        missingRates: b.missingRates,
        unpaidItemIds: b.unpaidItemIds,
      };
    }),

  createBudgetItem: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'create_budget_item',
        kind: 'write',
        description:
          'Add an expense. totalPrice is a decimal amount (42.10 or "42.10") in currency (ISO 4217, default the trip currency; no more decimals than the currency has). category defaults to "Other"; optional expenseDate, dayId, placeId, note, and the split as in create_budget_item_with_members. ' +
          PAID_MEANING,
      },
    })
    .input(createInput)
    .mutation(({ ctx, input }) => createAndAnnounce(ctx, input)),

  createBudgetItemWithMembers: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'create_budget_item_with_members',
        kind: 'write',
        description:
          'Add an expense and its split in one step (nothing is written if any part is wrong). Split: userIds (equal split) or members [{userId, shares?, amount?, paid?}] with splitMode equal | shares (by whole-number weights) | amounts (fixed amounts that must add up to totalPrice). Shares are rounded to the currency’s minor unit and always add up to the total (leftover cents go to the members with the lowest user ids). Members and payers must be on the trip. ' +
          PAID_MEANING,
      },
    })
    .input(createInput)
    .mutation(({ ctx, input }) => createAndAnnounce(ctx, input)),

  updateBudgetItem: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'update_budget_item',
        kind: 'idempotent',
        description:
          'Change an expense; only the fields you send change (null clears expenseDate, dayId, placeId, reservationId, persons, days, note). When totalPrice or currency changes, an equal or by-shares split follows and payers are scaled in proportion; a split by fixed amounts must be sent again (members) so it adds up. ' +
          PAID_MEANING,
      },
    })
    .input(z.object({ ...itemIdInput, name: title().optional(), totalPrice: money.optional(), ...itemFields, ...splitFields, payers: payersField.optional() }))
    .mutation(async ({ ctx, input }) => {
      const current = await findBudgetItem(ctx.db, input.tripId, input.itemId);
      const itemCurrency = input.currency ? checkCurrency(input.currency) : current.currency;
      const currentAmount = Number(current.amount);
      const total =
        input.totalPrice !== undefined
          ? parseAmount(input.totalPrice, itemCurrency, 'totalPrice')
          : itemCurrency === current.currency
            ? currentAmount
            : parseAmount(formatAmount(currentAmount, current.currency), itemCurrency, 'totalPrice');
      const split =
        resolveSplit(input, total, itemCurrency, keptPaidOf(current)) ??
        (total !== currentAmount || itemCurrency !== current.currency
          ? resolveSplit({ members: current.members.map(keptMember(current)), splitMode: current.splitMode as SplitMode }, total, itemCurrency, keptPaidOf(current))
          : null);
      let payers = input.payers ? resolvePayers(input.payers, total, itemCurrency) : null;
      if (!payers && total !== currentAmount && current.payers.length > 0) {
        const scaled = splitByWeights(total, current.payers.map((p) => Number(p.amount) || 1));
        payers = current.payers.map((p, i) => ({ userId: p.userId, amount: scaled[i] }));
      }
      await checkTripPeople(ctx.db, input.tripId, [...(split?.rows ?? []).map((r) => r.userId), ...(payers ?? []).map((p) => p.userId)]);
      await checkLinks(ctx.db, input.tripId, input);
      const item = await ctx.db.$transaction(async (tx) => {
        if (input.category) await ensureCategory(tx, input.tripId, input.category);
        await tx.budgetItem.update({
          where: { id: input.itemId },
          data: {
            name: input.name,
            category: input.category,
            amount: BigInt(total),
            currency: itemCurrency,
            expenseDate: input.expenseDate === undefined ? undefined : input.expenseDate ? fromIsoDate(input.expenseDate) : null,
            dayId: input.dayId,
            placeId: input.placeId,
            reservationId: input.reservationId,
            persons: input.persons,
            days: input.days,
            note: input.note === undefined ? undefined : (input.note ?? ''),
          },
        });
        await writeSplit(tx, input.itemId, split, payers);
        return budgetItemJson(await tx.budgetItem.findUniqueOrThrow({ where: { id: input.itemId }, include: budgetItemInclude }));
      });
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.item.updated', { item }));
      return { item };
    }),

  deleteBudgetItem: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: { name: 'delete_budget_item', kind: 'destructive', description: 'Delete an expense with its split and payers.' },
    })
    .input(z.object(itemIdInput))
    .mutation(async ({ ctx, input }) => {
      const current = await findBudgetItem(ctx.db, input.tripId, input.itemId);
      await ctx.db.budgetItem.delete({ where: { id: input.itemId } });
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.item.deleted', { itemId: input.itemId, name: current.name }));
      return { deleted: true as const, itemId: input.itemId };
    }),

  setBudgetItemMembers: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'set_budget_item_members',
        kind: 'idempotent',
        description:
          'Replace an expense’s split: userIds (equal split; [] clears it) or members [{userId, shares?, amount?, paid?}] with splitMode as in create_budget_item_with_members. People kept in the split keep their paid flag unless you send one. persons becomes the member count. ' +
          PAID_MEANING,
      },
    })
    .input(z.object({ ...itemIdInput, ...splitFields }))
    .mutation(async ({ ctx, input }) => {
      const current = await findBudgetItem(ctx.db, input.tripId, input.itemId);
      const split = resolveSplit(input, Number(current.amount), current.currency, keptPaidOf(current));
      if (!split) throw badRequest('errors.budgetSplitConflict', 'userIds, members: send userIds (an equal split) or members');
      await checkTripPeople(ctx.db, input.tripId, split.rows.map((r) => r.userId));
      const item = await ctx.db.$transaction(async (tx) => {
        await writeSplit(tx, input.itemId, split, null);
        await tx.budgetItem.update({ where: { id: input.itemId }, data: { persons: split.rows.length || null } });
        return budgetItemJson(await tx.budgetItem.findUniqueOrThrow({ where: { id: input.itemId }, include: budgetItemInclude }));
      });
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.item.updated', { item }));
      return { item };
    }),

  setBudgetItemPayers: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'set_budget_item_payers',
        kind: 'idempotent',
        description: 'Replace who paid an expense’s bill ([] = nobody yet). ' + PAID_MEANING,
      },
    })
    .input(z.object({ ...itemIdInput, payers: payersField }))
    .mutation(async ({ ctx, input }) => {
      const current = await findBudgetItem(ctx.db, input.tripId, input.itemId);
      const payers = resolvePayers(input.payers, Number(current.amount), current.currency);
      await checkTripPeople(ctx.db, input.tripId, payers.map((p) => p.userId));
      const item = await ctx.db.$transaction(async (tx) => {
        await writeSplit(tx, input.itemId, null, payers);
        return budgetItemJson(await tx.budgetItem.findUniqueOrThrow({ where: { id: input.itemId }, include: budgetItemInclude }));
      });
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.item.updated', { item }));
      return { item };
    }),

  toggleBudgetMemberPaid: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'toggle_budget_member_paid',
        kind: 'idempotent',
        description:
          'Mark whether a split member (memberId = their user id) has repaid their share of this trip’s expense to the payers. It does not make them a payer. A user who is not in the split is a NOT_FOUND error (the item must belong to the trip).',
      },
    })
    .input(z.object({ ...itemIdInput, memberId: id('user'), paid: z.boolean({ error: 'must be true or false' }) }))
    .mutation(async ({ ctx, input }) => {
      // The item must be in this trip (the original does not check).
      const current = await findBudgetItem(ctx.db, input.tripId, input.itemId);
      const member = current.members.find((m) => m.userId === input.memberId);
      if (!member) {
        throw new DomainError('NOT_FOUND', 'errors.budgetNotInSplit', `memberId: user ${input.memberId} is not in the split of expense ${input.itemId}`, {
          userId: input.memberId,
          itemId: input.itemId,
        });
      }
      await ctx.db.budgetItemMember.update({ where: { itemId_userId: { itemId: input.itemId, userId: input.memberId } }, data: { paid: input.paid } });
      const item = budgetItemJson(await findBudgetItem(ctx.db, input.tripId, input.itemId));
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.item.updated', { item }));
      return { member: item.members.find((m) => m.userId === input.memberId)!, item };
    }),

  setBudgetRate: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'set_budget_rate',
        kind: 'idempotent',
        description:
          'Set the exchange rate the trip uses for a currency: 1 unit of currency = rate units of the trip currency, as a decimal string ("0.92"). Totals and the settlement convert with it; expenses in a currency without a rate are left out of them.',
      },
    })
    .input(z.object({ currency: currencyCode, rate: z.string({ error: 'must be a decimal number as text, such as "0.92"' }).max(30, 'must be at most 30 characters') }))
    .mutation(async ({ ctx, input }) => {
      checkCurrency(input.currency);
      parseRate(input.rate);
      if (input.currency === ctx.trip.currency) {
        throw badRequest('errors.budgetRateInvalid', `currency: ${input.currency} is the trip currency; it needs no rate`, { rate: input.rate });
      }
      await rateUpsert(ctx.db, { tripId: input.tripId, currency: input.currency, tripCurrency: ctx.trip.currency, rate: input.rate, userId: ctx.actor.user.id });
      const rates = await tripRates(ctx.db, input.tripId, ctx.trip.currency);
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.rates.changed', { rates }));
      return { rates };
    }),

  fetchBudgetRates: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'fetch_budget_rates',
        kind: 'idempotent',
        description:
          'Set the trip’s exchange rates from the current reference rates (when the server is online and an administrator has not turned it off): for the given currencies, or every currency the expenses use besides the trip currency. Answers the rates and which currencies the source does not know (those keep their rate). Example: {"tripId": 1, "currencies": ["USD", "GBP"]}.',
      },
    })
    .input(z.object({ currencies: z.array(currencyCode, { error: 'must be a list of currency codes' }).max(50, 'must list at most 50 currencies').optional() }))
    .mutation(async ({ ctx, input }) => {
      const tripCurrency = ctx.trip.currency;
      for (const c of input.currencies ?? []) checkCurrency(c);
      const wanted =
        input.currencies ??
        (await ctx.db.budgetItem.findMany({ where: { tripId: input.tripId }, distinct: ['currency'], select: { currency: true } })).map((i) => i.currency);
      const currencies = [...new Set(wanted)].filter((c) => c !== tripCurrency).sort();
      // Every rate is asked first; nothing is written when the service cannot be reached.
      const found: { currency: string; rate: string }[] = [];
      const unknown: string[] = [];
      for (const currency of currencies) {
        const rate = await currentRate(ctx.services.config, currency, tripCurrency);
        if (rate === null) unknown.push(currency);
        else found.push({ currency, rate });
      }
      await ctx.db.$transaction(
        found.map(({ currency, rate }) => rateUpsert(ctx.db, { tripId: input.tripId, currency, tripCurrency, rate, userId: ctx.actor.user.id })),
      );
      const rates = await tripRates(ctx.db, input.tripId, tripCurrency);
      if (found.length > 0) ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.rates.changed', { rates }));
      return { rates, updated: found.map((f) => f.currency), unknown };
    }),

  deleteBudgetRate: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: { name: 'delete_budget_rate', kind: 'destructive', description: 'Remove the trip’s exchange rate for a currency (its expenses then drop out of totals until a rate is set).' },
    })
    .input(z.object({ currency: currencyCode }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.budgetRate.deleteMany({ where: { tripId: input.tripId, currency: input.currency } });
      const rates = await tripRates(ctx.db, input.tripId, ctx.trip.currency);
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.rates.changed', { rates }));
      return { rates };
    }),

  recordBudgetSettlement: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: {
        name: 'record_budget_settlement',
        kind: 'write',
        description:
          'Record that one member paid another to settle up ("mark settled" on a transfer of get_budget_settlement): fromUserId paid toUserId the amount (decimal, in currency, default the trip currency). It counts in the balances like a repaid share, so the settlement shrinks by it. Both must be on the trip. Example: {"tripId": 1, "fromUserId": 2, "toUserId": 3, "amount": "42.10"}.',
      },
    })
    .input(z.object({ fromUserId: id('user'), toUserId: id('user'), amount: money, currency: currencyCode.optional() }))
    .mutation(async ({ ctx, input }) => {
      const currency = input.currency ?? ctx.trip.currency;
      checkCurrency(currency);
      const amount = parseAmount(input.amount, currency, 'amount');
      if (amount <= 0) throw badRequest('errors.budgetZeroPayment', 'amount: must be greater than 0');
      if (input.fromUserId === input.toUserId) throw badRequest('errors.budgetSelfPayment', 'toUserId: the payer and the receiver must be two different people');
      await checkTripPeople(ctx.db, input.tripId, [input.fromUserId, input.toUserId]);
      const row = await ctx.db.budgetSettlement.create({
        data: { tripId: input.tripId, fromUserId: input.fromUserId, toUserId: input.toUserId, amount: BigInt(amount), currency, createdById: ctx.actor.user.id },
      });
      const payment = paymentJson(row, await peopleNamer(ctx.db, [row.fromUserId, row.toUserId]));
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.settlement.recorded', { payment }));
      return { payment };
    }),

  deleteBudgetSettlement: tripMemberProcedure
    .meta({
      scope: 'budget:write',
      addon: 'budget',
      mcp: { name: 'delete_budget_settlement', kind: 'destructive', description: 'Undo a recorded settlement payment (its id from get_budget_settlement payments): the balances go back to owing it.' },
    })
    .input(z.object({ settlementId: id('budget settlement') }))
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.budgetSettlement.deleteMany({ where: { id: input.settlementId, tripId: input.tripId } });
      if (count === 0) throw notInTrip('Budget settlement', input.settlementId, input.tripId);
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.settlement.deleted', { settlementId: input.settlementId }));
      return { deleted: true };
    }),

  reorderBudgetCategories: tripMemberProcedure
    .meta({ scope: 'budget:write', addon: 'budget' })
    .input(z.object({ categories: z.array(category, { error: 'must be a list of category names' }).max(LIMITS.listItems, `must list at most ${LIMITS.listItems} items per call`) }))
    .mutation(async ({ ctx, input }) => {
      // Listed names first in the given order, then the others as they were; names not yet used are added.
      const existing = (await ctx.db.budgetCategory.findMany({ where: { tripId: input.tripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })).map((c) => c.name);
      const order = [...new Set([...input.categories, ...existing])];
      await ctx.db.$transaction(async (tx) => {
        for (const [position, name] of order.entries()) {
          await tx.budgetCategory.upsert({
            where: { tripId_name: { tripId: input.tripId, name } },
            create: { tripId: input.tripId, name, position },
            update: { position },
          });
        }
      });
      ctx.emit(tripChannel(input.tripId), budgetEvents.make('budget.categories.reordered', { categories: order }));
      return { categories: order };
    }),
});

/** An existing split member as input again, to re-split a changed total in the same way. */
function keptMember(current: BudgetItemRow) {
  return (m: BudgetItemRow['members'][number]) => ({
    userId: m.userId,
    shares: m.weight,
    // as a decimal, so a changed currency reads it again with its own minor unit
    amount: m.fixedAmount === null ? undefined : formatAmount(Number(m.fixedAmount), current.currency),
    paid: m.paid,
  });
}

/** Stores a trip's rate for a currency, as entered or fetched; callers have checked it with parseRate. */
function rateUpsert(db: DbLike, r: { tripId: number; currency: string; tripCurrency: string; rate: string; userId: number }) {
  const rate = r.rate.trim();
  return db.budgetRate.upsert({
    where: { tripId_currency: { tripId: r.tripId, currency: r.currency } },
    create: { tripId: r.tripId, currency: r.currency, tripCurrency: r.tripCurrency, rate, updatedById: r.userId },
    update: { tripCurrency: r.tripCurrency, rate, updatedById: r.userId },
  });
}
