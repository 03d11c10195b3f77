// The geometry of the journey book's map page: where the entries land on the frame, and the land behind them (the
// countries the frame shows, in the same projection, so outlines and points line up). Drawing is book.server.ts's.
import type { Position } from 'geojson';
import type { CountryOutline } from '~/domain/world-countries';

export interface BookPoint {
  lat: number;
  lng: number;
}

export interface FramePoint {
  x: number;
  y: number;
}

/** Positions closer together than this (degrees) are one spot: the frame shows ONE_SPOT_VIEW_DEGREES around it. */
const ONE_SPOT_DEGREES = 0.05;
const ONE_SPOT_VIEW_DEGREES = 3;
/**
 * Land is drawn when the frame shows at least this many degrees north to south. Closer up, the 1:110m outlines are
 * kilometres off (a harbour town would stand in the sea), so a walk around one city keeps a plain frame.
 */
const MIN_LAND_VIEW_DEGREES = 1.5;

export interface MapProjection {
  project(point: BookPoint): FramePoint;
  /** the part of the world the frame shows, in degrees */
  view: { west: number; east: number; south: number; north: number };
}

/**
 * A projection of the points onto a w×h frame (north up), keeping the aspect of the covered area, the points' middle
 * in the middle; one spot (a single place) with its surroundings.
 */
export function mapProjection(points: readonly BookPoint[], width: number, height: number, padding = 16): MapProjection | null {
  if (!points.length) return null;
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const [midLat, midLng] = [(minLat + maxLat) / 2, (minLng + maxLng) / 2];
  // Longitude degrees shrink with latitude: scale them by the cosine of the middle latitude (near a pole, not to nothing).
  const xScaleFactor = Math.max(Math.cos((midLat * Math.PI) / 180), 0.05);
  const spanX = Math.max((maxLng - minLng) * xScaleFactor, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const oneSpot = spanX < ONE_SPOT_DEGREES && spanY < ONE_SPOT_DEGREES;
  const scale = oneSpot ? (height - 2 * padding) / ONE_SPOT_VIEW_DEGREES : Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const [halfWidthDegrees, halfHeightDegrees] = [width / 2 / (xScaleFactor * scale), height / 2 / scale];
  return {
    project: (p) => ({ x: width / 2 + (p.lng - midLng) * xScaleFactor * scale, y: height / 2 - (p.lat - midLat) * scale }),
    view: { west: midLng - halfWidthDegrees, east: midLng + halfWidthDegrees, south: midLat - halfHeightDegrees, north: midLat + halfHeightDegrees },
  };
}

const jumpsAcrossAntimeridian = (a: Position, b: Position) => Math.abs(b[0]! - a[0]!) > 180;

/**
 * A closed ring as closed rings that stay on one side of the antimeridian: world-atlas keeps Russia's, Fiji's and
 * Antarctica's rings whole, and a straight line from 180° to -180° would smear a band across the map.
 */
export function splitAtAntimeridian(ring: Position[]): Position[][] {
  const open = ring.slice(0, -1);
  const n = open.length;
  const jumpBefore = (i: number) => jumpsAcrossAntimeridian(open[(i + n - 1) % n]!, open[i]!);
  const first = open.findIndex((_, i) => jumpBefore(i));
  if (first < 0) return [ring];
  // start right after a jump, so that every piece runs from one crossing to the next
  const pieces: Position[][] = [];
  for (let k = 0; k < n; k++) {
    const i = (first + k) % n;
    if (jumpBefore(i)) pieces.push([]);
    pieces.at(-1)!.push(open[i]!);
  }
  return pieces.filter((piece) => piece.length >= 3).map((piece) => [...piece, piece[0]!]);
}

function overlapsView(ring: Position[], view: MapProjection['view']) {
  const lngs = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  return Math.min(...lngs) <= view.east && Math.max(...lngs) >= view.west && Math.min(...lats) <= view.north && Math.max(...lats) >= view.south;
}

/**
 * The land the frame shows: each country with a ring in view, with its rings in view (outer ones and holes, to be
 * filled with the even-odd rule) in frame coordinates. Countries out of view are left out, which keeps the PDF small;
 * none when the frame is too close up for the outlines.
 */
export function landInView(countries: readonly CountryOutline[], projection: MapProjection): Array<{ name: string; rings: FramePoint[][] }> {
  if (projection.view.north - projection.view.south < MIN_LAND_VIEW_DEGREES) return [];
  return countries.flatMap((country) => {
    const rings = country.polygons.flat().flatMap(splitAtAntimeridian).filter((ring) => overlapsView(ring, projection.view));
    return rings.length ? [{ name: country.name, rings: rings.map((ring) => ring.map(([lng, lat]) => projection.project({ lat: lat!, lng: lng! }))) }] : [];
  });
}
