// How far a day's plan goes: the straight (great-circle) distance from each planned place to the next, and the day's
// route length. Derived from the cached summary, so the figures follow a place that moves or a new order at once.
import { coordinatesOf, greatCircleMetres, type Coordinates } from '~/areas/geo/distance';

interface PlannedPlace {
  id: number;
  place?: { lat: number | null; lng: number | null } | null;
}

export interface DayDistances {
  /** assignment id → metres to the place planned right after it; only when both places have coordinates */
  toNext: Map<number, number>;
  /**
   * The sum over consecutive places with coordinates in visiting order (a place without coordinates is passed over,
   * the traveller still goes from the one before to the one after); null when fewer than two places have them.
   */
  routeMetres: number | null;
}

export function dayDistances(assignments: PlannedPlace[]): DayDistances {
  const toNext = new Map<number, number>();
  assignments.forEach((assignment, i) => {
    const from = coordinatesOf(assignment.place);
    const to = coordinatesOf(assignments[i + 1]?.place);
    if (from && to) toNext.set(assignment.id, greatCircleMetres(from, to));
  });
  const located = assignments.map((a) => coordinatesOf(a.place)).filter((c): c is Coordinates => c !== null);
  let routeMetres: number | null = null;
  for (let i = 1; i < located.length; i++) routeMetres = (routeMetres ?? 0) + greatCircleMetres(located[i - 1], located[i]);
  return { toNext, routeMetres };
}
