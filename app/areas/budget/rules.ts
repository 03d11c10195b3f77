// The budget's pure rules (no I/O): money as integers in a currency's minor unit, splitting an amount into shares
// that always sum to it, exact conversion with a stored rate, per-person figures and the settlement.
//
// Two separate facts per expense: who PAID the bill (payers, with amounts that sum to the total) and how it is SPLIT
// (members, each with a share). A member's `paid` flag means one thing only: "this member has repaid their share to
// the payers" — it moves that share from "owed" to "settled", it never makes anyone a payer.
import { badRequest } from '~/domain/errors';

/** The largest amount we accept, in minor units: stays a safe integer through every sum a trip can make. */
export const MAX_MINOR = 1_000_000_000_000; // 10¹² minor units (ten billion euros)
/** The largest weight in "shares" mode. */
export const MAX_WEIGHT = 1_000_000;

export type SplitMode = 'equal' | 'shares' | 'amounts';
export const SPLIT_MODES = ['equal', 'shares', 'amounts'] as const;

let knownCurrencies: Set<string> | null = null;

/** Whether the runtime knows this ISO 4217 code (Intl's list; a well-formed but invented code like XYZ is refused). */
export function isKnownCurrency(code: string) {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** Minor-unit digits of a currency (EUR 2, JPY 0, BHD 3), from the same CLDR data that formats amounts. */
export function minorDigits(currency: string) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function checkCurrency(currency: string) {
  if (!isKnownCurrency(currency)) {
    throw badRequest('errors.budgetUnknownCurrency', `currency: ${currency} is not a known ISO 4217 currency code`, { currency });
  }
  return currency;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * "42.10" or 42.1 (a JSON number: its shortest decimal form is what the caller wrote) → 4210 minor units.
 * Refuses negatives, exponents, more decimals than the currency has (other than trailing zeros) and huge amounts.
 */
export function parseAmount(value: string | number, currency: string, field = 'amount'): number {
  const digits = minorDigits(currency);
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'x') : value.trim();
  const match = DECIMAL.exec(text);
  const invalid = () =>
    badRequest(
      'errors.budgetAmountInvalid',
      `${field}: must be an amount of at least 0 with at most ${digits} decimal places for ${currency} (got ${String(value)})`,
      { field, digits, currency },
    );
  if (!match) throw invalid();
  const whole = match[1];
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) throw invalid();
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(MAX_MINOR)) throw invalid();
  return Number(minor);
}

/** 4210 minor units of EUR → "42.10" (exact decimal string, for JSON and agents). */
export function formatAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const unit = 10n ** BigInt(digits);
  const whole = (abs / unit).toString();
  const fraction = digits > 0 ? '.' + (abs % unit).toString().padStart(digits, '0') : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Minor units as a number for Intl.NumberFormat (display only; the figure itself stays an integer). */
export const toMajor = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);

/**
 * Splits `total` by non-negative integer weights so the parts sum to exactly `total`: each part gets the floor of its
 * proportional share, and the leftover minor units go one each to the largest fractional remainders, ties to the
 * earlier position (so the same input always gives the same split).
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw badRequest('errors.budgetNoWeights', 'shares: at least one share must be greater than 0');
  }
  const big = BigInt(total);
  const floors = weights.map((w) => (big * BigInt(w)) / sum);
  const remainders = weights.map((w, index) => ({ index, rest: (big * BigInt(w)) % sum }));
  let left = big - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    floors[index] += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

export const splitEqually = (total: number, count: number) => splitByWeights(total, Array.from({ length: count }, () => 1));

export interface SplitMember {
  userId: number;
  /** weight in "shares" mode */
  weight: number;
  /** fixed share in minor units in "amounts" mode */
  fixedAmount: number | null;
}

/** Each member's share of `total` in minor units, in the members' order; always sums to `total` (or throws). */
export function memberShares(total: number, mode: SplitMode, members: readonly SplitMember[], currency: string): number[] {
  if (members.length === 0) return [];
  if (mode === 'equal') return splitEqually(total, members.length);
  if (mode === 'shares') return splitByWeights(total, members.map((m) => m.weight));
  const amounts = members.map((m) => m.fixedAmount ?? 0);
  const sum = amounts.reduce((a, b) => a + b, 0);
  if (sum !== total) {
    const params = { sum: formatAmount(sum, currency), total: formatAmount(total, currency), currency };
    throw badRequest('errors.budgetSharesMismatch', `members: the custom amounts add up to ${params.sum} ${currency}, the expense is ${params.total} ${currency}`, params);
  }
  return amounts;
}

