// The Atlas through real HTTP and a real database: countries from trips' place coordinates (never from address
// text), hand-made country and region marks kept apart, the bucket list, the stats, events on the user's own
// channel, bad input refused with nothing written, and the addon switch.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }, { displayName: 'Cem' }]);
let server: TestServer;
let anna: TestUser, ben: TestUser, cem: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, cem] } = suite);
});

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const userEvents = (userId: number) => suite.events.filter((e) => e.channel === `private-user-${userId}`);
const codes = (list: { code: string }[]) => list.map((c) => c.code);

/** A trip with places; the address text deliberately names the wrong country, so only coordinates can be trusted. */
async function tripWith(user: TestUser, title: string, start: string | null, end: string | null, places: Array<{ name: string; lat: number; lng: number }>) {
  const { trip } = await user.trpc.trips.createTrip.mutate({ title, ...(start ? { startDate: start, endDate: end! } : {}) });
  for (const p of places) await user.trpc.places.createPlace.mutate({ tripId: trip.id, name: p.name, lat: p.lat, lng: p.lng, address: `${p.name}, Atlantis` });
  return trip.id;
}

const PARIS = { name: 'Louvre', lat: 48.8606, lng: 2.3376 };
const EIFFEL = { name: 'Eiffel Tower', lat: 48.8584, lng: 2.2945 };
const LYON = { name: 'Lyon', lat: 45.764, lng: 4.8357 };
const BERLIN = { name: 'Reichstag', lat: 52.5186, lng: 13.3762 };
const TOKYO = { name: 'Senso-ji', lat: 35.7148, lng: 139.7967 };
const NUUK = { name: 'Nuuk', lat: 64.1814, lng: -51.6941 };

describe('countries from trips, by coordinates', () => {
  it('finds France and Germany from a past trip, ignores a planned one, and counts cities, days and places', async () => {
    await tripWith(anna, 'Paris & Berlin', isoDay(-40), isoDay(-31), [PARIS, EIFFEL, LYON, BERLIN]);
    await tripWith(anna, 'Tokyo next year', isoDay(30), isoDay(35), [TOKYO]);
    const { stats } = await anna.trpc.atlas.getAtlasStats.query();
    expect(codes(stats.countries)).toEqual(['DE', 'FR']);
    expect(stats.countries.find((c) => c.code === 'FR')).toMatchObject({ name: 'France', continent: 'Europe', placeCount: 3, tripCount: 1, fromTrips: true, markedByHand: false, firstVisit: isoDay(-40) });
    expect(stats.totals).toMatchObject({ countries: 2, continents: 1, trips: 2, places: 4, days: 10, cities: 3, regions: 0 });
    expect(stats.continents).toEqual({ Europe: 2 });
    expect(stats.nextTrip).toMatchObject({ title: 'Tokyo next year', daysUntil: 30 });
    expect(stats.latestTrip).toMatchObject({ title: 'Paris & Berlin' });
    expect(stats.mostVisited).toMatchObject({ code: 'FR' });
  });

  it('a trip shared with ben counts for ben too; Greenland counts as its own territory, in North America', async () => {
    const tripId = await tripWith(ben, 'Arctic', isoDay(-400), isoDay(-395), [NUUK]);
    await ben.trpc.members.addTripMember.mutate({ tripId, identifier: cem.user.email });
    const { countries } = await cem.trpc.atlas.listVisitedCountries.query();
    expect(countries).toMatchObject([{ code: 'GL', continent: 'North America', fromTrips: true }]);
    const { stats } = await cem.trpc.atlas.getAtlasStats.query();
    expect(stats.firstYear).toBe(Number(isoDay(-400).slice(0, 4)));
  });

  it('get_country_atlas_places lists the places and trips in a country', async () => {
    const result = await anna.trpc.atlas.getCountryAtlasPlaces.query({ countryCode: 'fr' });
    expect(result.places.map((p) => p.name).sort()).toEqual(['Eiffel Tower', 'Louvre', 'Lyon']);
    expect(result.trips.map((t) => t.title)).toEqual(['Paris & Berlin']);
    expect(result.markedByHand).toBe(false);
  });
});

