// Airport lookup over the offline dataset: the ranking agents already know (an exact IATA code alone; otherwise IATA
// exact > ICAO exact > IATA prefix > city prefix > name prefix > city contains > name contains, ties by IATA).
// Pure: the data comes in as an argument, so the ranking is tested without loading the file.

export interface Airport {
  iata: string;
  icao: string | null;
  name: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  /** IANA time zone, e.g. Europe/Berlin */
  tz: string;
}

/** Accents and case do not matter when searching ("Zurich" finds "Zürich"). */
export function foldForSearch(value: string) {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

interface Indexed {
  airport: Airport;
  iata: string;
  icao: string;
  city: string;
  name: string;
}

export interface AirportIndex {
  rows: Indexed[];
  byIata: Map<string, Airport>;
}

export function indexAirports(airports: Airport[]): AirportIndex {
  const rows = airports
    .map((airport) => ({ airport, iata: airport.iata.toLowerCase(), icao: (airport.icao ?? '').toLowerCase(), city: foldForSearch(airport.city), name: foldForSearch(airport.name) }))
    .sort((a, b) => a.iata.localeCompare(b.iata));
  return { rows, byIata: new Map(airports.map((a) => [a.iata, a])) };
}

/** Rank of a row for the query, lower is better; null when it does not match at all. */
function rank(row: Indexed, q: string): number | null {
  if (row.iata === q) return 0;
  if (row.icao === q) return 1;
  if (row.iata.startsWith(q)) return 2;
  if (row.city.startsWith(q)) return 3;
  if (row.name.startsWith(q)) return 4;
  if (row.city.includes(q)) return 5;
  if (row.name.includes(q)) return 6;
  return null;
}

export function searchAirports(index: AirportIndex, query: string, limit: number): Airport[] {
  const q = foldForSearch(query);
  if (!q) return [];
  const exact = /^[a-z]{3}$/.test(q) ? index.byIata.get(q.toUpperCase()) : undefined;
  if (exact) return [exact];
  const hits: { row: Indexed; rank: number }[] = [];
  for (const row of index.rows) {
    const r = rank(row, q);
    if (r !== null) hits.push({ row, rank: r });
  }
  // rows are already in IATA order and the sort is stable, so ties stay ordered by IATA
  hits.sort((a, b) => a.rank - b.rank);
  return hits.slice(0, limit).map((h) => h.row.airport);
}
