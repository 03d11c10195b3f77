import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '~/domain/errors';
import {
  budgetFigures,
  convert,
  formatAmount,
  isKnownCurrency,
  memberShares,
  minorDigits,
  parseAmount,
  parseRate,
  settle,
  splitByWeights,
  splitEqually,
  type ExpenseFacts,
} from './rules';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const amount = fc.integer({ min: 0, max: 1_000_000_000_000 });

describe('amounts', () => {
  it('reads decimals exactly in the currency’s minor unit', () => {
    expect(parseAmount('42.10', 'EUR')).toBe(4210);
    expect(parseAmount(0.3, 'EUR')).toBe(30);
    expect(parseAmount(19.99, 'EUR')).toBe(1999);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
    expect(parseAmount('1.250', 'BHD')).toBe(1250);
    expect(parseAmount('2.500', 'EUR')).toBe(250);
  });

  it('refuses negatives, too many decimals and invented currencies', () => {
    expect(() => parseAmount(-1, 'EUR')).toThrow(DomainError);
    expect(() => parseAmount('1.005', 'EUR')).toThrow(/at most 2 decimal places/);
    expect(() => parseAmount('10.5', 'JPY')).toThrow(/at most 0 decimal places/);
    expect(() => parseAmount(1e21, 'EUR')).toThrow(DomainError);
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(minorDigits('JPY')).toBe(0);
  });

  it('formats minor units back to the same decimal', () => {
    fc.assert(fc.property(amount, (minor) => parseAmount(formatAmount(minor, 'EUR'), 'EUR') === minor));
    expect(formatAmount(4210, 'EUR')).toBe('42.10');
    expect(formatAmount(5, 'EUR')).toBe('0.05');
    expect(formatAmount(1500, 'JPY')).toBe('1500');
  });
});

describe('splitting', () => {
  it('shares always sum to the total and never go negative', () => {
    fc.assert(
      fc.property(amount, fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = splitByWeights(total, weights);
        expect(sum(parts)).toBe(total);
        expect(parts.every((p) => p >= 0)).toBe(true);
        // a zero weight gets nothing
        weights.forEach((w, i) => w === 0 && expect(parts[i]).toBe(0));
      }),
    );
  });

  it('equal shares differ by at most one minor unit, the earlier members get the remainder', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = splitEqually(total, n);
        expect(sum(parts)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect([...parts].sort((a, b) => b - a)).toEqual(parts);
      }),
    );
    expect(splitEqually(10000, 3)).toEqual([3334, 3333, 3333]);
  });

  it('custom amounts must add up to the expense', () => {
    const members = [
      { userId: 1, weight: 1, fixedAmount: 600 },
      { userId: 2, weight: 1, fixedAmount: 400 },
    ];
    expect(memberShares(1000, 'amounts', members, 'EUR')).toEqual([600, 400]);
    expect(() => memberShares(1001, 'amounts', members, 'EUR')).toThrow(/add up to 10.00 EUR, the expense is 10.01 EUR/);
  });
});

describe('conversion', () => {
  it('is exact integer arithmetic, rounded half up to the target minor unit', () => {
    expect(convert(10000, 'USD', 'EUR', parseRate('0.92'))).toBe(9200);
    expect(convert(1000, 'JPY', 'EUR', parseRate('0.0061'))).toBe(610);
    expect(convert(1, 'USD', 'EUR', parseRate('0.5'))).toBe(1); // 0.5 cent rounds up
    expect(convert(1234, 'EUR', 'JPY', parseRate('162.5'))).toBe(2005); // 12.34 € × 162.5 = 2005.25 ¥
    expect(convert(500, 'USD', 'EUR', null)).toBeNull();
    expect(convert(500, 'EUR', 'EUR', null)).toBe(500);
    expect(() => parseRate('0')).toThrow(DomainError);
    expect(() => parseRate('-1')).toThrow(DomainError);
    expect(() => parseRate('1e3')).toThrow(DomainError);
  });
});

const expenseArb = (people: number[]) =>
  fc.record({
    id: fc.integer({ min: 1, max: 1000 }),
    category: fc.constantFrom('Food', 'Transport', 'Other'),
    amount: fc.integer({ min: 0, max: 10_000_000 }),
    currency: fc.constantFrom('EUR', 'USD', 'JPY'),
    members: fc.subarray(people, { minLength: 0 }).chain((ids) =>
      fc.tuple(...ids.map((userId) => fc.record({ userId: fc.constant(userId), weight: fc.integer({ min: 1, max: 5 }), paid: fc.boolean() }))),
    ),
    payers: fc.subarray(people, { minLength: 0 }).chain((ids) => fc.tuple(...ids.map(() => fc.integer({ min: 0, max: 100 }))).map((w) => ({ ids, w }))),
    mode: fc.constantFrom('equal' as const, 'shares' as const),
  });

