import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/helpers/server';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError, trpcClient, notMemberMessage } from '../../../tests/helpers/users';

// A local stand-in for Nominatim's /search?format=jsonv2.
const nominatimRequests: URL[] = [];
const nominatim = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://fake');
  nominatimRequests.push(url);
  const q = url.searchParams.get('q') ?? '';
  if (q === 'explode') {
    req.socket.destroy();
    return;
  }
  res.setHeader('Content-Type', 'application/json');
  if (url.pathname !== '/search' || url.searchParams.get('format') !== 'jsonv2') {
    res.statusCode = 400;
    res.end('[]');
    return;
  }
  res.end(
    JSON.stringify([
      { osm_type: 'way', osm_id: 123, lat: '38.6916', lon: '-9.2160', name: `${q} Tower`, display_name: `${q} Tower, Belém, Lisboa, Portugal`, category: 'tourism', type: 'attraction' },
      { osm_type: 'node', osm_id: 456, lat: '38.6970', lon: '-9.2063', name: '', display_name: `${q} Monastery, Lisboa`, category: 'amenity', type: 'place_of_worship' },
    ]),
  );
});

beforeAll(async () => {
  await new Promise<void>((resolve) => nominatim.listen(0, '127.0.0.1', resolve));
  nominatimPort = (nominatim.address() as AddressInfo).port;
});
let nominatimPort = 0;
const suite = procedureSuite(2, () => ({ NOMINATIM_URL: `http://127.0.0.1:${nominatimPort}`, OUTBOUND_ALLOW_PRIVATE: 'true' }));
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser;
let ben: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben] } = suite);
});
afterAll(async () => {
  await new Promise((resolve) => nominatim.close(resolve));
});

async function newTrip() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-03' });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  suite.clearEvents();
  return { trip, days };
}
const placeCount = (tripId: number) => server.services.db.place.count({ where: { tripId } });

describe('places.createPlace', () => {
  it('creates a place with category and own tags and emits place.created', async () => {
    const { trip } = await newTrip();
    const { categories } = await anna.trpc.places.listCategories.query();
    const museum = categories.find((c) => c.key === 'museum')!;
    const { tag } = await anna.trpc.tags.createTag.mutate({ name: `art-${trip.id}` });
    const { place } = await anna.trpc.places.createPlace.mutate({
      tripId: trip.id,
      name: 'MAAT',
      address: 'Av. Brasília, Lisboa',
      lat: 38.6957,
      lng: -9.1996,
      categoryId: museum.id,
      url: 'https://www.maat.pt',
      tagIds: [tag.id],
    });
    expect(place).toMatchObject({ name: 'MAAT', lat: 38.6957, categoryId: museum.id, tagIds: [tag.id], assignedDayIds: [] });
    const row = await server.services.db.place.findUniqueOrThrow({ where: { id: place.id }, include: { tags: true } });
    expect(row.createdById).toBe(anna.user.id);
    expect(row.tags.map((t) => t.tagId)).toEqual([tag.id]);
    expect(tripEvents()).toMatchObject([{ event: 'place.created', payload: { place: { id: place.id, name: 'MAAT' } } }]);
  });

  it('rejects bad fields with messages naming them and writes nothing', async () => {
    const { trip } = await newTrip();
    const { tag: bensTag } = await ben.trpc.tags.createTag.mutate({ name: `ben-${trip.id}` });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name: must not be empty'],
      [{ name: 'n'.repeat(201) }, 'name: must be at most 200 characters'],
      [{ name: 'A', notes: 'n'.repeat(5001) }, 'notes: must be at most 5000 characters'],
      [{ name: 'A', lat: 91, lng: 0 }, 'lat: must be between -90 and 90'],
      [{ name: 'A', lat: 10 }, 'lng: lat and lng go together'],
      [{ name: 'A', url: 'ftp://x' }, 'url: must be a web address'],
      [{ name: 'A', categoryId: 99999 }, 'categoryId: there is no category 99999'],
      [{ name: 'A', tagIds: [bensTag.id] }, `tagIds: tag ${bensTag.id} is not one of your tags`],
      [{ name: 'A', tagIds: Array.from({ length: 501 }, (_, i) => i + 1) }, 'tagIds: must list at most 500 items per call'],
    ];
    for (const [input, message] of cases) {
      const error = await expectTrpcError(anna.trpc.places.createPlace.mutate({ tripId: trip.id, ...input } as never));
      expect(error.code, message).toBe('BAD_REQUEST');
      expect(error.message).toContain(message);
    }
    expect(await placeCount(trip.id)).toBe(0);
    expect(tripEvents()).toEqual([]);
  });

  it('denies a non-member and writes nothing', async () => {
    const { trip } = await newTrip();
    const error = await expectTrpcError(ben.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Sneaky' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await placeCount(trip.id)).toBe(0);
  });
});

