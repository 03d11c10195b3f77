// Place details, reverse geocoding, place search with categories and photos, map links (Google incl. short links
// followed through the outbound guard, OpenStreetMap, Apple Maps, geo:) and shared Google Maps lists — through real
// HTTP and a real database, every outside service replaced by a local fake server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { startTestServer } from '../helpers/server';
import { expectTrpcError, makeUser } from '../helpers/users';
import { FAKE_LIST, FAKE_PLACE, FAKE_REVERSE, fakeGeoEnv, startFakeGeoServices, type FakeGeoServices } from '../helpers/fake-geo-services';

let fake: FakeGeoServices;
beforeAll(async () => {
  fake = await startFakeGeoServices();
});
afterAll(() => fake.close());

const suite = procedureSuite(2, () => fakeGeoEnv(fake));
let anna: TestUser;
beforeAll(() => {
  [anna] = suite.users;
});

async function newTrip() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-02' });
  suite.clearEvents();
  return trip;
}
const placeCount = (tripId: number) => suite.server.services.db.place.count({ where: { tripId } });

describe('geo.getPlaceDetails', () => {
  it('gives opening hours, website, phone, address, category and a Commons photo, and caches them', async () => {
    const { details } = await anna.trpc.geo.getPlaceDetails.query({ placeId: 'node:100' });
    expect(details).toMatchObject({
      source: 'openstreetmap',
      osmId: 'N100',
      osmUrl: 'https://www.openstreetmap.org/node/100',
      name: FAKE_PLACE.name,
      address: FAKE_PLACE.address,
      lat: FAKE_PLACE.lat,
      openingHours: FAKE_PLACE.openingHours,
      website: FAKE_PLACE.website,
      phone: FAKE_PLACE.phone,
      categoryKey: 'sight',
      rating: null,
      photoUrl: 'https://commons.wikimedia.org/wiki/Special:FilePath/Torre_de_Bel%C3%A9m.jpg?width=640',
    });
    const lookups = () => fake.requests.filter((r) => r.startsWith('/lookup')).length;
    const before = lookups();
    await anna.trpc.geo.getPlaceDetails.query({ placeId: 'N100', lang: 'en' });
    expect(lookups()).toBe(before);
    expect(fake.requests.filter((r) => r.startsWith('/lookup')).at(-1)).toContain('extratags=1');
  });

  it('says clearly when OpenStreetMap has no such place, and refuses ids that are not OSM ids', async () => {
    const missing = await expectTrpcError(anna.trpc.geo.getPlaceDetails.query({ placeId: 'W999' }));
    expect(missing).toMatchObject({ code: 'BAD_REQUEST', message: 'OpenStreetMap has no place W999' });
    expect(missing.data?.i18n?.key).toBe('errors.placeDetailsNotFound');
    const bad = await expectTrpcError(anna.trpc.geo.getPlaceDetails.query({ placeId: 'ChIJ-google' }));
    expect(bad.message).toContain('placeId');
  });
});

describe('geo.reverseGeocode', () => {
  it('names the place at coordinates, and gives nulls where nothing is', async () => {
    expect(await anna.trpc.geo.reverseGeocode.query({ lat: 38.7107, lng: -9.1373 })).toEqual({ name: FAKE_REVERSE.name, address: FAKE_REVERSE.address });
    expect(await anna.trpc.geo.reverseGeocode.query({ lat: 0, lng: 0 })).toEqual({ name: null, address: null });
  });
});

describe('places.searchPlace', () => {
  it('gives each result its Waymark category and photo', async () => {
    const { results } = await anna.trpc.places.searchPlace.query({ query: 'Torre', limit: 3 });
    const { categories } = await anna.trpc.places.listCategories.query();
    expect(results[0]).toMatchObject({
      name: FAKE_PLACE.name,
      osmId: 'N100',
      category: 'tourism:attraction',
      categoryKey: 'sight',
      categoryId: categories.find((c) => c.key === 'sight')!.id,
      photoUrl: expect.stringContaining('Special:FilePath/Torre_de_Bel'),
    });
  });
});

