// Reads what the Atlas is computed from: the user's trips (owned or joined) with their places' coordinates resolved
// to countries offline, and the user's hand-made marks. Also the JSON shapes of the Atlas rows.
import type { AtlasRegionMark, BucketListItem } from '~/generated/prisma/client';
import { toIsoDate } from '~/domain/dates';
import { tripsVisibleTo, type DbLike } from '../trip-data.server';
import { continentOf, countryAt, countryName } from './geo.server';
import { atlasStats, visitedCountries, type AtlasFacts, type AtlasPlace, type AtlasTrip, type VisitedCountry } from './rules';

const dateOrNull = (d: Date | null) => (d ? toIsoDate(d) : null);

export const today = () => toIsoDate(new Date());

export async function loadAtlasFacts(db: DbLike, userId: number): Promise<Omit<AtlasFacts, 'regionMarks'> & { regionMarks: AtlasRegionMark[] }> {
  const [trips, countryMarks, regionMarks] = await Promise.all([
    db.trip.findMany({
      where: tripsVisibleTo(userId),
      orderBy: { id: 'asc' },
      select: {
        id: true,
        title: true,
        startDate: true,
        endDate: true,
        places: { where: { lat: { not: null }, lng: { not: null } }, orderBy: { id: 'asc' }, select: { id: true, name: true, address: true, lat: true, lng: true } },
      },
    }),
    db.atlasCountryMark.findMany({ where: { userId }, orderBy: { countryCode: 'asc' } }),
    db.atlasRegionMark.findMany({ where: { userId }, orderBy: { regionCode: 'asc' } }),
  ]);
  const atlasTrips: AtlasTrip[] = trips.map((t) => ({ id: t.id, title: t.title, startDate: dateOrNull(t.startDate), endDate: dateOrNull(t.endDate) }));
  const places: AtlasPlace[] = trips.flatMap((t) =>
    t.places.map((p) => ({ id: p.id, name: p.name, address: p.address, lat: p.lat!, lng: p.lng!, tripId: t.id, countryCode: countryAt(p.lat!, p.lng!) })),
  );
  return {
    trips: atlasTrips,
    places,
    countryMarks: countryMarks.map((m) => m.countryCode),
    // the whole rows (ordered by code): a country's regions are answered from them too
    regionMarks,
    continentOf,
    today: today(),
  };
}

const named = (c: VisitedCountry) => ({ ...c, name: countryName(c.code) });

export function visitedCountriesJson(facts: AtlasFacts) {
  return visitedCountries(facts).map(named);
}

export function atlasStatsJson(facts: AtlasFacts) {
  const stats = atlasStats(facts);
  return { ...stats, countries: stats.countries.map(named) };
}

export function regionJson(r: AtlasRegionMark) {
  return { regionCode: r.regionCode, regionName: r.regionName, countryCode: r.countryCode, createdAt: r.createdAt.toISOString() };
}
export type RegionMarkJson = ReturnType<typeof regionJson>;

export function bucketItemJson(item: BucketListItem) {
  return {
    id: item.id,
    name: item.name,
    lat: item.lat,
    lng: item.lng,
    countryCode: item.countryCode,
    notes: item.notes,
    targetDate: dateOrNull(item.targetDate),
    createdAt: item.createdAt.toISOString(),
  };
}
export type BucketItemJson = ReturnType<typeof bucketItemJson>;
