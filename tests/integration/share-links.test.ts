// Share links through real HTTP and a real database: the token is stored only as a hash and shown once; the public
// page opens without signing in, in the browser's language, with what the link allows and nothing private; changing
// the options keeps the link; rotating or deleting it kills the old link at once; non-members cannot touch it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError, notMemberMessage, trpcClient } from '../helpers/users';
import { hashSecret } from '~/auth/tokens.server';

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }, { displayName: 'Cem' }]);
let server: TestServer;
let anna: TestUser, ben: TestUser, cem: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, cem] } = suite);
});

/** A trip of anna's with ben on it: one place on day 1, a booking with a confirmation code, an expense. */
async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Kyoto', startDate: '2027-04-01', endDate: '2027-04-02' });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Fushimi Inari', lat: 34.967, lng: 135.772 });
  await anna.trpc.assignments.assignPlaceToDay.mutate({ tripId: trip.id, placeId: place.id, dayId: days[0].id });
  await anna.trpc.reservations.createReservation.mutate({ tripId: trip.id, title: 'Ryokan dinner', type: 'restaurant', confirmationNumber: 'SECRET-CODE-77', dayId: days[0].id });
  await anna.trpc.budget.createBudgetItem.mutate({ tripId: trip.id, name: 'Tea', totalPrice: '12.50' });
  suite.clearEvents();
  return { tripId: trip.id };
}

const tokenOf = (url: string | null) => url!.split('/s/')[1];
const page = (token: string, language = 'en') => fetch(`${server.url}/s/${token}`, { headers: { 'Accept-Language': language } });
const anonymous = () => trpcClient(server);

