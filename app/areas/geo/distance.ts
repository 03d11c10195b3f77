// Distances on the globe (haversine on a sphere of the Earth's mean radius): the one place the app measures how far
// apart two coordinates are, for the planner's day routes, transport legs and the atlas's city grouping. Pure.

export interface Coordinates {
  lat: number;
  lng: number;
}

/** The mean radius of the Earth (IUGG), in metres. */
const EARTH_RADIUS_METRES = 6_371_008.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle (shortest over the surface) distance between two points, in metres. */
export function greatCircleMetres(a: Coordinates, b: Coordinates): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The point when it has both coordinates, else null (places found without a map pin have none). */
export function coordinatesOf(point: { lat: number | null; lng: number | null } | null | undefined): Coordinates | null {
  return point && point.lat !== null && point.lng !== null ? { lat: point.lat, lng: point.lng } : null;
}