/** Checks that payers' amounts cover exactly the bill (no payers at all is allowed: nobody has paid yet). */
export function checkPayers(total: number, payers: readonly { amount: number }[], currency: string) {
  if (payers.length === 0) return;
  const sum = payers.reduce((a, p) => a + p.amount, 0);
  if (sum !== total) {
    const params = { sum: formatAmount(sum, currency), total: formatAmount(total, currency), currency };
    throw badRequest('errors.budgetPayersMismatch', `payers: the payers' amounts add up to ${params.sum} ${currency}, the expense is ${params.total} ${currency}`, params);
  }
}

/** Refuses a user listed twice (as member, or as payer). */
export function checkDistinct(userIds: readonly number[], field: string) {
  const seen = new Set<number>();
  for (const userId of userIds) {
    if (seen.has(userId)) throw badRequest('errors.budgetDuplicateUser', `${field}: user ${userId} is listed twice`, { field, userId });
    seen.add(userId);
  }
}

// ─── rates ───

const RATE = /^(\d{1,9})(?:\.(\d{1,12}))?$/;

export interface Rate {
  numerator: bigint;
  denominator: bigint;
}

/** "0.9231" → 9231/10000, exact. A rate must be a positive decimal (at most 12 decimals). */
export function parseRate(text: string): Rate {
  const match = RATE.exec(text.trim());
  const rate = match ? { numerator: BigInt(match[1] + (match[2] ?? '')), denominator: 10n ** BigInt((match[2] ?? '').length) } : null;
  if (!rate || rate.numerator === 0n) {
    throw badRequest('errors.budgetRateInvalid', `rate: must be a positive decimal number such as 0.92 (got ${text})`, { rate: text });
  }
  return rate;
}

/**
 * minor units of `from` → minor units of `to` at `rate` (1 from = rate to), rounded half up to `to`'s minor unit.
 * Integer arithmetic only, so the same inputs give the same cents on every machine.
 */
