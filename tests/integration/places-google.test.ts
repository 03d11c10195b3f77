// Google Places as the second provider once an administrator saves a key (search, details with rating, photos whose
// URLs expire and are renewed), the key kept secret, Wikimedia / OpenStreetMap without a key; and the administrator's
// map tiles. Real HTTP, a real database, Google's API replaced by the local fake server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';
import { FAKE_GOOGLE, FAKE_PLACE, fakeGeoEnv, startFakeGeoServices, type FakeGeoServices } from '../helpers/fake-geo-services';

let fake: FakeGeoServices;
beforeAll(async () => {
  fake = await startFakeGeoServices();
});
afterAll(() => fake.close());

const suite = procedureSuite([{ displayName: 'Anna', admin: true }, { displayName: 'Ben' }], () => fakeGeoEnv(fake));
let anna: TestUser;
let ben: TestUser;
beforeAll(() => {
  [anna, ben] = suite.users;
});

const googleCalls = () => fake.requests.filter((r) => r.startsWith('/v1/'));
const setKey = (apiKey: string | null) => anna.trpc.geo.setGooglePlacesKey.mutate({ apiKey });

describe('Google Places key (Admin → Map)', () => {
  it('without a key, search and details come from OpenStreetMap and Google is never asked', async () => {
    const { results } = await ben.trpc.places.searchPlace.query({ query: 'Torre', limit: 2 });
    expect(results[0]).toMatchObject({ osmId: FAKE_PLACE.osmId, name: FAKE_PLACE.name });
    expect(results[0].placeId).toBeUndefined();
    const refused = await expectTrpcError(ben.trpc.geo.getPlaceDetails.query({ placeId: FAKE_GOOGLE.placeId }));
    expect(refused.data?.i18n?.key).toBe('errors.googlePlacesNotConfigured');
    expect(googleCalls()).toEqual([]);
  });

  it('is stored, shown only as its last four characters, kept out of the audit log, and only admins may set it', async () => {
    const forbidden = await expectTrpcError(ben.trpc.geo.setGooglePlacesKey.mutate({ apiKey: FAKE_GOOGLE.apiKey }));
    expect(forbidden.data?.code).toBe('FORBIDDEN');
    const bad = await expectTrpcError(setKey('not a key'));
    expect(bad.data?.code).toBe('BAD_REQUEST');
    expect(await anna.trpc.geo.getMapAdminSettings.query()).toMatchObject({ googlePlaces: { configured: false, keyHint: null } });

    expect(await setKey(FAKE_GOOGLE.apiKey)).toEqual({ googlePlaces: { configured: true, keyHint: '…abcd' } });
    const settings = await anna.trpc.geo.getMapAdminSettings.query();
    expect(settings.googlePlaces).toEqual({ configured: true, keyHint: '…abcd' });
    expect(JSON.stringify(settings)).not.toContain(FAKE_GOOGLE.apiKey);
    const audit = await suite.server.services.db.auditLog.findMany({ where: { action: 'admin.google_places_key' } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(FAKE_GOOGLE.apiKey.slice(0, 12));
  });

  it('search answers from Google with placeId, category and a photo; the key travels in the header only', async () => {
    const { results } = await ben.trpc.places.searchPlace.query({ query: 'Torre', limit: 3 });
    const { categories } = await ben.trpc.places.listCategories.query();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      placeId: FAKE_GOOGLE.placeId,
      name: FAKE_GOOGLE.name,
      address: FAKE_GOOGLE.address,
      lat: FAKE_GOOGLE.lat,
      lng: FAKE_GOOGLE.lng,
      category: 'tourist_attraction',
      categoryKey: 'sight',
      categoryId: categories.find((c) => c.key === 'sight')!.id,
    });
    expect(results[0].osmId).toBeUndefined();
    expect(results[0].photoUrl).toMatch(new RegExp(`^${fake.url}/google-photos/AUfakePhoto1\\.png\\?v=\\d+#google-photo=${FAKE_GOOGLE.photoName}$`));
    expect(fake.googleKeys.every((k) => k === FAKE_GOOGLE.apiKey)).toBe(true);
    expect(fake.requests.some((r) => r.includes(FAKE_GOOGLE.apiKey))).toBe(false);
    expect(fake.requests.filter((r) => r.startsWith('/search'))).toHaveLength(1); // only the keyless search above
    const none = await ben.trpc.places.searchPlace.query({ query: 'nothing here' });
    expect(none.results).toEqual([]);
  });

  it('details give opening hours, website, phone and the rating', async () => {
    const { details } = await ben.trpc.geo.getPlaceDetails.query({ placeId: FAKE_GOOGLE.placeId });
    expect(details).toMatchObject({
      source: 'google',
      name: FAKE_GOOGLE.name,
      address: FAKE_GOOGLE.address,
      website: FAKE_GOOGLE.website,
      phone: FAKE_GOOGLE.phone,
      openingHours: FAKE_GOOGLE.openingHours.join('; '),
      rating: FAKE_GOOGLE.rating,
      categoryKey: 'sight',
      photoUrl: expect.stringContaining('/google-photos/'),
    });
    expect(details).toMatchObject({ mapsUrl: FAKE_GOOGLE.mapsUrl });
    const missing = await expectTrpcError(ben.trpc.geo.getPlaceDetails.query({ placeId: 'ChIJnoSuchPlace000' }));
    expect(missing).toMatchObject({ message: 'Google Places has no place ChIJnoSuchPlace000' });
    expect(missing.data?.i18n?.key).toBe('errors.googlePlaceNotFound');
    // OpenStreetMap ids still go to OpenStreetMap
    expect((await ben.trpc.geo.getPlaceDetails.query({ placeId: FAKE_PLACE.osmId })).details).toMatchObject({ source: 'openstreetmap', rating: null });
  });

  it('a place keeps its Google photo; when the URL expired, refresh asks Google again and stores the new URL', async () => {
    const { trip } = await ben.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-02' });
    const { results } = await ben.trpc.places.searchPlace.query({ query: 'Torre' });
    const { place } = await ben.trpc.places.createPlace.mutate({ tripId: trip.id, name: results[0].name, photoUrl: results[0].photoUrl });
    expect(place.photoUrl).toBe(results[0].photoUrl!.split('#')[0]);
    const row = await suite.server.services.db.place.findUniqueOrThrow({ where: { id: place.id } });
    expect(row).toMatchObject({ photoSource: 'google', photoRef: FAKE_GOOGLE.photoName });

    fake.expireGooglePhotos();
    const expired = await fetch(place.photoUrl!);
    expect(expired.status).toBe(404);
    const mediaBefore = googleCalls().filter((r) => r.includes('/media')).length;
    const refreshed = await ben.trpc.places.refreshPlacePhoto.mutate({ tripId: trip.id, placeId: place.id, failedUrl: place.photoUrl! });
    expect(googleCalls().filter((r) => r.includes('/media'))).toHaveLength(mediaBefore + 1);
    expect(refreshed.photoUrl).toMatch(/\/google-photos\/AUfakePhoto1\.png\?v=\d+$/);
    expect(refreshed.photoUrl).not.toBe(place.photoUrl);
    expect((await fetch(refreshed.photoUrl!)).status).toBe(200);
    expect(refreshed.place.photoUrl).toBe(refreshed.photoUrl);
    expect(suite.tripEvents().map((e) => e.event)).toContain('place.updated');
    expect((await suite.server.services.db.place.findUniqueOrThrow({ where: { id: place.id } })).photoUrl).toBe(refreshed.photoUrl);
  });

  it('a key Google refuses makes search clearly unavailable; removing the key brings OpenStreetMap back', async () => {
    await setKey('AIzaWrongKeyForTests_00000000000');
    const refused = await expectTrpcError(ben.trpc.places.searchPlace.query({ query: 'Torre wrong key' }));
    expect(refused.data?.i18n?.key).toBe('errors.placeSearchUnavailable');
    expect(refused.message).toContain('HTTP 403');

    expect(await setKey(null)).toEqual({ googlePlaces: { configured: false, keyHint: null } });
    const { results } = await ben.trpc.places.searchPlace.query({ query: 'Torre after' });
    expect(results[0].osmId).toBe(FAKE_PLACE.osmId);
  });
});