describe('places.createAndAssignPlace', () => {
  it('creates the place and puts it last on the day in one call, emitting place.created then assignment.created', async () => {
    const { trip, days } = await newTrip();
    const first = await anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'Breakfast', dayId: days[1].id });
    const second = await anna.trpc.places.createAndAssignPlace.mutate({
      tripId: trip.id,
      name: 'Jerónimos',
      dayId: days[1].id,
      startTime: '10:00',
      endTime: '12:00',
    });
    expect(second.assignment).toMatchObject({ dayId: days[1].id, placeId: second.place.id, position: 1, startTime: '10:00', endTime: '12:00' });
    expect(second.place.assignedDayIds).toEqual([days[1].id]);
    expect(first.assignment.position).toBe(0);
    expect(tripEvents().map((e) => e.event)).toEqual(['place.created', 'assignment.created', 'place.created', 'assignment.created']);
  });

  it('rejects an end time before the start and a day of another trip, writing nothing', async () => {
    const { trip, days } = await newTrip();
    const other = await newTrip();
    const times = await expectTrpcError(
      anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'X', dayId: days[0].id, startTime: '12:00', endTime: '11:00' }),
    );
    expect(times.code).toBe('BAD_REQUEST');
    expect(times.message).toBe('endTime: must not be before startTime');
    const foreign = await expectTrpcError(anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'X', dayId: other.days[0].id }));
    expect(foreign.message).toBe(`Day ${other.days[0].id} not found in trip ${trip.id}`);
    const badTag = await expectTrpcError(anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'X', dayId: days[0].id, tagIds: [999999] }));
    expect(badTag.message).toBe('tagIds: tag 999999 is not one of your tags');
    expect(await placeCount(trip.id)).toBe(0);
    expect(await server.services.db.assignment.count({ where: { day: { tripId: trip.id } } })).toBe(0);
  });

  it('denies a non-member', async () => {
    const { trip, days } = await newTrip();
    const error = await expectTrpcError(ben.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'X', dayId: days[0].id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await placeCount(trip.id)).toBe(0);
  });
});

