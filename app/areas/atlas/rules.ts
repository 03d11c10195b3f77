// The Atlas figures, worked out from already-resolved facts (each place's country from its coordinates, each
// country's continent, the hand-made marks). Pure: no I/O, no clock (today is an argument), tested directly.
import { daysBetween } from '~/domain/dates';
import { greatCircleMetres } from '~/areas/geo/distance';

export interface AtlasPlace {
  id: number;
  name: string;
  address: string;
  lat: number;
  lng: number;
  tripId: number;
  /** from the coordinates; null at sea */
  countryCode: string | null;
}

export interface AtlasTrip {
  id: number;
  title: string;
  startDate: string | null;
  endDate: string | null;
}

export interface VisitedCountry {
  code: string;
  continent: string;
  /** places on the user's trips in this country (trips that have begun) */
  placeCount: number;
  tripCount: number;
  firstVisit: string | null;
  lastVisit: string | null;
  /** why it counts: trips (from place coordinates), marked by hand, and how many regions were marked by hand */
  fromTrips: boolean;
  markedByHand: boolean;
  markedRegions: number;
}

export interface TripRef extends AtlasTrip {
  daysUntil?: number;
}

/** Places closer than this (same country) are one city: a clustering, not an address parse. */
export const CITY_RADIUS_KM = 15;

/** A trip counts as travelled once it has begun; a trip without dates counts too (it cannot be told apart). */
export function hasBegun(trip: AtlasTrip, today: string) {
  return !trip.startDate || trip.startDate <= today;
}

/** Days travelled: each begun trip's dated days up to today. */
export function daysTravelled(trips: AtlasTrip[], today: string) {
  let total = 0;
  for (const t of trips) {
    if (!t.startDate || !t.endDate || t.startDate > today) continue;
    const end = t.endDate < today ? t.endDate : today;
    total += daysBetween(t.startDate, end) + 1;
  }
  return total;
}

/** Consecutive years with a trip start, counted back from this year (or from last year while this year has none yet). */
export function yearlyStreak(startYears: number[], thisYear: number) {
  const years = new Set(startYears);
  let year = years.has(thisYear) ? thisYear : thisYear - 1;
  let streak = 0;
  while (years.has(year)) {
    streak += 1;
    year -= 1;
  }
  return streak;
}

/** Cities: places grouped when one lies within CITY_RADIUS_KM of another in the same country (single linkage). */
export function countCities(places: Pick<AtlasPlace, 'lat' | 'lng' | 'countryCode'>[]) {
  const parent = places.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < places.length; i++) {
    for (let j = i + 1; j < places.length; j++) {
      if (places[i].countryCode !== places[j].countryCode) continue;
      if (greatCircleMetres(places[i], places[j]) <= CITY_RADIUS_KM * 1000) parent[root(i)] = root(j);
    }
  }
  return new Set(places.map((_, i) => root(i))).size;
}

export interface AtlasFacts {
  trips: AtlasTrip[];
  places: AtlasPlace[];
  countryMarks: string[];
  regionMarks: { regionCode: string; countryCode: string }[];
  continentOf(code: string): string;
  today: string;
}

/** Visited countries: from begun trips' places, marked by hand, or holding a region marked by hand; sorted by code. */
export function visitedCountries(facts: AtlasFacts): VisitedCountry[] {
  const begun = new Map(facts.trips.filter((t) => hasBegun(t, facts.today)).map((t) => [t.id, t]));
  const byCode = new Map<string, VisitedCountry & { trips: Set<number> }>();
  const entry = (code: string) => {
    let e = byCode.get(code);
    if (!e) {
      e = { code, continent: facts.continentOf(code), placeCount: 0, tripCount: 0, firstVisit: null, lastVisit: null, fromTrips: false, markedByHand: false, markedRegions: 0, trips: new Set() };
      byCode.set(code, e);
    }
    return e;
  };
  for (const place of facts.places) {
    const trip = begun.get(place.tripId);
    if (!trip || !place.countryCode) continue;
    const e = entry(place.countryCode);
    e.fromTrips = true;
    e.placeCount += 1;
    e.trips.add(trip.id);
    if (trip.startDate && (!e.firstVisit || trip.startDate < e.firstVisit)) e.firstVisit = trip.startDate;
    const last = trip.endDate ?? trip.startDate;
    if (last && (!e.lastVisit || last > e.lastVisit)) e.lastVisit = last;
  }
  for (const code of facts.countryMarks) entry(code).markedByHand = true;
  for (const r of facts.regionMarks) entry(r.countryCode).markedRegions += 1;
  return [...byCode.values()]
    .map(({ trips, ...rest }) => ({ ...rest, tripCount: trips.size }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

const byStart = (a: AtlasTrip, b: AtlasTrip) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.id - b.id;
const tripRef = (t: AtlasTrip): TripRef => ({ id: t.id, title: t.title, startDate: t.startDate, endDate: t.endDate });

export function atlasStats(facts: AtlasFacts) {
  const { today } = facts;
  const thisYear = Number(today.slice(0, 4));
  const countries = visitedCountries(facts);
  const begunTrips = facts.trips.filter((t) => hasBegun(t, today));
  const begunIds = new Set(begunTrips.map((t) => t.id));
  const travelledPlaces = facts.places.filter((p) => begunIds.has(p.tripId) && p.countryCode);
  const dated = [...facts.trips].filter((t) => t.startDate).sort(byStart);
  const past = dated.filter((t) => t.startDate! <= today);
  const future = dated.filter((t) => t.startDate! > today);
  const startYears = past.map((t) => Number(t.startDate!.slice(0, 4)));

  const continents: Record<string, number> = {};
  for (const c of countries) continents[c.continent] = (continents[c.continent] ?? 0) + 1;
  const tripsPerYear = new Map<number, number>();
  for (const y of startYears) tripsPerYear.set(y, (tripsPerYear.get(y) ?? 0) + 1);
  const mostVisited = countries.filter((c) => c.placeCount > 0).sort((a, b) => b.tripCount - a.tripCount || b.placeCount - a.placeCount || a.code.localeCompare(b.code))[0];
  const next = future[0];

  return {
    countries,
    totals: {
      countries: countries.length,
      regions: facts.regionMarks.length,
      continents: Object.keys(continents).length,
      trips: facts.trips.length,
      places: travelledPlaces.length,
      days: daysTravelled(facts.trips, today),
      cities: countCities(travelledPlaces),
    },
    continents,
    mostVisited: mostVisited ? { code: mostVisited.code, tripCount: mostVisited.tripCount, placeCount: mostVisited.placeCount } : null,
    firstTrip: past[0] ? tripRef(past[0]) : null,
    latestTrip: past.length ? tripRef(past[past.length - 1]) : null,
    nextTrip: next ? { ...tripRef(next), daysUntil: daysBetween(today, next.startDate!) } : null,
    streak: yearlyStreak(startYears, thisYear),
    firstYear: startYears.length ? Math.min(...startYears) : null,
    tripsThisYear: startYears.filter((y) => y === thisYear).length,
    tripsPerYear: [...tripsPerYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, trips]) => ({ year, trips })),
  };
}

export type AtlasStats = ReturnType<typeof atlasStats>;