describe('map tiles (Admin → Map)', () => {
  const osm = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

  it('the environment is the default; an admin template and plain-text attribution replace it for everyone, null restores it', async () => {
    expect((await ben.trpc.geo.mapSettings.query()).tiles.url).toBe(osm);
    const saved = await anna.trpc.geo.setMapTiles.mutate({ tiles: { url: 'https://{s}.tiles.example.test/{z}/{x}/{y}@2x.png', attribution: '© Example <b>Maps</b>' } });
    expect(saved).toEqual({ tiles: { url: 'https://{s}.tiles.example.test/{z}/{x}/{y}@2x.png', attribution: '© Example &#60;b&#62;Maps&#60;/b&#62;' }, custom: true });
    expect((await ben.trpc.geo.mapSettings.query()).tiles).toEqual(saved.tiles);
    expect((await anna.trpc.geo.getMapAdminSettings.query()).tiles).toEqual({ url: 'https://{s}.tiles.example.test/{z}/{x}/{y}@2x.png', attribution: '© Example <b>Maps</b>' });

    await anna.trpc.geo.setMapTiles.mutate({ tiles: null });
    expect((await ben.trpc.geo.mapSettings.query()).tiles.url).toBe(osm);
  });

  it('refuses templates without {z}/{x}/{y} or http(s), and overlong attribution, writing nothing', async () => {
    const count = () => suite.server.services.db.instanceSetting.count({ where: { key: 'mapTiles' } });
    for (const tiles of [
      { url: 'https://tiles.example.test/{z}/{x}.png', attribution: 'x' },
      { url: 'javascript:alert(1)//{z}/{x}/{y}', attribution: 'x' },
      { url: 'ftp://tiles.example.test/{z}/{x}/{y}.png', attribution: 'x' },
      { url: 'https://tiles.example.test/{z}/{x}/{y}.png', attribution: 'x'.repeat(301) },
      { url: 'https://tiles.example.test/{z}/{x}/{y}.png', attribution: '  ' },
    ]) {
      const error = await expectTrpcError(anna.trpc.geo.setMapTiles.mutate({ tiles }));
      expect(error.data?.code).toBe('BAD_REQUEST');
    }
    expect(await count()).toBe(0);
    const forbidden = await expectTrpcError(ben.trpc.geo.setMapTiles.mutate({ tiles: null }));
    expect(forbidden.data?.code).toBe('FORBIDDEN');
  });
});
