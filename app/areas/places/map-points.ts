// What the trip map draws, from the plan: each place with coordinates once, coloured by the first day it is on and
// numbered in that day's visiting order (places on no day keep their category colour, unnumbered), and a straight
// line through each day's places in order. Pure.
import type { MapLine, MapPoint } from './TripMapInner.client';

/** One colour per day, in day order (repeating after ten days). */
export const DAY_COLORS = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#4f46e5', '#ea580c'];

/** What the map is fitted to: the whole trip, or one day (then only that day's places and line are shown). */
export type MapView = 'trip' | { dayId: number };

/** The view to keep when the days change: a chosen day that no longer exists falls back to the whole trip. */
export function viewAmong(view: MapView, dayIds: number[]): MapView {
  return view !== 'trip' && !dayIds.includes(view.dayId) ? 'trip' : view;
}

interface Located {
  id: number;
  name: string;
  lat: number | null;
  lng: number | null;
  categoryId: number | null;
}

export function mapOfDays(
  days: { day: { id: number; assignments: { placeId: number; place?: Located | null }[] }; label: string }[],
  places: Located[],
  categoryColor: (categoryId: number) => string | null,
  fallbackColor: string,
  view: MapView = 'trip',
): { points: MapPoint[]; dayLines: MapLine[] } {
  const onDay = new Map<number, { color: string; number: number; label: string }>();
  const dayLines: MapLine[] = [];
  days.forEach(({ day, label }, index) => {
    // a chosen day keeps its colour (its index in the trip) and shows only its own places and line
    if (view !== 'trip' && day.id !== view.dayId) return;
    const color = DAY_COLORS[index % DAY_COLORS.length];
    const located = day.assignments.filter((a) => a.place && a.place.lat != null && a.place.lng != null);
    located.forEach((a, i) => {
      if (!onDay.has(a.placeId)) onDay.set(a.placeId, { color, number: i + 1, label });
    });
    if (located.length > 1) {
      dayLines.push({ id: `day-${day.id}`, positions: located.map((a) => [a.place!.lat!, a.place!.lng!]), dashed: false, label, color });
    }
  });
  const points = places
    .filter((p) => p.lat != null && p.lng != null && (view === 'trip' || onDay.has(p.id)))
    .map((p) => {
      const day = onDay.get(p.id);
      return {
        id: p.id,
        name: p.name,
        lat: p.lat!,
        lng: p.lng!,
        color: day?.color ?? ((p.categoryId !== null && categoryColor(p.categoryId)) || fallbackColor),
        label: day?.label,
        number: day?.number,
      };
    });
  return { points, dayLines };
}

/** A group of markers that would overlap at the current zoom, drawn as one count bubble. */
export interface Cluster<P> {
  key: string;
  /** the members' average position */
  lat: number;
  lng: number;
  members: P[];
}

/**
 * Grid clustering: the points are projected to screen pixels at the current zoom and put into square cells of
 * `cellSize` pixels; each cell with points becomes one cluster (a single point stays a cluster of one). Clusters come
 * in the order of their first member.
 */
export function clusterPoints<P extends { lat: number; lng: number }>(
  points: P[],
  project: (point: P) => { x: number; y: number },
  cellSize: number,
): Cluster<P>[] {
  const cells = new Map<string, P[]>();
  for (const point of points) {
    const { x, y } = project(point);
    const key = `${Math.floor(x / cellSize)}:${Math.floor(y / cellSize)}`;
    const members = cells.get(key);
    if (members) members.push(point);
    else cells.set(key, [point]);
  }
  return [...cells].map(([key, members]) => ({
    key,
    lat: members.reduce((sum, p) => sum + p.lat, 0) / members.length,
    lng: members.reduce((sum, p) => sum + p.lng, 0) / members.length,
    members,
  }));
}