describe('geo.resolveMapsUrl', () => {
  it('follows a maps.app.goo.gl short link through the guard and reads the pin', async () => {
    const result = await anna.trpc.geo.resolveMapsUrl.query({ url: 'https://maps.app.goo.gl/chained-link' });
    expect(result).toMatchObject({ kind: 'place', name: 'Torre de Belém', lat: 38.6916, lng: -9.216, address: FAKE_REVERSE.address });
    expect(result.url).toMatch(/^https:\/\/www\.google\.com\/maps\/place\//);
    // both hops went to the fake (the short-link host is configurable); the Google page itself was never fetched
    expect(fake.requests).toEqual(expect.arrayContaining(['/chained-link', '/place-link']));
  });

  it('reads OpenStreetMap, Apple Maps and geo: links, filling a missing name or coordinates', async () => {
    await expect(anna.trpc.geo.resolveMapsUrl.query({ url: 'https://www.openstreetmap.org/?mlat=38.7107&mlon=-9.1373#map=17/38.7107/-9.1373' })).resolves.toMatchObject({
      kind: 'place',
      name: FAKE_REVERSE.name,
      lat: 38.7107,
      lng: -9.1373,
    });
    await expect(anna.trpc.geo.resolveMapsUrl.query({ url: 'https://maps.apple.com/?ll=38.7139,-9.1334&q=Castelo%20de%20S%C3%A3o%20Jorge' })).resolves.toMatchObject({
      name: 'Castelo de São Jorge',
      lat: 38.7139,
      lng: -9.1334,
    });
    // a name without coordinates: the place search finds them
    await expect(anna.trpc.geo.resolveMapsUrl.query({ url: 'https://maps.apple.com/?q=Torre' })).resolves.toMatchObject({ name: 'Torre', lat: FAKE_PLACE.lat, lng: FAKE_PLACE.lng });
    await expect(anna.trpc.geo.resolveMapsUrl.query({ url: 'geo:38.7,-9.1' })).resolves.toMatchObject({ name: FAKE_REVERSE.name, lat: 38.7, lng: -9.1 });
  });

  it('reads a shared Google Maps list', async () => {
    const result = await anna.trpc.geo.resolveMapsUrl.query({ url: 'https://maps.app.goo.gl/list-link' });
    expect(result).toMatchObject({ kind: 'list', listName: FAKE_LIST.name, places: FAKE_LIST.places.map((p) => ({ ...p, source: 'google' })) });
  });

  it('refuses links it cannot read, redirect loops and private targets, with clear errors', async () => {
    const unreadable = await expectTrpcError(anna.trpc.geo.resolveMapsUrl.query({ url: 'https://example.com/somewhere' }));
    expect(unreadable.data?.i18n?.key).toBe('errors.mapUrlUnreadable');
    const loop = await expectTrpcError(anna.trpc.geo.resolveMapsUrl.query({ url: 'https://maps.app.goo.gl/looping-link' }));
    expect(loop).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('more than 5 redirects') });
    expect(loop.data?.i18n?.key).toBe('errors.mapLinkUnavailable');

    const guarded = await startTestServer({ ...fakeGeoEnv(fake), OUTBOUND_ALLOW_PRIVATE: 'false' });
    try {
      const user = await makeUser(guarded);
      const before = fake.requests.length;
      const refused = await expectTrpcError(user.trpc.geo.resolveMapsUrl.query({ url: 'https://maps.app.goo.gl/place-link' }));
      expect(refused.message).toContain('refused to contact 127.0.0.1');
      expect(fake.requests.length).toBe(before);
    } finally {
      await guarded.close();
    }
  });
});

describe('places.importPlacesFromUrl', () => {
  it('adds the place behind a short link, with name, pin and address, and announces it', async () => {
    const trip = await newTrip();
    const { kind, places } = await anna.trpc.places.importPlacesFromUrl.mutate({ tripId: trip.id, url: 'https://maps.app.goo.gl/place-link' });
    expect(kind).toBe('place');
    expect(places).toEqual([expect.objectContaining({ name: 'Torre de Belém', lat: 38.6916, lng: -9.216, address: FAKE_REVERSE.address, url: 'https://maps.app.goo.gl/place-link' })]);
    expect(suite.tripEvents().map((e) => e.event)).toEqual(['place.created']);
  });

  it('adds every place of a shared Google Maps list in one step', async () => {
    const trip = await newTrip();
    const result = await anna.trpc.places.importPlacesFromUrl.mutate({ tripId: trip.id, url: 'https://maps.app.goo.gl/list-link' });
    expect(result).toMatchObject({ kind: 'list', listName: FAKE_LIST.name });
    expect(result.places.map((p) => [p.name, p.lat, p.lng, p.address])).toEqual(FAKE_LIST.places.map((p) => [p.name, p.lat, p.lng, p.address]));
    expect(await placeCount(trip.id)).toBe(3);
    expect(suite.tripEvents().filter((e) => e.event === 'place.created')).toHaveLength(3);
  });

  it('adds nothing when the link service is down', async () => {
    const trip = await newTrip();
    fake.down = true;
    try {
      const error = await expectTrpcError(anna.trpc.places.importPlacesFromUrl.mutate({ tripId: trip.id, url: 'https://maps.app.goo.gl/list-link' }));
      expect(error.data?.i18n?.key).toBe('errors.mapLinkUnavailable');
    } finally {
      fake.down = false;
    }
    expect(await placeCount(trip.id)).toBe(0);
    expect(suite.tripEvents()).toEqual([]);
  });
});
