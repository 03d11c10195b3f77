// The budget through real HTTP and a real database: splits that add up, payers separate from repaid shares, exact
// multi-currency totals, settlement, the rules a bad call breaks (nothing written, nothing published), and the budget
// totals in the trip summary only for callers who may read the budget.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { bearerCaller, expectTrpcError, notMemberMessage } from '../helpers/users';
import { createOAuthToken } from './mcp.helpers';

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }, { displayName: 'Cem' }, { displayName: 'Dora' }]);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser, ben: TestUser, cem: TestUser, dora: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, cem, dora] } = suite);
});

/** A trip of anna's with ben and cem on it (dora is not). */
async function setup(currency = 'EUR') {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Porto', currency, startDate: '2027-06-01', endDate: '2027-06-03' });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: cem.user.email });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  suite.clearEvents();
  return { tripId: trip.id, days };
}
const itemCount = (tripId: number) => server.services.db.budgetItem.count({ where: { tripId } });
const ids = () => ({ anna: anna.user.id, ben: ben.user.id, cem: cem.user.id });

describe('budget.createBudgetItemWithMembers', () => {
  it('splits 100.00 three ways into 33.34 + 33.33 + 33.33 and tells the others', async () => {
    const { tripId } = await setup();
    const { item } = await anna.trpc.budget.createBudgetItemWithMembers.mutate({
      tripId,
      name: 'Dinner',
      category: 'Food',
      totalPrice: '100',
      userIds: [ids().cem, ids().ben, ids().anna],
      payers: [{ userId: ids().anna }],
    });
    expect(item).toMatchObject({ name: 'Dinner', currency: 'EUR', totalPrice: '100.00', amountMinor: 10000, splitMode: 'equal', persons: 3 });
    expect(item.members.map((m) => [m.userId, m.share])).toEqual([
      [ids().anna, '33.34'],
      [ids().ben, '33.33'],
      [ids().cem, '33.33'],
    ]);
    expect(item.payers).toMatchObject([{ userId: ids().anna, amount: '100.00' }]);
    expect(tripEvents()).toMatchObject([{ event: 'budget.item.created', payload: { item: { id: item.id } } }]);
  });

  it('ten expenses created at once in a new category all succeed, and the category exists once', async () => {
    const { tripId } = await setup();
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        (n % 2 ? ben : anna).trpc.budget.createBudgetItemWithMembers.mutate({ tripId, name: `Taxi ${n}`, category: 'Taxis', totalPrice: '9.00', userIds: [ids().anna, ids().ben] }),
      ),
    );
    expect(created).toHaveLength(10);
    expect(await server.services.db.budgetCategory.count({ where: { tripId, name: 'Taxis' } })).toBe(1);
  });

  it('splits by shares and by fixed amounts', async () => {
    const { tripId } = await setup();
    const byShares = await anna.trpc.budget.createBudgetItemWithMembers.mutate({
      tripId,
      name: 'Apartment',
      totalPrice: 250,
      members: [
        { userId: ids().anna, shares: 2 },
        { userId: ids().ben, shares: 1 },
        { userId: ids().cem, shares: 1 },
      ],
    });
    expect(byShares.item.splitMode).toBe('shares');
    expect(byShares.item.members.map((m) => m.share)).toEqual(['125.00', '62.50', '62.50']);
    const byAmounts = await anna.trpc.budget.createBudgetItemWithMembers.mutate({
      tripId,
      name: 'Tickets',
      totalPrice: '45.50',
      members: [
        { userId: ids().anna, amount: '20' },
        { userId: ids().ben, amount: 25.5 },
      ],
    });
    expect(byAmounts.item.splitMode).toBe('amounts');
    expect(byAmounts.item.members.map((m) => m.share)).toEqual(['20.00', '25.50']);
  });

  it('refuses bad money, splits that do not add up and people not on the trip, writing and publishing nothing', async () => {
    const { tripId, days } = await setup();
    const other = await setup();
    const base = { tripId, name: 'Dinner', totalPrice: '30' };
    const cases: Array<[object, RegExp, string?]> = [
      [{ totalPrice: -1 }, /^totalPrice: /],
      [{ totalPrice: '12.345' }, /totalPrice: must be an amount of at least 0 with at most 2 decimal places for EUR/, 'errors.budgetAmountInvalid'],
      [{ totalPrice: '10.5', currency: 'JPY' }, /at most 0 decimal places for JPY/, 'errors.budgetAmountInvalid'],
      [{ currency: 'XYZ' }, /XYZ is not a known ISO 4217 currency code/, 'errors.budgetUnknownCurrency'],
      [{ members: [{ userId: ids().anna, amount: '10' }, { userId: ids().ben, amount: '10' }] }, /add up to 20.00 EUR, the expense is 30.00 EUR/, 'errors.budgetSharesMismatch'],
      [{ userIds: [ids().anna], payers: [{ userId: ids().anna, amount: '10' }, { userId: ids().ben, amount: '10' }] }, /payers' amounts add up to 20.00 EUR/, 'errors.budgetPayersMismatch'],
      [{ userIds: [ids().anna, dora.user.id] }, new RegExp(`user ${dora.user.id} is not the owner or a member`), 'errors.participantNotMember'],
      [{ payers: [{ userId: dora.user.id }] }, new RegExp(`user ${dora.user.id} is not the owner or a member`), 'errors.participantNotMember'],
      [{ userIds: [ids().anna, ids().anna] }, /listed twice/, 'errors.budgetDuplicateUser'],
      [{ userIds: [ids().anna], members: [{ userId: ids().ben }] }, /either userIds .* or members, not both/, 'errors.budgetSplitConflict'],
      [{ members: [{ userId: ids().anna, shares: 0 }], splitMode: 'shares' }, /at least one share must be greater than 0/, 'errors.budgetNoWeights'],
      [{ dayId: other.days[0].id }, new RegExp(`Day ${other.days[0].id} not found in trip ${tripId}`)],
    ];
    for (const [change, message, key] of cases) {
      const error = await expectTrpcError(anna.trpc.budget.createBudgetItemWithMembers.mutate({ ...base, ...change } as never));
      expect({ change, code: error.code }).toEqual({ change, code: change === cases[11][0] ? 'NOT_FOUND' : 'BAD_REQUEST' });
      expect(error.message).toMatch(message);
      if (key) expect(error.data?.i18n?.key).toBe(key);
    }
    expect(await itemCount(tripId)).toBe(0);
    expect(await server.services.db.budgetCategory.count({ where: { tripId } })).toBe(0);
    expect(tripEvents()).toEqual([]);
    // the same item with a day of this trip is fine
    await anna.trpc.budget.createBudgetItemWithMembers.mutate({ ...base, dayId: days[0].id });
    expect(await itemCount(tripId)).toBe(1);
  });

  it('denies a non-member with the not-found of a missing trip', async () => {
    const { tripId } = await setup();
    const error = await expectTrpcError(dora.trpc.budget.createBudgetItem.mutate({ tripId, name: 'Taxi', totalPrice: 10 }));
    expect(error.message).toBe(notMemberMessage(tripId));
    expect(await itemCount(tripId)).toBe(0);
  });
});