export function convert(minor: number, from: string, to: string, rate: Rate | null): number | null {
  if (from === to) return minor;
  if (!rate) return null;
  const scaleFrom = 10n ** BigInt(minorDigits(from));
  const scaleTo = 10n ** BigInt(minorDigits(to));
  const numerator = BigInt(minor) * rate.numerator * scaleTo;
  const denominator = rate.denominator * scaleFrom;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

// ─── figures ───

export interface ExpenseFacts {
  id: number;
  category: string;
  amount: number;
  currency: string;
  splitMode: SplitMode;
  members: (SplitMember & { paid: boolean })[];
  payers: { userId: number; amount: number }[];
}

export interface PersonFigures {
  userId: number;
  /** the sum of this person's shares (what they consumed) */
  consumed: number;
  /** what this person paid of bills (fronted) */
  paid: number;
  /** shares this person has repaid to the payers (members marked paid) */
  settled: number;
  /** what the others owe this person (+) or this person owes (−) */
  balance: number;
  itemsCount: number;
}

export interface BudgetFigures {
  currency: string;
  /** all expenses that could be converted, in trip currency minor units */
  total: number;
  byCategory: { category: string; total: number }[];
  people: PersonFigures[];
  /** currencies of expenses without a rate to the trip currency: left out of the figures */
  missingRates: string[];
  /** expenses with members but nobody who paid: in totals and consumption, not in balances */
  unpaidItemIds: number[];
}

/**
 * Total, per category (largest first, then by the trip's category order) and per person, in the trip currency.
 * Each expense is converted once; its shares and payer amounts are then split from the converted total in proportion
 * to their original amounts, so every expense's balances sum to zero to the minor unit.
 */
export function budgetFigures(
  expenses: readonly ExpenseFacts[],
  tripCurrency: string,
  rates: ReadonlyMap<string, Rate>,
  categoryOrder: readonly string[] = [],
): BudgetFigures {
  const people = new Map<number, PersonFigures>();
  const person = (userId: number) => {
    let p = people.get(userId);
    if (!p) people.set(userId, (p = { userId, consumed: 0, paid: 0, settled: 0, balance: 0, itemsCount: 0 }));
    return p;
  };
  const categories = new Map<string, number>();
  const missing = new Set<string>();
  const unpaid: number[] = [];
  let total = 0;
  for (const expense of expenses) {
    const converted = convert(expense.amount, expense.currency, tripCurrency, rates.get(expense.currency) ?? null);
    if (converted === null) {
      missing.add(expense.currency);
      continue;
    }
    total += converted;
    categories.set(expense.category, (categories.get(expense.category) ?? 0) + converted);
    const originalShares = memberShares(expense.amount, expense.splitMode, expense.members, expense.currency);
    const shares = splitByWeights(converted, originalShares);
    const paidParts = splitByWeights(converted, expense.payers.map((p) => p.amount));
    const hasPayers = expense.payers.length > 0;
    if (!hasPayers && expense.members.length > 0) unpaid.push(expense.id);
    let settledSum = 0;
    expense.members.forEach((member, i) => {
      const p = person(member.userId);
      p.consumed += shares[i];
      p.itemsCount += 1;
      if (!hasPayers) return;
      p.balance -= shares[i];
      if (member.paid) {
        p.settled += shares[i];
        p.balance += shares[i];
        settledSum += shares[i];
      }
    });
    if (!hasPayers) continue;
    // Without members nobody consumed the bill: the payer just spent it, and nobody owes anything.
    const owedTotal = expense.members.length > 0 ? converted : 0;
    const owedParts = splitByWeights(owedTotal, expense.payers.map((p) => p.amount));
    const repaid = splitByWeights(settledSum, expense.payers.map((p) => p.amount));
    expense.payers.forEach((payer, i) => {
      const p = person(payer.userId);
      p.paid += paidParts[i];
      p.balance += owedParts[i] - repaid[i];
      if (!expense.members.some((m) => m.userId === payer.userId)) p.itemsCount += 1;
    });
  }
  const order = new Map(categoryOrder.map((name, i) => [name, i]));
  const byCategory = [...categories]
    .map(([category, sum]) => ({ category, total: sum }))
    .sort((a, b) => b.total - a.total || (order.get(a.category) ?? Infinity) - (order.get(b.category) ?? Infinity) || a.category.localeCompare(b.category));
  return {
    currency: tripCurrency,
    total,
    byCategory,
    people: [...people.values()].sort((a, b) => a.userId - b.userId),
    missingRates: [...missing].sort(),
    unpaidItemIds: unpaid,
  };
}

/** A recorded payment between two members ("mark settled"), in its own currency's minor units. */
export interface SettlementPayment {
  from: number;
  to: number;
  amount: number;
  currency: string;
}

/**
 * Recorded payments count like repaid shares: the payer's balance rises, the receiver's falls, by the converted
 * amount (both sides use the same figure, so balances still sum to zero). A payment in a currency without a rate is
 * left out and its currency reported, as for expenses.
 */
export function withPayments(
  figures: BudgetFigures,
  payments: readonly SettlementPayment[],
  rates: ReadonlyMap<string, Rate>,
): BudgetFigures {
  const people = new Map(figures.people.map((p) => [p.userId, { ...p }]));
  const person = (userId: number) => {
    let p = people.get(userId);
    if (!p) people.set(userId, (p = { userId, consumed: 0, paid: 0, settled: 0, balance: 0, itemsCount: 0 }));
    return p;
  };
  const missing = new Set(figures.missingRates);
  for (const payment of payments) {
    const amount = convert(payment.amount, payment.currency, figures.currency, rates.get(payment.currency) ?? null);
    if (amount === null) {
      missing.add(payment.currency);
      continue;
    }
    const from = person(payment.from);
    from.balance += amount;
    from.settled += amount;
    person(payment.to).balance -= amount;
  }
  return { ...figures, people: [...people.values()].sort((a, b) => a.userId - b.userId), missingRates: [...missing].sort() };
}

export interface Transfer {
  from: number;
  to: number;
  amount: number;
}

/**
 * Who pays whom to be square: debtors and creditors, each largest first (ties by user id), matched greedily. Each
 * transfer clears at least one side and the last clears both, so n people with non-zero balances need at most n−1.
 * Balances must sum to zero (budgetFigures guarantees it).
 */
export function settle(balances: readonly { userId: number; balance: number }[]): Transfer[] {
  const byAmount = (a: { userId: number; left: number }, b: { userId: number; left: number }) => b.left - a.left || a.userId - b.userId;
  const debtors = balances.filter((b) => b.balance < 0).map((b) => ({ userId: b.userId, left: -b.balance })).sort(byAmount);
  const creditors = balances.filter((b) => b.balance > 0).map((b) => ({ userId: b.userId, left: b.balance })).sort(byAmount);
  const transfers: Transfer[] = [];
  let d = 0;
  let c = 0;
  while (d < debtors.length && c < creditors.length) {
    const amount = Math.min(debtors[d].left, creditors[c].left);
    transfers.push({ from: debtors[d].userId, to: creditors[c].userId, amount });
    debtors[d].left -= amount;
    creditors[c].left -= amount;
    if (debtors[d].left === 0) d++;
    if (creditors[c].left === 0) c++;
  }
  return transfers;
}