type DrawnExpense = ReturnType<typeof expenseArb> extends fc.Arbitrary<infer T> ? T : never;

function toFacts(e: DrawnExpense): ExpenseFacts {
  // payer amounts: split the bill by the drawn weights (so they sum to it)
  const weights = e.payers.w.some((x) => x > 0) ? e.payers.w : e.payers.w.map(() => 1);
  const amounts = e.payers.ids.length ? splitByWeights(e.amount, weights) : [];
  return {
    id: e.id,
    category: e.category,
    amount: e.amount,
    currency: e.currency,
    splitMode: e.mode,
    members: e.members.map((m) => ({ ...m, fixedAmount: null })),
    payers: e.payers.ids.map((userId, i) => ({ userId, amount: amounts[i] })),
  };
}

const rates = new Map([
  ['USD', parseRate('0.9217')],
  ['JPY', parseRate('0.00615')],
]);

describe('figures and settlement', () => {
  const people = [1, 2, 3, 4, 5, 6];

  it('balances sum to zero, and settling them leaves everybody square with at most n−1 transfers', () => {
    fc.assert(
      fc.property(fc.array(expenseArb(people), { maxLength: 12 }), (drawn) => {
        const figures = budgetFigures(drawn.map(toFacts), 'EUR', rates);
        expect(sum(figures.people.map((p) => p.balance))).toBe(0);
        const transfers = settle(figures.people);
        const owing = figures.people.filter((p) => p.balance !== 0).length;
        expect(transfers.length).toBeLessThanOrEqual(Math.max(owing - 1, 0));
        const after = new Map(figures.people.map((p) => [p.userId, p.balance]));
        for (const t of transfers) {
          expect(t.amount).toBeGreaterThan(0);
          after.set(t.from, after.get(t.from)! + t.amount);
          after.set(t.to, after.get(t.to)! - t.amount);
        }
        expect([...after.values()].every((b) => b === 0)).toBe(true);
      }),
    );
  });

  it('consumption sums to the total of expenses that have members', () => {
    fc.assert(
      fc.property(fc.array(expenseArb(people), { maxLength: 12 }), (drawn) => {
        const facts = drawn.map(toFacts);
        const figures = budgetFigures(facts, 'EUR', rates);
        const withMembers = facts.filter((f) => f.members.length > 0);
        const expected = sum(withMembers.map((f) => convert(f.amount, f.currency, 'EUR', rates.get(f.currency) ?? null)!));
        expect(sum(figures.people.map((p) => p.consumed))).toBe(expected);
      }),
    );
  });

  it('a dinner for three paid by Anna: Ben and Cem each owe her a third; a repaid share is settled', () => {
    const dinner: ExpenseFacts = {
      id: 1,
      category: 'Food',
      amount: 10000,
      currency: 'EUR',
      splitMode: 'equal',
      members: [1, 2, 3].map((userId) => ({ userId, weight: 1, fixedAmount: null, paid: false })),
      payers: [{ userId: 1, amount: 10000 }],
    };
    const figures = budgetFigures([dinner], 'EUR', new Map());
    expect(figures.people.map((p) => [p.userId, p.consumed, p.paid, p.balance])).toEqual([
      [1, 3334, 10000, 6666],
      [2, 3333, 0, -3333],
      [3, 3333, 0, -3333],
    ]);
    expect(settle(figures.people)).toEqual([
      { from: 2, to: 1, amount: 3333 },
      { from: 3, to: 1, amount: 3333 },
    ]);
    const benRepaid = { ...dinner, members: dinner.members.map((m) => (m.userId === 2 ? { ...m, paid: true } : m)) };
    expect(settle(budgetFigures([benRepaid], 'EUR', new Map()).people)).toEqual([{ from: 3, to: 1, amount: 3333 }]);
  });

  it('leaves out expenses without a rate and names their currency; sorts categories largest first', () => {
    const base = { splitMode: 'equal' as const, members: [], payers: [] };
    const figures = budgetFigures(
      [
        { ...base, id: 1, category: 'Food', amount: 500, currency: 'EUR' },
        { ...base, id: 2, category: 'Stay', amount: 9000, currency: 'EUR' },
        { ...base, id: 3, category: 'Food', amount: 100, currency: 'GBP' },
      ],
      'EUR',
      new Map(),
    );
    expect(figures.total).toBe(9500);
    expect(figures.byCategory).toEqual([
      { category: 'Stay', total: 9000 },
      { category: 'Food', total: 500 },
    ]);
    expect(figures.missingRates).toEqual(['GBP']);
  });
});
