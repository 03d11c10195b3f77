// Transport legs as lines on the trip map: flights follow the great circle (the shortest path on the globe, which
// is how they are flown and why they look curved on a flat map); other legs are straight dashed lines.
import type { MapLine } from '~/areas/places/TripMapInner.client';
import type { BookingJson } from './shape';

export type { MapLine };
export type LatLng = [number, number];

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/**
 * Points along the great circle from a to b (spherical interpolation of unit vectors). Longitudes are unwrapped so
 * a route across the antimeridian stays one continuous line instead of jumping across the map.
 */
export function greatCircle(a: LatLng, b: LatLng, segments = 48): LatLng[] {
  const toVec = ([lat, lng]: LatLng) => [Math.cos(rad(lat)) * Math.cos(rad(lng)), Math.cos(rad(lat)) * Math.sin(rad(lng)), Math.sin(rad(lat))];
  const va = toVec(a);
  const vb = toVec(b);
  const dot = Math.min(1, Math.max(-1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]));
  const angle = Math.acos(dot);
  if (angle < 1e-9) return [a, b];
  const out: LatLng[] = [];
  for (let i = 0; i <= segments; i++) {
    const f = i / segments;
    const wa = Math.sin((1 - f) * angle) / Math.sin(angle);
    const wb = Math.sin(f * angle) / Math.sin(angle);
    const [x, y, z] = [0, 1, 2].map((k) => wa * va[k] + wb * vb[k]);
    const lat = deg(Math.atan2(z, Math.hypot(x, y)));
    let lng = deg(Math.atan2(y, x));
    const previous = out[out.length - 1];
    if (previous) while (lng - previous[1] > 180) lng -= 360;
    if (previous) while (lng - previous[1] < -180) lng += 360;
    out.push([lat, lng]);
  }
  return out;
}

/** One line per leg whose both ends have coordinates; cancelled bookings are left off. */
export function transportLines(bookings: BookingJson[]): MapLine[] {
  const lines: MapLine[] = [];
  for (const b of bookings) {
    if (b.status === 'cancelled') continue;
    for (const leg of b.legs) {
      const { from, to } = leg;
      if (from.lat === null || from.lng === null || to.lat === null || to.lng === null) continue;
      const a: LatLng = [from.lat, from.lng];
      const z: LatLng = [to.lat, to.lng];
      lines.push({
        id: `${b.id}-${leg.sequence}`,
        positions: b.type === 'flight' ? greatCircle(a, z) : [a, z],
        dashed: b.type !== 'flight',
        label: `${b.title}: ${from.code ?? from.name} → ${to.code ?? to.name}`,
      });
    }
  }
  return lines;
}