describe('marks by hand stay apart from trips and from each other', () => {
  it('marking a region makes its country visited without marking the country; unmarking it takes the country away again', async () => {
    const { region } = await ben.trpc.atlas.markRegionVisited.mutate({ regionCode: 'us-ca', countryCode: 'US' });
    expect(region).toMatchObject({ regionCode: 'US-CA', regionName: 'California', countryCode: 'US' });
    expect(userEvents(ben.user.id)).toMatchObject([{ event: 'atlas.region.marked' }]);
    let { countries } = await ben.trpc.atlas.listVisitedCountries.query();
    expect(countries.find((c) => c.code === 'US')).toMatchObject({ markedByHand: false, markedRegions: 1, fromTrips: false });
    const out = await ben.trpc.atlas.unmarkRegionVisited.mutate({ regionCode: 'US-CA' });
    expect(out).toMatchObject({ countryStillVisited: false });
    ({ countries } = await ben.trpc.atlas.listVisitedCountries.query());
    expect(codes(countries)).not.toContain('US');
  });

  it('unmarking the last region never unmarks a country marked by hand', async () => {
    await ben.trpc.atlas.markCountryVisited.mutate({ countryCode: 'it' });
    await ben.trpc.atlas.markRegionVisited.mutate({ regionCode: 'IT-21', regionName: 'Piemont', countryCode: 'IT' });
    const out = await ben.trpc.atlas.unmarkRegionVisited.mutate({ regionCode: 'it-21' });
    expect(out).toMatchObject({ success: true, countryCode: 'IT', countryStillVisited: true });
    const { countries } = await ben.trpc.atlas.listVisitedCountries.query();
    expect(countries.find((c) => c.code === 'IT')).toMatchObject({ markedByHand: true, markedRegions: 0 });
  });

  it('unmarking a country drops its regions, but a country the trips show stays visited', async () => {
    await anna.trpc.atlas.markCountryVisited.mutate({ countryCode: 'FR' });
    await anna.trpc.atlas.markRegionVisited.mutate({ regionCode: 'FR-75C' });
    suite.clearEvents();
    const out = await anna.trpc.atlas.unmarkCountryVisited.mutate({ countryCode: 'FR' });
    expect(out).toEqual({ success: true, countryCode: 'FR', removedRegions: ['FR-75C'], stillVisitedFromTrips: true });
    expect(userEvents(anna.user.id)).toMatchObject([{ event: 'atlas.country.unmarked', payload: { countryCode: 'FR', regionCodes: ['FR-75C'] } }]);
    expect((await anna.trpc.atlas.listVisitedRegions.query()).regions).toEqual([]);
    expect(codes((await anna.trpc.atlas.listVisitedCountries.query()).countries)).toContain('FR');
  });

  it('marking twice changes nothing and publishes nothing; unmarking what is not marked is NOT_FOUND', async () => {
    await cem.trpc.atlas.markCountryVisited.mutate({ countryCode: 'PT' });
    suite.clearEvents();
    expect(await cem.trpc.atlas.markCountryVisited.mutate({ countryCode: 'PT' })).toMatchObject({ alreadyMarked: true });
    expect(suite.events).toEqual([]);
    const error = await expectTrpcError(cem.trpc.atlas.unmarkCountryVisited.mutate({ countryCode: 'ES' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.data?.i18n?.key).toBe('errors.atlasCountryNotMarked');
  });

  it('refuses unknown countries and regions, and a region of another country, writing nothing', async () => {
    const before = await server.services.db.atlasRegionMark.count();
    for (const call of [
      () => cem.trpc.atlas.markCountryVisited.mutate({ countryCode: 'ZZ' }),
      () => cem.trpc.atlas.markRegionVisited.mutate({ regionCode: 'FR-999' }),
      () => cem.trpc.atlas.markRegionVisited.mutate({ regionCode: 'DE-BY', countryCode: 'AT' }),
    ]) {
      const error = await expectTrpcError(call());
      expect(error.code).toBe('BAD_REQUEST');
    }
    expect(await server.services.db.atlasRegionMark.count()).toBe(before);
    expect(await server.services.db.atlasCountryMark.count({ where: { countryCode: 'ZZ' } })).toBe(0);
  });

  it('lists a country’s ISO 3166-2 regions with the ones marked', async () => {
    await cem.trpc.atlas.markRegionVisited.mutate({ regionCode: 'DE-BY' });
    const { regions } = await cem.trpc.atlas.listCountryRegions.query({ countryCode: 'DE' });
    expect(regions).toHaveLength(16);
    expect(regions.find((r) => r.code === 'DE-BY')).toMatchObject({ name: 'Bayern', visited: true });
    expect(regions.find((r) => r.code === 'DE-BE')).toMatchObject({ visited: false });
  });
});

describe('bucket list', () => {
  it('adds a place (country from its coordinates), changes it partially, clears fields, lists newest first', async () => {
    const { item: kyoto } = await anna.trpc.atlas.createBucketListItem.mutate({ name: 'Kyoto', lat: 35.0116, lng: 135.7681, countryCode: null, notes: 'cherry blossom' });
    expect(kyoto).toMatchObject({ name: 'Kyoto', countryCode: 'JP', targetDate: null, notes: 'cherry blossom' });
    const { item: peru } = await anna.trpc.atlas.createBucketListItem.mutate({ name: 'Peru', countryCode: 'pe', targetDate: '2030-05-01' });
    expect(peru).toMatchObject({ countryCode: 'PE', targetDate: '2030-05-01', lat: null });
    expect(userEvents(anna.user.id).map((e) => e.event)).toEqual(['atlas.bucket.created', 'atlas.bucket.created']);
    expect((await anna.trpc.atlas.listBucketList.query()).items.map((i) => i.id)).toEqual([peru.id, kyoto.id]);

    const { item } = await anna.trpc.atlas.updateBucketListItem.mutate({ itemId: kyoto.id, targetDate: '2031-04-01' });
    expect(item).toMatchObject({ name: 'Kyoto', countryCode: 'JP', lat: 35.0116, targetDate: '2031-04-01', notes: 'cherry blossom' });
    const cleared = await anna.trpc.atlas.updateBucketListItem.mutate({ itemId: kyoto.id, notes: '', lat: null, lng: null, countryCode: '', targetDate: '' });
    expect(cleared.item).toMatchObject({ notes: '', lat: null, lng: null, countryCode: null, targetDate: null });
    const moved = await anna.trpc.atlas.updateBucketListItem.mutate({ itemId: kyoto.id, lat: 34.6937, lng: 135.5023 });
    expect(moved.item).toMatchObject({ countryCode: 'JP' });
    const wrong = await expectTrpcError(anna.trpc.atlas.updateBucketListItem.mutate({ itemId: kyoto.id, countryCode: 'ZZ' }));
    expect(wrong.message).toBe('countryCode: must be a two-letter ISO 3166-1 country code such as FR, or "" to clear');
  });

  it('refuses half coordinates and long notes; another user’s item is NOT_FOUND and stays', async () => {
    const { item } = await ben.trpc.atlas.createBucketListItem.mutate({ name: 'Iceland', countryCode: 'IS' });
    suite.clearEvents();
    const half = await expectTrpcError(anna.trpc.atlas.createBucketListItem.mutate({ name: 'Somewhere', lat: 10 }));
    expect(half.data?.i18n?.key).toBe('errors.atlasCoordinatesPair');
    const long = await expectTrpcError(anna.trpc.atlas.createBucketListItem.mutate({ name: 'Somewhere', notes: 'x'.repeat(1001) }));
    expect(long.message).toMatch(/^notes:/);
    for (const call of [() => anna.trpc.atlas.updateBucketListItem.mutate({ itemId: item.id, name: 'mine' }), () => anna.trpc.atlas.deleteBucketListItem.mutate({ itemId: item.id })]) {
      expect((await expectTrpcError(call())).code).toBe('NOT_FOUND');
    }
    expect(await server.services.db.bucketListItem.findUnique({ where: { id: item.id } })).toMatchObject({ name: 'Iceland' });
    expect(suite.events).toEqual([]);
    await ben.trpc.atlas.deleteBucketListItem.mutate({ itemId: item.id });
    expect(userEvents(ben.user.id)).toMatchObject([{ event: 'atlas.bucket.deleted', payload: { itemId: item.id } }]);
  });
});

describe('the addon switch', () => {
  it('with the atlas addon off, every Atlas call is FORBIDDEN', async () => {
    await server.services.addons.set('atlas', false);
    try {
      const error = await expectTrpcError(anna.trpc.atlas.getAtlasStats.query());
      expect(error.code).toBe('FORBIDDEN');
      expect(error.data?.i18n?.key).toBe('errors.addonDisabled');
    } finally {
      await server.services.addons.set('atlas', true);
    }
  });
});