describe('places.listPlaces', () => {
  it('filters by assignment status, category, tag and text', async () => {
    const { trip, days } = await newTrip();
    const { categories } = await anna.trpc.places.listCategories.query();
    const cafe = categories.find((c) => c.key === 'cafe')!;
    const { tag } = await anna.trpc.tags.createTag.mutate({ name: `sweet-${trip.id}` });
    const pasteis = await anna.trpc.places.createAndAssignPlace.mutate({
      tripId: trip.id,
      name: 'Pastéis de Belém',
      categoryId: cafe.id,
      tagIds: [tag.id],
      dayId: days[0].id,
    });
    const tram = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Tram 28', notes: 'Board at Martim MONIZ early' });
    const names = async (filter: Record<string, unknown>) =>
      (await anna.trpc.places.listPlaces.query({ tripId: trip.id, ...filter })).places.map((p) => p.name);
    expect(await names({})).toEqual(['Pastéis de Belém', 'Tram 28']);
    expect(await names({ assigned: 'assigned' })).toEqual(['Pastéis de Belém']);
    expect(await names({ assigned: 'unassigned' })).toEqual(['Tram 28']);
    expect(await names({ categoryId: cafe.id })).toEqual(['Pastéis de Belém']);
    expect(await names({ tagId: tag.id })).toEqual(['Pastéis de Belém']);
    expect(await names({ search: 'martim moniz' })).toEqual(['Tram 28']);
    const { places } = await anna.trpc.places.listPlaces.query({ tripId: trip.id, search: 'BELÉM' });
    expect(places).toEqual([expect.objectContaining({ id: pasteis.place.id, tagIds: [tag.id], assignedDayIds: [days[0].id] })]);
    expect(tram.place.assignedDayIds).toEqual([]);
  });

  it('rejects an unknown assigned filter, naming the field', async () => {
    const { trip } = await newTrip();
    const error = await expectTrpcError(anna.trpc.places.listPlaces.query({ tripId: trip.id, assigned: 'some' as never }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('assigned: must be all, assigned or unassigned');
  });

  it('denies a non-member', async () => {
    const { trip } = await newTrip();
    const error = await expectTrpcError(ben.trpc.places.listPlaces.query({ tripId: trip.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
  });
});

describe('places.updatePlace', () => {
  it('changes only the sent fields, replaces own tags, keeps other members’ tags, and emits place.updated', async () => {
    const { trip } = await newTrip();
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
    const { tag: a1 } = await anna.trpc.tags.createTag.mutate({ name: `a1-${trip.id}` });
    const { tag: a2 } = await anna.trpc.tags.createTag.mutate({ name: `a2-${trip.id}` });
    const { tag: b1 } = await ben.trpc.tags.createTag.mutate({ name: `b1-${trip.id}` });
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Alfama', address: 'Old town', tagIds: [a1.id] });
    await ben.trpc.places.updatePlace.mutate({ tripId: trip.id, placeId: place.id, tagIds: [b1.id] });
    suite.clearEvents();
    const { place: updated } = await anna.trpc.places.updatePlace.mutate({ tripId: trip.id, placeId: place.id, name: 'Alfama district', tagIds: [a2.id] });
    expect(updated).toMatchObject({ name: 'Alfama district', address: 'Old town' });
    expect([...updated.tagIds].sort((x, y) => x - y)).toEqual([a2.id, b1.id].sort((x, y) => x - y));
    expect(tripEvents()).toMatchObject([{ event: 'place.updated', payload: { place: { id: place.id, name: 'Alfama district' } } }]);
  });

  it('rejects bad input and a place of another trip, leaving the place unchanged', async () => {
    const { trip } = await newTrip();
    const other = await newTrip();
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Miradouro' });
    const { place: foreign } = await anna.trpc.places.createPlace.mutate({ tripId: other.trip.id, name: 'Elsewhere' });
    const long = await expectTrpcError(anna.trpc.places.updatePlace.mutate({ tripId: trip.id, placeId: place.id, description: 'd'.repeat(5001) }));
    expect(long.message).toBe('description: must be at most 5000 characters');
    const wrongTrip = await expectTrpcError(anna.trpc.places.updatePlace.mutate({ tripId: trip.id, placeId: foreign.id, name: 'Moved' }));
    expect(wrongTrip.code).toBe('NOT_FOUND');
    expect(wrongTrip.message).toBe(`Place ${foreign.id} not found in trip ${trip.id}`);
    expect((await server.services.db.place.findUniqueOrThrow({ where: { id: place.id } })).description).toBe('');
    expect((await server.services.db.place.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe('Elsewhere');
  });

  it('denies a non-member', async () => {
    const { trip } = await newTrip();
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Miradouro' });
    const error = await expectTrpcError(ben.trpc.places.updatePlace.mutate({ tripId: trip.id, placeId: place.id, name: 'Mine' }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect((await server.services.db.place.findUniqueOrThrow({ where: { id: place.id } })).name).toBe('Miradouro');
  });
});

describe('places.deletePlace', () => {
  it('deletes the place with its assignments, closes the gap on the day and emits place.deleted', async () => {
    const { trip, days } = await newTrip();
    const a = await anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'A', dayId: days[0].id });
    const b = await anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'B', dayId: days[0].id });
    suite.clearEvents();
    expect(await anna.trpc.places.deletePlace.mutate({ tripId: trip.id, placeId: a.place.id })).toEqual({ deleted: true, placeId: a.place.id });
    const left = await server.services.db.assignment.findMany({ where: { dayId: days[0].id } });
    expect(left.map((x) => [x.id, x.position])).toEqual([[b.assignment.id, 0]]);
    expect(tripEvents()).toMatchObject([{ event: 'place.deleted', payload: { placeId: a.place.id } }]);
  });

  it('rejects a bad id and a place of another trip, deleting nothing', async () => {
    const { trip } = await newTrip();
    const other = await newTrip();
    const { place: foreign } = await anna.trpc.places.createPlace.mutate({ tripId: other.trip.id, name: 'Elsewhere' });
    const bad = await expectTrpcError(anna.trpc.places.deletePlace.mutate({ tripId: trip.id, placeId: 1.5 }));
    expect(bad.message).toContain('placeId');
    const wrong = await expectTrpcError(anna.trpc.places.deletePlace.mutate({ tripId: trip.id, placeId: foreign.id }));
    expect(wrong.message).toBe(`Place ${foreign.id} not found in trip ${trip.id}`);
    expect(await placeCount(other.trip.id)).toBe(1);
  });

  it('denies a non-member', async () => {
    const { trip } = await newTrip();
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Keep' });
    const error = await expectTrpcError(ben.trpc.places.deletePlace.mutate({ tripId: trip.id, placeId: place.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await placeCount(trip.id)).toBe(1);
  });
});

describe('places.bulkDeletePlaces', () => {
  it('deletes all listed places and emits places.deleted', async () => {
    const { trip } = await newTrip();
    const ids = [];
    for (const name of ['A', 'B', 'C']) ids.push((await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name })).place.id);
    suite.clearEvents();
    const result = await anna.trpc.places.bulkDeletePlaces.mutate({ tripId: trip.id, placeIds: [ids[0], ids[2]] });
    expect(result).toEqual({ deleted: 2, placeIds: [ids[0], ids[2]] });
    expect((await server.services.db.place.findMany({ where: { tripId: trip.id } })).map((p) => p.id)).toEqual([ids[1]]);
    expect(tripEvents()).toMatchObject([{ event: 'places.deleted', payload: { placeIds: [ids[0], ids[2]] } }]);
  });

  it('is all-or-nothing when an id is not in the trip, and checks the list size', async () => {
    const { trip } = await newTrip();
    const other = await newTrip();
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Mine' });
    const { place: foreign } = await anna.trpc.places.createPlace.mutate({ tripId: other.trip.id, name: 'Theirs' });
    const error = await expectTrpcError(anna.trpc.places.bulkDeletePlaces.mutate({ tripId: trip.id, placeIds: [place.id, foreign.id] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Place ${foreign.id} not found in trip ${trip.id}`);
    const empty = await expectTrpcError(anna.trpc.places.bulkDeletePlaces.mutate({ tripId: trip.id, placeIds: [] }));
    expect(empty.message).toBe('placeIds: must list at least one place id');
    const tooMany = await expectTrpcError(
      anna.trpc.places.bulkDeletePlaces.mutate({ tripId: trip.id, placeIds: Array.from({ length: 501 }, (_, i) => i + 1) }),
    );
    expect(tooMany.message).toBe('placeIds: must list at most 500 items per call');
    expect(await placeCount(trip.id)).toBe(1);
    expect(await placeCount(other.trip.id)).toBe(1);
  });

  it('denies a non-member', async () => {
    const { trip } = await newTrip();
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Keep' });
    const error = await expectTrpcError(ben.trpc.places.bulkDeletePlaces.mutate({ tripId: trip.id, placeIds: [place.id] }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await placeCount(trip.id)).toBe(1);
  });
});

describe('places.listCategories and categoriesResource', () => {
  it('list the ten seeded categories in order', async () => {
    const { categories } = await anna.trpc.places.listCategories.query();
    expect(categories).toHaveLength(10);
    expect(categories[0]).toMatchObject({ key: 'sight', name: 'Sight' });
    expect(categories.map((c) => c.key)).toContain('hotel');
    expect((await anna.trpc.places.categoriesResource.query()).categories).toEqual(categories);
  });

  it('refuse an anonymous caller', async () => {
    const anonymous = trpcClient(server);
    const error = await expectTrpcError(anonymous.places.listCategories.query());
    expect(error.code).toBe('UNAUTHORIZED');
    expect((await expectTrpcError(anonymous.places.categoriesResource.query())).code).toBe('UNAUTHORIZED');
  });
});

describe('places.searchPlace', () => {
  it('asks Nominatim (jsonv2) and returns name, address, coordinates, osm id and category; repeats come from the cache', async () => {
    nominatimRequests.length = 0;
    const { results } = await anna.trpc.places.searchPlace.query({ query: 'Belém', limit: 5 });
    expect(results[0]).toEqual({
      name: 'Belém Tower',
      address: 'Belém Tower, Belém, Lisboa, Portugal',
      lat: 38.6916,
      lng: -9.216,
      osmId: 'W123',
      category: 'tourism:attraction',
      categoryKey: 'sight',
      categoryId: expect.any(Number),
    });
    expect(results[1].name).toBe('Belém Monastery');
    expect(nominatimRequests).toHaveLength(1);
    expect(nominatimRequests[0].searchParams.get('format')).toBe('jsonv2');
    expect(nominatimRequests[0].searchParams.get('q')).toBe('Belém');
    await anna.trpc.places.searchPlace.query({ query: 'Belém', limit: 5 });
    expect(nominatimRequests).toHaveLength(1);
  });

  it('rejects an empty query, naming the field, and reports an unreachable service clearly', async () => {
    const empty = await expectTrpcError(anna.trpc.places.searchPlace.query({ query: '  ' }));
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.message).toBe('query: must not be empty');
    const down = await expectTrpcError(anna.trpc.places.searchPlace.query({ query: 'explode' }));
    expect(down.message).toBe('Place search is unavailable right now (the search service cannot be reached); try again later');
  });

  it('refuses an anonymous caller', async () => {
    const error = await expectTrpcError(trpcClient(server).places.searchPlace.query({ query: 'Belém' }));
    expect(error.code).toBe('UNAUTHORIZED');
  });
});

describe('places.importPlacesFromUrl', () => {
  it('imports a Google Maps place link as one place', async () => {
    const { trip } = await newTrip();
    const url = 'https://www.google.com/maps/place/Torre+de+Bel%C3%A9m/@38.6915837,-9.2159788,17z';
    const { places } = await anna.trpc.places.importPlacesFromUrl.mutate({ tripId: trip.id, url });
    expect(places).toEqual([expect.objectContaining({ name: 'Torre de Belém', lat: 38.6915837, lng: -9.2159788, url })]);
    const osm = await anna.trpc.places.importPlacesFromUrl.mutate({ tripId: trip.id, url: 'https://www.openstreetmap.org/?mlat=38.7139&mlon=-9.1334' });
    expect(osm.places[0]).toMatchObject({ name: 'Place at 38.71390, -9.13340', lat: 38.7139, lng: -9.1334 });
    expect(await placeCount(trip.id)).toBe(2);
    expect(tripEvents().map((e) => e.event)).toEqual(['place.created', 'place.created']);
  });

  it('rejects a link it cannot read with a clear message and writes nothing', async () => {
    const { trip } = await newTrip();
    const error = await expectTrpcError(anna.trpc.places.importPlacesFromUrl.mutate({ tripId: trip.id, url: 'https://example.com/hello' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('url: not a map link Waymark can read');
    expect(await placeCount(trip.id)).toBe(0);
  });

  it('denies a non-member', async () => {
    const { trip } = await newTrip();
    const error = await expectTrpcError(ben.trpc.places.importPlacesFromUrl.mutate({ tripId: trip.id, url: 'geo:38.7,-9.1' }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await placeCount(trip.id)).toBe(0);
  });
});