describe('settlement', () => {
  it('a dinner of 90.00 paid by Anna: Ben and Cem each pay her 30.00; a repaid share drops out', async () => {
    const { tripId } = await setup();
    const { item } = await anna.trpc.budget.createBudgetItemWithMembers.mutate({
      tripId,
      name: 'Dinner',
      totalPrice: 90,
      userIds: [ids().anna, ids().ben, ids().cem],
      payers: [{ userId: ids().anna }],
    });
    const before = await ben.trpc.budget.getBudgetSettlement.query({ tripId });
    expect(before.flows).toMatchObject([
      { from: { userId: ids().ben, displayName: 'Ben' }, to: { userId: ids().anna, displayName: 'Anna' }, amount: '30.00' },
      { from: { userId: ids().cem }, to: { userId: ids().anna }, amount: '30.00' },
    ]);
    expect(before.balances.map((b) => b.balance)).toEqual(['60.00', '-30.00', '-30.00']);

    const { member } = await ben.trpc.budget.toggleBudgetMemberPaid.mutate({ tripId, itemId: item.id, memberId: ids().ben, paid: true });
    expect(member).toMatchObject({ userId: ids().ben, paid: true });
    const after = await anna.trpc.budget.getBudgetSettlement.query({ tripId });
    expect(after.flows).toMatchObject([{ from: { userId: ids().cem }, to: { userId: ids().anna }, amount: '30.00' }]);
    // "paid" on a member never makes them a payer: per person, Ben still paid nothing of the bill
    const perPerson = await anna.trpc.budget.getBudgetPerPerson.query({ tripId });
    expect(perPerson.people.find((p) => p.userId === ids().ben)).toMatchObject({ consumed: '30.00', paid: '0.00', settled: '30.00', balance: '0.00' });
  });

  it('"mark settled": a recorded payment shrinks the transfers, counts as settled, tells the others, and can be undone', async () => {
    const { tripId } = await setup();
    await anna.trpc.budget.createBudgetItemWithMembers.mutate({ tripId, name: 'Boat', totalPrice: 90, userIds: [ids().anna, ids().ben, ids().cem], payers: [{ userId: ids().anna }] });
    suite.clearEvents();
    const { payment } = await cem.trpc.budget.recordBudgetSettlement.mutate({ tripId, fromUserId: ids().cem, toUserId: ids().anna, amount: '30.00' });
    expect(payment).toMatchObject({ from: { userId: ids().cem }, to: { userId: ids().anna }, amount: '30.00', currency: 'EUR' });
    expect(tripEvents()).toMatchObject([{ event: 'budget.settlement.recorded', payload: { payment: { id: payment.id } } }]);
    const after = await anna.trpc.budget.getBudgetSettlement.query({ tripId });
    expect(after.flows).toMatchObject([{ from: { userId: ids().ben }, to: { userId: ids().anna }, amount: '30.00' }]);
    expect(after.payments).toMatchObject([{ id: payment.id, amount: '30.00' }]);
    const cemFigures = (await anna.trpc.budget.getBudgetPerPerson.query({ tripId })).people.find((p) => p.userId === ids().cem);
    expect(cemFigures).toMatchObject({ settled: '30.00', balance: '0.00' });
    // A part payment leaves the rest to pay.
    await ben.trpc.budget.recordBudgetSettlement.mutate({ tripId, fromUserId: ids().ben, toUserId: ids().anna, amount: 10 });
    expect((await anna.trpc.budget.getBudgetSettlement.query({ tripId })).flows).toMatchObject([{ from: { userId: ids().ben }, amount: '20.00' }]);

    await anna.trpc.budget.deleteBudgetSettlement.mutate({ tripId, settlementId: payment.id });
    expect((await anna.trpc.budget.getBudgetSettlement.query({ tripId })).flows).toMatchObject([
      { from: { userId: ids().cem }, amount: '30.00' },
      { from: { userId: ids().ben }, amount: '20.00' },
    ]);
  });

  it('a payment to oneself, of nothing, with a stranger or of another trip is refused and writes nothing', async () => {
    const { tripId } = await setup();
    const other = await setup();
    const { payment } = await anna.trpc.budget.recordBudgetSettlement.mutate({ tripId: other.tripId, fromUserId: ids().ben, toUserId: ids().anna, amount: '1' });
    const count = () => server.services.db.budgetSettlement.count({ where: { tripId } });
    suite.clearEvents();
    for (const [input, code] of [
      [{ fromUserId: ids().ben, toUserId: ids().ben, amount: '5' }, 'BAD_REQUEST'],
      [{ fromUserId: ids().ben, toUserId: ids().anna, amount: '0' }, 'BAD_REQUEST'],
      [{ fromUserId: ids().ben, toUserId: ids().anna, amount: '1.234' }, 'BAD_REQUEST'],
      [{ fromUserId: dora.user.id, toUserId: ids().anna, amount: '5' }, 'BAD_REQUEST'],
    ] as const) {
      expect((await expectTrpcError(anna.trpc.budget.recordBudgetSettlement.mutate({ tripId, ...input }))).code).toBe(code);
    }
    expect((await expectTrpcError(anna.trpc.budget.deleteBudgetSettlement.mutate({ tripId, settlementId: payment.id }))).code).toBe('NOT_FOUND');
    expect(await count()).toBe(0);
    expect(await server.services.db.budgetSettlement.count({ where: { id: payment.id } })).toBe(1);
    expect(tripEvents()).toEqual([]);
  });

  it('an item of another trip cannot be toggled through this one (the original does not check)', async () => {
    const mine = await setup();
    const theirs = await setup();
    const { item } = await anna.trpc.budget.createBudgetItemWithMembers.mutate({ tripId: theirs.tripId, name: 'Taxi', totalPrice: 10, userIds: [ids().ben] });
    const error = await expectTrpcError(anna.trpc.budget.toggleBudgetMemberPaid.mutate({ tripId: mine.tripId, itemId: item.id, memberId: ids().ben, paid: true }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Budget item ${item.id} not found in trip ${mine.tripId}`);
    const notInSplit = await expectTrpcError(anna.trpc.budget.toggleBudgetMemberPaid.mutate({ tripId: theirs.tripId, itemId: item.id, memberId: ids().cem, paid: true }));
    expect(notInSplit.data?.i18n?.key).toBe('errors.budgetNotInSplit');
    expect(await server.services.db.budgetItemMember.findMany({ where: { itemId: item.id } })).toMatchObject([{ userId: ids().ben, paid: false }]);
  });
});

describe('an expense for a booking', () => {
  it('links only a booking of the same trip, and deleting the booking unlinks the expense', async () => {
    const mine = await setup();
    const theirs = await setup();
    const { reservation } = await anna.trpc.reservations.createReservation.mutate({ tripId: mine.tripId, title: 'Cellar tour', type: 'tour' });
    const { reservation: foreign } = await anna.trpc.reservations.createReservation.mutate({ tripId: theirs.tripId, title: 'Boat', type: 'tour' });
    suite.clearEvents();
    const refused = await expectTrpcError(
      anna.trpc.budget.createBudgetItem.mutate({ tripId: mine.tripId, name: 'Boat', totalPrice: 20, reservationId: foreign.id }),
    );
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.message).toBe(`Reservation ${foreign.id} not found in trip ${mine.tripId}`);
    expect(await itemCount(mine.tripId)).toBe(0);
    expect(tripEvents()).toEqual([]);

    const { item } = await anna.trpc.budget.createBudgetItem.mutate({ tripId: mine.tripId, name: 'Cellar tour', totalPrice: 35, reservationId: reservation.id });
    expect(item.reservationId).toBe(reservation.id);
    await anna.trpc.reservations.deleteReservation.mutate({ tripId: mine.tripId, reservationId: reservation.id });
    expect(await server.services.db.budgetItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ reservationId: null });
  });
});

describe('currencies', () => {
  it('keeps each expense in its currency and converts exactly once a member enters a rate', async () => {
    const { tripId } = await setup();
    await anna.trpc.budget.createBudgetItemWithMembers.mutate({ tripId, name: 'Hotel', category: 'Stay', totalPrice: '200', userIds: [ids().anna, ids().ben], payers: [{ userId: ids().anna }] });
    await anna.trpc.budget.createBudgetItemWithMembers.mutate({ tripId, name: 'Outlet', category: 'Shopping', totalPrice: '33.33', currency: 'USD', userIds: [ids().ben, ids().cem], payers: [{ userId: ids().ben }] });
    const without = await anna.trpc.budget.getBudgetPerPerson.query({ tripId });
    expect(without.total.amount).toBe('200.00');
    expect(without.missingRates).toEqual(['USD']);

    const { rates } = await ben.trpc.budget.setBudgetRate.mutate({ tripId, currency: 'USD', rate: '0.9217' });
    expect(rates).toMatchObject([{ currency: 'USD', rate: '0.9217', tripCurrency: 'EUR', stale: false }]);
    expect(tripEvents().at(-1)).toMatchObject({ event: 'budget.rates.changed' });
    const withRate = await anna.trpc.budget.getBudgetPerPerson.query({ tripId });
    // 33.33 USD × 0.9217 = 30.720261 → 30.72 EUR
    expect(withRate.total.amount).toBe('230.72');
    expect(withRate.byCategory.map((c) => [c.category, c.amount])).toEqual([
      ['Stay', '200.00'],
      ['Shopping', '30.72'],
    ]);
    const settlement = await anna.trpc.budget.getBudgetSettlement.query({ tripId });
    expect(settlement.balances.reduce((sum, b) => sum + b.balanceMinor, 0)).toBe(0);

    const bad = await expectTrpcError(anna.trpc.budget.setBudgetRate.mutate({ tripId, currency: 'GBP', rate: '-1' }));
    expect(bad.data?.i18n?.key).toBe('errors.budgetRateInvalid');
    expect(await server.services.db.budgetRate.count({ where: { tripId } })).toBe(1);
  });
});

describe('budget.updateBudgetItem', () => {
  it('a new total re-splits an equal split and scales the payers; a fixed-amount split must be sent again', async () => {
    const { tripId } = await setup();
    const { item } = await anna.trpc.budget.createBudgetItemWithMembers.mutate({ tripId, name: 'Boat', totalPrice: 60, userIds: [ids().anna, ids().ben], payers: [{ userId: ids().anna }] });
    const { item: updated } = await anna.trpc.budget.updateBudgetItem.mutate({ tripId, itemId: item.id, totalPrice: '61', note: 'with tip' });
    expect(updated.members.map((m) => m.share)).toEqual(['30.50', '30.50']);
    expect(updated.payers).toMatchObject([{ userId: ids().anna, amount: '61.00' }]);
    expect(tripEvents().at(-1)).toMatchObject({ event: 'budget.item.updated' });

    await anna.trpc.budget.setBudgetItemMembers.mutate({ tripId, itemId: item.id, members: [{ userId: ids().anna, amount: '40' }, { userId: ids().ben, amount: '21' }] });
    const error = await expectTrpcError(anna.trpc.budget.updateBudgetItem.mutate({ tripId, itemId: item.id, totalPrice: '70' }));
    expect(error.data?.i18n?.key).toBe('errors.budgetSharesMismatch');
    expect((await anna.trpc.budget.listBudgetItems.query({ tripId })).items[0]).toMatchObject({ totalPrice: '61.00', note: 'with tip' });
  });

  it('deleting removes the split and payers and publishes budget.item.deleted', async () => {
    const { tripId } = await setup();
    const { item } = await anna.trpc.budget.createBudgetItemWithMembers.mutate({ tripId, name: 'Boat', totalPrice: 60, userIds: [ids().anna], payers: [{ userId: ids().anna }] });
    suite.clearEvents();
    expect(await ben.trpc.budget.deleteBudgetItem.mutate({ tripId, itemId: item.id })).toEqual({ deleted: true, itemId: item.id });
    expect(await server.services.db.budgetItemPayer.count({ where: { itemId: item.id } })).toBe(0);
    expect(tripEvents()).toMatchObject([{ event: 'budget.item.deleted', payload: { itemId: item.id, name: 'Boat' } }]);
  });
});

describe('budget in the trip summary and the addon switch', () => {
  it('get_trip_summary carries budget totals for the web session, null for a token without budget:read', async () => {
    const { tripId } = await setup();
    await anna.trpc.budget.createBudgetItem.mutate({ tripId, name: 'Museum', category: 'Culture', totalPrice: '12.5' });
    const summary = await anna.trpc.trips.getTripSummary.query({ tripId });
    expect(summary.budget).toMatchObject({ currency: 'EUR', total: '12.50', itemCount: 1, byCategory: [{ category: 'Culture', amount: '12.50' }] });
    const { token } = await createOAuthToken(server, anna.user.id, ['trips:read']);
    const limited = await (await bearerCaller(server, token)).trips.getTripSummary({ tripId });
    expect(limited.budget).toBeNull();
  });

  it('with the budget addon off, budget calls are FORBIDDEN and the summary has no budget', async () => {
    const { tripId } = await setup();
    await server.services.addons.set('budget', false);
    try {
      const error = await expectTrpcError(anna.trpc.budget.listBudgetItems.query({ tripId }));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.data?.i18n?.key).toBe('errors.addonDisabled');
      expect((await anna.trpc.trips.getTripSummary.query({ tripId })).budget).toBeNull();
    } finally {
      await server.services.addons.set('budget', true);
    }
  });
});