describe('creating a link', () => {
  it('shows the full link once and stores only its hash', async () => {
    const { tripId } = await setup();
    const made = await ben.trpc.shareLinks.createShareLink.mutate({ tripId });
    expect(made).toMatchObject({ created: true, rotated: false, link: { tripId, sections: [], shareBookings: false, shareBudget: false } });
    expect(made.url).toMatch(new RegExp(`^${server.config.appUrl}/s/wms_[a-z2-7]{32}$`));
    const token = tokenOf(made.url);
    const row = await server.services.db.shareLink.findUniqueOrThrow({ where: { tripId } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.tokenHint).toBe(token.slice(0, 8));
    // Reading it back gives the settings and the hint, never the token.
    const read = await anna.trpc.shareLinks.getShareLink.query({ tripId });
    expect(read.link).toMatchObject({ tokenHint: token.slice(0, 8), shareBookings: false });
    expect(JSON.stringify(read)).not.toContain(token);
    expect(suite.tripEvents()).toMatchObject([{ event: 'share.link.changed', payload: { link: { tripId } } }]);
    expect(JSON.stringify(suite.events)).not.toContain(token);
  });

  it('changing one option keeps the link and the other options (omitted flags are not reset)', async () => {
    const { tripId } = await setup();
    const made = await anna.trpc.shareLinks.createShareLink.mutate({ tripId, shareBookings: true, shareBudget: true });
    const again = await anna.trpc.shareLinks.createShareLink.mutate({ tripId, shareBudget: false });
    expect(again).toMatchObject({ created: false, rotated: false, url: null, link: { shareBookings: true, shareBudget: false } });
    expect((await page(tokenOf(made.url))).status).toBe(200);
  });

  it('refuses bad flags and non-members, writing nothing', async () => {
    const { tripId } = await setup();
    const bad = await expectTrpcError(anna.trpc.shareLinks.createShareLink.mutate({ tripId, shareBookings: 'yes' as unknown as boolean }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/^shareBookings:/);
    const outsider = await expectTrpcError(cem.trpc.shareLinks.createShareLink.mutate({ tripId }));
    expect(outsider.message).toBe(notMemberMessage(tripId));
    expect(await server.services.db.shareLink.count({ where: { tripId } })).toBe(0);
    expect(suite.events).toEqual([]);
  });
});

describe('the public page', () => {
  it('opens without signing in, shows itinerary and map, and no codes, e-mails or member names', async () => {
    const { tripId } = await setup();
    const { url } = await anna.trpc.shareLinks.createShareLink.mutate({ tripId, shareBookings: true });
    const res = await page(tokenOf(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The token never travels to another site in a Referer (map tiles, links in notes).
    expect(['no-referrer', 'same-origin']).toContain(res.headers.get('referrer-policy'));
    const html = await res.text();
    expect(html).toContain('Kyoto');
    expect(html).toContain('Fushimi Inari');
    expect(html).toContain('Ryokan dinner');
    expect(html).toContain('data-testid="trip-map"');
    for (const secret of ['SECRET-CODE-77', anna.user.email, ben.user.email, 'Anna', 'Ben']) expect(html).not.toContain(secret);
  });

  it('shows bookings and budget totals only when the link says so', async () => {
    const { tripId } = await setup();
    const { url } = await anna.trpc.shareLinks.createShareLink.mutate({ tripId });
    const token = tokenOf(url);
    const bare = await anonymous().shareLinks.getSharedTrip.query({ token });
    expect(bare).toMatchObject({ trip: { title: 'Kyoto' }, sections: [], bookings: null, accommodations: null, budget: null });
    expect(bare.days[0].assignments[0].place).toMatchObject({ name: 'Fushimi Inari', lat: 34.967 });
    await anna.trpc.shareLinks.createShareLink.mutate({ tripId, shareBookings: true, shareBudget: true });
    const full = await anonymous().shareLinks.getSharedTrip.query({ token });
    expect(full.sections).toEqual(['bookings', 'budget']);
    expect(full.bookings).toMatchObject([{ title: 'Ryokan dinner', status: 'pending' }]);
    expect(full.bookings![0]).not.toHaveProperty('confirmationNumber');
    expect(full.budget).toMatchObject({ total: '12.50' });
    // The budget addon switched off hides the totals even where the link would show them.
    await server.services.addons.set('budget', false);
    try {
      expect((await anonymous().shareLinks.getSharedTrip.query({ token })).budget).toBeNull();
    } finally {
      await server.services.addons.set('budget', true);
    }
  });

  it('shows the packing list (items and packed or not, nothing about bags or people) only when the link says so', async () => {
    const { tripId } = await setup();
    const { bag } = await anna.trpc.packing.createPackingBag.mutate({ tripId, name: 'Anna’s backpack' });
    const { item } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Rain jacket', category: 'Clothes', quantity: 1, bagId: bag.id });
    await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Socks', category: 'Clothes', quantity: 3 });
    await anna.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: true });
    await anna.trpc.packing.setPackingCategoryAssignees.mutate({ tripId, categoryName: 'Clothes', userIds: [ben.user.id] });
    const { url } = await anna.trpc.shareLinks.createShareLink.mutate({ tripId, shareBudget: true });
    const token = tokenOf(url);
    expect((await anonymous().shareLinks.getSharedTrip.query({ token })).packing).toBeNull();
    await anna.trpc.shareLinks.createShareLink.mutate({ tripId, sharePacking: true });
    const shared = await anonymous().shareLinks.getSharedTrip.query({ token });
    expect(shared.sections).toEqual(['budget', 'packing']);
    expect(shared.packing).toEqual([
      { id: item.id, name: 'Rain jacket', category: 'Clothes', quantity: 1, checked: true },
      { id: expect.any(Number), name: 'Socks', category: 'Clothes', quantity: 3, checked: false },
    ]);
    const html = await (await page(token)).text();
    expect(html).toContain('Rain jacket');
    expect(html).not.toContain('Anna’s backpack');
    expect(html).not.toContain('Ben');
    // The lists addon switched off hides the list; the link keeps the choice for when it is back.
    await server.services.addons.set('lists', false);
    try {
      const hidden = await anonymous().shareLinks.getSharedTrip.query({ token });
      expect(hidden.packing).toBeNull();
      expect(hidden.sections).toEqual(['budget']);
    } finally {
      await server.services.addons.set('lists', true);
    }
  });

  it('speaks the browser’s language', async () => {
    const { tripId } = await setup();
    const { url } = await anna.trpc.shareLinks.createShareLink.mutate({ tripId });
    const html = await (await page(tokenOf(url), 'de-DE,de;q=0.9,en;q=0.5')).text();
    expect(html).toMatch(/<html lang="de"/);
    expect(html).toContain('Geteilte Reise · nur lesen');
    const arabic = await (await page(tokenOf(url), 'ar')).text();
    expect(arabic).toMatch(/<html lang="ar" dir="rtl"/);
  });

  it('an unknown or malformed token is a 404, the same either way', async () => {
    for (const token of [`wms_${'a'.repeat(32)}`, 'nonsense', `wms_${'a'.repeat(32)}x`]) {
      const res = await page(token);
      expect(res.status, token).toBe(404);
      expect(await res.text()).toContain('This link does not work');
    }
    const error = await expectTrpcError(anonymous().shareLinks.getSharedTrip.query({ token: 'nonsense' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', data: { i18n: { key: 'errors.shareLinkNotFound' } } });
  });
});

describe('rotating and deleting', () => {
  it('rotating gives a new link and kills the old one at once', async () => {
    const { tripId } = await setup();
    const first = await anna.trpc.shareLinks.createShareLink.mutate({ tripId, shareBookings: true });
    const rotated = await ben.trpc.shareLinks.createShareLink.mutate({ tripId, rotate: true });
    expect(rotated).toMatchObject({ created: false, rotated: true, link: { shareBookings: true } });
    expect(rotated.url).not.toBe(first.url);
    expect((await page(tokenOf(first.url))).status).toBe(404);
    expect((await page(tokenOf(rotated.url))).status).toBe(200);
  });

  it('deleting kills the link; deleting again answers deleted: false', async () => {
    const { tripId } = await setup();
    const { url } = await anna.trpc.shareLinks.createShareLink.mutate({ tripId });
    expect(await anna.trpc.shareLinks.deleteShareLink.mutate({ tripId })).toEqual({ deleted: true });
    expect((await page(tokenOf(url))).status).toBe(404);
    expect(await anna.trpc.shareLinks.getShareLink.query({ tripId })).toEqual({ link: null });
    suite.clearEvents();
    expect(await anna.trpc.shareLinks.deleteShareLink.mutate({ tripId })).toEqual({ deleted: false });
    expect(suite.events).toEqual([]);
  });

  it('deleting the trip deletes its link', async () => {
    const { tripId } = await setup();
    const { url } = await anna.trpc.shareLinks.createShareLink.mutate({ tripId });
    await anna.trpc.trips.deleteTrip.mutate({ tripId });
    expect((await page(tokenOf(url))).status).toBe(404);
  });
});
