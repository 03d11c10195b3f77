// The budget's database reads and row → JSON shapes, shared by the budget procedures and the trip summary's budget
// totals (which must not import the procedures). All money leaves here twice: as an exact decimal string in the
// currency ("42.10", what agents read) and as integer minor units (what the UI computes with).
import type { Prisma } from '~/generated/prisma/client';
import type { DbLike } from '../trip-data.server';
import { notInTrip } from '../trip-data.server';
import { publicUserSelect, userJson } from '~/trpc/shape';
import { toIsoDate } from '~/domain/dates';
import { budgetFigures, formatAmount, memberShares, parseRate, settle, withPayments, type ExpenseFacts, type Rate, type SplitMode } from './rules';

export const budgetItemInclude = {
  members: { include: { user: { select: publicUserSelect } }, orderBy: { userId: 'asc' } },
  payers: { include: { user: { select: publicUserSelect } }, orderBy: { userId: 'asc' } },
} as const satisfies Prisma.BudgetItemInclude;

export type BudgetItemRow = Prisma.BudgetItemGetPayload<{ include: typeof budgetItemInclude }>;

const money = (minor: number, currency: string) => ({ amount: formatAmount(minor, currency), amountMinor: minor });

/** Whether the stored split still adds up (it always does unless "amounts" no longer match a changed total). */
function sharesOf(row: BudgetItemRow): number[] {
  try {
    return memberShares(Number(row.amount), row.splitMode as SplitMode, row.members.map(memberFacts), row.currency);
  } catch {
    return row.members.map(() => 0);
  }
}

const memberFacts = (m: BudgetItemRow['members'][number]) => ({ userId: m.userId, weight: m.weight, fixedAmount: m.fixedAmount === null ? null : Number(m.fixedAmount) });

export function budgetItemJson(row: BudgetItemRow) {
  const amount = Number(row.amount);
  const shares = sharesOf(row);
  return {
    id: row.id,
    tripId: row.tripId,
    name: row.name,
    category: row.category,
    currency: row.currency,
    /** the bill as a decimal string in its currency */
    totalPrice: formatAmount(amount, row.currency),
    amountMinor: amount,
    splitMode: row.splitMode as SplitMode,
    expenseDate: row.expenseDate ? toIsoDate(row.expenseDate) : null,
    dayId: row.dayId,
    placeId: row.placeId,
    reservationId: row.reservationId,
    persons: row.persons,
    days: row.days,
    note: row.note,
    position: row.position,
    members: row.members.map((m, i) => ({
      ...userJson(m.user),
      userId: m.userId,
      weight: m.weight,
      fixedAmount: m.fixedAmount === null ? null : formatAmount(Number(m.fixedAmount), row.currency),
      share: formatAmount(shares[i], row.currency),
      shareMinor: shares[i],
      paid: m.paid,
    })),
    payers: row.payers.map((p) => ({ ...userJson(p.user), userId: p.userId, ...money(Number(p.amount), row.currency) })),
  };
}

export type BudgetItemJson = ReturnType<typeof budgetItemJson>;

export async function findBudgetItem(db: DbLike, tripId: number, itemId: number) {
  const item = await db.budgetItem.findFirst({ where: { id: itemId, tripId }, include: budgetItemInclude });
  if (!item) throw notInTrip('Budget item', itemId, tripId);
  return item;
}

export function rateJson(r: { currency: string; tripCurrency: string; rate: string; updatedAt: Date }, tripCurrency: string) {
  // A rate entered against an earlier trip currency no longer converts: shown, but not used.
  return { currency: r.currency, rate: r.rate, tripCurrency: r.tripCurrency, stale: r.tripCurrency !== tripCurrency, updatedAt: r.updatedAt.toISOString() };
}

/** The trip's rates as both doors answer them, by currency. */
export async function tripRates(db: DbLike, tripId: number, tripCurrency: string) {
  return (await db.budgetRate.findMany({ where: { tripId }, orderBy: { currency: 'asc' } })).map((r) => rateJson(r, tripCurrency));
}

