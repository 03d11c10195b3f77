// Reads places out of map files: GPX waypoints, KML/KMZ placemarks with a point, GeoJSON points. Parsing is done by
// @tmcw/togeojson (GPX, KML) on @xmldom/xmldom, KMZ is unzipped with fflate. Tracks, routes, lines and areas are
// not places: they are counted as skipped. No I/O.
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import { badRequest } from '~/domain/errors';

export const PLACE_FILE_FORMATS = ['gpx', 'kml', 'kmz', 'geojson'] as const;
export type PlaceFileFormat = (typeof PLACE_FILE_FORMATS)[number];
export const MAX_FILE_PLACES = 500;

export interface FilePlace {
  name: string;
  lat: number;
  lng: number;
  description: string;
}

interface Feature {
  type?: string;
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

const unreadable = (format: string, why: string) =>
  badRequest('errors.placeFileUnreadable', `The ${format.toUpperCase()} file could not be read: ${why}`, { format: format.toUpperCase() });

export function formatOfFileName(fileName: string): PlaceFileFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === 'json') return 'geojson';
  return (PLACE_FILE_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as PlaceFileFormat) : null;
}

function xmlDocument(text: string, format: string) {
  const errors: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch {
    // xmldom throws on fatal errors (unclosed tags)
    throw unreadable(format, 'it is not well-formed XML');
  }
  if (errors.length || !doc.documentElement) throw unreadable(format, 'it is not well-formed XML');
  return doc;
}

const plainText = (value: unknown): string =>
  typeof value === 'string'
    ? value
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : typeof value === 'object' && value && 'value' in value && typeof (value as { value: unknown }).value === 'string'
      ? plainText((value as { value: string }).value)
      : '';

function pointsOf(features: Feature[]): { places: FilePlace[]; skipped: number } {
  const places: FilePlace[] = [];
  let skipped = 0;
  for (const feature of features) {
    const geometry = feature.geometry;
    const points: unknown[] =
      geometry?.type === 'Point' ? [geometry.coordinates] : geometry?.type === 'MultiPoint' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
    if (points.length === 0) {
      skipped += 1;
      continue;
    }
    const props = feature.properties ?? {};
    for (const point of points) {
      const [lng, lat] = Array.isArray(point) ? (point as unknown[]) : [];
      if (typeof lat !== 'number' || typeof lng !== 'number' || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        skipped += 1;
        continue;
      }
      const name = plainText(props.name ?? props.title ?? props.Name) || `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
      places.push({ name: name.slice(0, 200), lat, lng, description: plainText(props.description ?? props.desc ?? props.cmt).slice(0, 5000) });
    }
  }
  return { places, skipped };
}

/** The places in a file; a file with none, or that cannot be read, is a BAD_REQUEST naming the format. */
export function readPlaceFile(format: PlaceFileFormat, content: Uint8Array): { places: FilePlace[]; skipped: number } {
  let features: Feature[];
  if (format === 'kmz') {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(content);
    } catch {
      throw unreadable(format, 'it is not a KMZ (zip) archive');
    }
    const name = Object.keys(files).find((n) => n.toLowerCase() === 'doc.kml') ?? Object.keys(files).find((n) => n.toLowerCase().endsWith('.kml'));
    if (!name) throw unreadable(format, 'the archive holds no KML document');
    features = kml(xmlDocument(strFromU8(files[name]), format) as unknown as Document).features as Feature[];
  } else {
    const text = strFromU8(content);
    if (format === 'geojson') {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw unreadable(format, 'it is not valid JSON');
      }
      const d = data as { type?: string; features?: unknown };
      if (d?.type === 'FeatureCollection' && Array.isArray(d.features)) features = d.features as Feature[];
      else if (d?.type === 'Feature') features = [d as Feature];
      else if (d?.type === 'Point' || d?.type === 'MultiPoint') features = [{ type: 'Feature', geometry: d as Feature['geometry'], properties: {} }];
      else throw unreadable(format, 'it is not a GeoJSON feature collection, feature or point');
    } else {
      const doc = xmlDocument(text, format) as unknown as Document;
      features = (format === 'gpx' ? gpx(doc) : kml(doc)).features as Feature[];
    }
  }
  const result = pointsOf(features);
  if (result.places.length === 0) {
    throw badRequest('errors.placeFileEmpty', `The ${format.toUpperCase()} file holds no points (waypoints or placemarks) to add as places`, {
      format: format.toUpperCase(),
    });
  }
  if (result.places.length > MAX_FILE_PLACES) {
    throw badRequest('errors.placeFileTooMany', `The file holds ${result.places.length} points; at most ${MAX_FILE_PLACES} can be added at once`, {
      found: result.places.length,
      max: MAX_FILE_PLACES,
    });
  }
  return result;
}