export async function loadBudget(db: DbLike, tripId: number) {
  const [trip, items, rates, categories, payments] = await Promise.all([
    db.trip.findUniqueOrThrow({ where: { id: tripId }, select: { currency: true } }),
    db.budgetItem.findMany({ where: { tripId }, include: budgetItemInclude, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    db.budgetRate.findMany({ where: { tripId }, orderBy: { currency: 'asc' } }),
    db.budgetCategory.findMany({ where: { tripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    db.budgetSettlement.findMany({ where: { tripId }, orderBy: { id: 'asc' } }),
  ]);
  const categoryNames = categories.map((c) => c.name);
  const order = new Map(categoryNames.map((name, i) => [name, i]));
  // Items list by the trip's category order, then their own order (as the original's UI shows them).
  items.sort((a, b) => (order.get(a.category) ?? Infinity) - (order.get(b.category) ?? Infinity) || a.position - b.position || a.id - b.id);
  return { tripCurrency: trip.currency, items, rates, categories: categoryNames, payments };
}

export function expenseFacts(row: BudgetItemRow): ExpenseFacts {
  return {
    id: row.id,
    category: row.category,
    amount: Number(row.amount),
    currency: row.currency,
    splitMode: row.splitMode as SplitMode,
    members: row.members.map((m) => ({ ...memberFacts(m), paid: m.paid })),
    payers: row.payers.map((p) => ({ userId: p.userId, amount: Number(p.amount) })),
  };
}

/** The figures in the trip currency (recorded payments included), without names: what the totals need. */
async function budgetFiguresOf(db: DbLike, tripId: number) {
  const budget = await loadBudget(db, tripId);
  const usable = new Map<string, Rate>();
  for (const r of budget.rates) if (r.tripCurrency === budget.tripCurrency) usable.set(r.currency, parseRate(r.rate));
  const payments = budget.payments.map((p) => ({ from: p.fromUserId, to: p.toUserId, amount: Number(p.amount), currency: p.currency }));
  const figures = withPayments(budgetFigures(budget.items.map(expenseFacts), budget.tripCurrency, usable, budget.categories), payments, usable);
  return { budget, figures, payments };
}

type Who = (userId: number) => { userId: number; id: number; username: string; displayName: string };

/** A recorded payment as both doors answer it. */
export function paymentJson(p: { id: number; fromUserId: number; toUserId: number; amount: bigint; currency: string; createdAt: Date }, who: Who) {
  return { id: p.id, from: who(p.fromUserId), to: who(p.toUserId), ...money(Number(p.amount), p.currency), currency: p.currency, createdAt: p.createdAt.toISOString() };
}

/** Looks the named people up once; someone deleted meanwhile is answered with empty names. */
export async function peopleNamer(db: DbLike, ids: readonly number[]): Promise<Who> {
  const users = new Map((await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: publicUserSelect })).map((u) => [u.id, userJson(u)]));
  return (userId) => ({ userId, ...(users.get(userId) ?? { id: userId, username: '', displayName: '' }) });
}

/** Figures (total, per category, per person) and settlement in the trip currency, with people named. */
export async function computeBudget(db: DbLike, tripId: number) {
  const { budget, figures, payments } = await budgetFiguresOf(db, tripId);
  const who = await peopleNamer(db, [...figures.people.map((p) => p.userId), ...payments.flatMap((p) => [p.from, p.to])]);
  const c = budget.tripCurrency;
  return {
    budget,
    figures,
    currency: c,
    total: money(figures.total, c),
    byCategory: byCategoryJson(figures.byCategory, c),
    people: figures.people.map((p) => ({
      ...who(p.userId),
      consumed: formatAmount(p.consumed, c),
      consumedMinor: p.consumed,
      paid: formatAmount(p.paid, c),
      paidMinor: p.paid,
      settled: formatAmount(p.settled, c),
      settledMinor: p.settled,
      balance: formatAmount(p.balance, c),
      balanceMinor: p.balance,
      itemsCount: p.itemsCount,
    })),
    flows: settle(figures.people).map((t) => ({ from: who(t.from), to: who(t.to), ...money(t.amount, c) })),
    payments: budget.payments.map((p) => paymentJson(p, who)),
    missingRates: figures.missingRates,
    unpaidItemIds: figures.unpaidItemIds,
  };
}

const byCategoryJson = (byCategory: { category: string; total: number }[], currency: string) =>
  byCategory.map((x) => ({ category: x.category, ...money(x.total, currency) }));

/** The budget part of the trip summary: totals only. */
export async function budgetTotals(db: DbLike, tripId: number) {
  const { budget, figures } = await budgetFiguresOf(db, tripId);
  const c = budget.tripCurrency;
  return { currency: c, total: formatAmount(figures.total, c), totalMinor: figures.total, itemCount: budget.items.length, byCategory: byCategoryJson(figures.byCategory, c), missingRates: figures.missingRates };
}
