// Applies a realtime event to the planner's two cached queries — trips.getTripSummary({tripId}) and
// places.listPlaces({tripId}) — in place. Each function returns the new value, `undefined` for "nothing to change",
// or INVALIDATE when the payload is not enough and the query must be refetched.

export const INVALIDATE = 'invalidate' as const;
export type CacheChange<T> = T | undefined | typeof INVALIDATE;

type Row = { id: number; [key: string]: any };
type Day = Row & { position: number; assignments: Row[]; notes: Row[] };
export interface SummaryData {
  trip: Row;
  members: Row[];
  days: Day[];
  accommodations: Row[];
  [key: string]: any;
}
export interface PlacesData {
  places: Row[];
  [key: string]: any;
}

const byPosition = (a: Row, b: Row) => (a.position ?? 0) - (b.position ?? 0) || a.id - b.id;

function upsert(list: Row[], row: Row, sort?: (a: Row, b: Row) => number) {
  const i = list.findIndex((r) => r.id === row.id);
  const next = i >= 0 ? list.map((r, j) => (j === i ? { ...r, ...row } : r)) : [...list, row];
  return sort ? next.sort(sort) : next;
}

function mapDays(summary: SummaryData, fn: (day: Day) => Day): SummaryData {
  return { ...summary, days: summary.days.map(fn) };
}

function withoutAssignment(day: Day, assignmentId: number): Day {
  return day.assignments.some((a) => a.id === assignmentId)
    ? { ...day, assignments: day.assignments.filter((a) => a.id !== assignmentId) }
    : day;
}

/** Inserts an assignment into its day at its position and renumbers that day. */
function placeAssignment(day: Day, assignment: Row): Day {
  const others = day.assignments.filter((a) => a.id !== assignment.id);
  const index = Math.max(0, Math.min(others.length, Number(assignment.position ?? others.length)));
  const previous = day.assignments.find((a) => a.id === assignment.id);
  const merged = { ...previous, ...assignment, place: assignment.place ?? previous?.place };
  const next = [...others.slice(0, index), merged, ...others.slice(index)].map((a, position) => ({ ...a, position }));
  return { ...day, assignments: next };
}

export function applyToSummary(summary: SummaryData | undefined, event: string, data: Record<string, any>): CacheChange<SummaryData> {
  if (!summary) return undefined;
  if (data.refetch) return INVALIDATE;
  switch (event) {
    case 'trip.updated':
      if (data.daysChanged) return INVALIDATE;
      return data.trip ? { ...summary, trip: { ...summary.trip, ...data.trip } } : INVALIDATE;
    case 'trip.deleted':
      return INVALIDATE;
    case 'member.added':
      return data.member ? { ...summary, members: upsert(summary.members, data.member) } : INVALIDATE;
    case 'member.removed':
      return { ...summary, members: summary.members.filter((m) => m.id !== data.userId) };
    case 'day.created':
      if (!data.day) return INVALIDATE;
      return {
        ...summary,
        days: upsert(summary.days, { assignments: [], notes: [], ...data.day }, byPosition) as Day[],
      };
    case 'day.updated':
      if (!data.day) return INVALIDATE;
      if (!summary.days.some((d) => d.id === data.day.id)) return INVALIDATE;
      return { ...summary, days: summary.days.map((d) => (d.id === data.day.id ? { ...d, ...data.day } : d)).sort(byPosition) };
    case 'day.deleted':
      return {
        ...summary,
        days: summary.days.filter((d) => d.id !== data.dayId).map((d, position) => ({ ...d, position })),
      };
    case 'place.created':
      return undefined;
    case 'place.updated': {
      const place = data.place;
      if (!place) return INVALIDATE;
      const patch = (row: Row) => (row.placeId === place.id && row.place ? { ...row, place: { ...row.place, ...place } } : row);
      return {
        ...mapDays(summary, (d) => ({ ...d, assignments: d.assignments.map(patch) })),
        accommodations: summary.accommodations.map(patch),
      };
    }
    case 'place.deleted':
    case 'places.deleted': {
      const ids = new Set<number>(event === 'place.deleted' ? [data.placeId] : (data.placeIds ?? []));
      return {
        ...mapDays(summary, (d) => ({ ...d, assignments: d.assignments.filter((a) => !ids.has(a.placeId)) })),
        accommodations: summary.accommodations.filter((a) => !ids.has(a.placeId)),
      };
    }
    case 'assignment.created':
    case 'assignment.updated': {
      const a = data.assignment;
      if (!a || !summary.days.some((d) => d.id === a.dayId)) return INVALIDATE;
      if (event === 'assignment.created' && !a.place) return INVALIDATE;
      return mapDays(summary, (d) =>
        d.id === a.dayId
          ? event === 'assignment.created'
            ? placeAssignment(d, a)
            : { ...d, assignments: d.assignments.map((x) => (x.id === a.id ? { ...x, ...a, place: a.place ?? x.place } : x)) }
          : d,
      );
    }
    case 'assignment.moved': {
      const a = data.assignment;
      if (!a || !summary.days.some((d) => d.id === a.dayId)) return INVALIDATE;
      const previous = summary.days.flatMap((d) => d.assignments).find((x) => x.id === a.id);
      if (!a.place && !previous?.place) return INVALIDATE;
      return mapDays(summary, (d) => {
        if (d.id === a.dayId) return placeAssignment(d, { ...previous, ...a });
        const without = withoutAssignment(d, a.id);
        return without === d ? d : { ...without, assignments: without.assignments.map((x, position) => ({ ...x, position })) };
      });
    }
    case 'assignment.deleted':
      return mapDays(summary, (d) => {
        const without = withoutAssignment(d, data.assignmentId);
        return without === d ? d : { ...without, assignments: without.assignments.map((x, position) => ({ ...x, position })) };
      });
    case 'assignment.reordered': {
      const order: number[] = data.assignmentIds ?? [];
      const day = summary.days.find((d) => d.id === data.dayId);
      if (!day) return INVALIDATE;
      const known = new Map(day.assignments.map((a) => [a.id, a]));
      if (order.length !== known.size || order.some((id) => !known.has(id))) return INVALIDATE;
      return mapDays(summary, (d) =>
        d.id === data.dayId ? { ...d, assignments: order.map((id, position) => ({ ...known.get(id)!, position })) } : d,
      );
    }
    case 'day_note.created':
    case 'day_note.updated': {
      const note = data.note;
      if (!note || !summary.days.some((d) => d.id === note.dayId)) return INVALIDATE;
      return mapDays(summary, (d) => {
        if (d.id === note.dayId) return { ...d, notes: upsert(d.notes, note, byPosition) };
        return d.notes.some((n) => n.id === note.id) ? { ...d, notes: d.notes.filter((n) => n.id !== note.id) } : d;
      });
    }
    case 'day_note.deleted':
      return mapDays(summary, (d) => (d.notes.some((n) => n.id === data.noteId) ? { ...d, notes: d.notes.filter((n) => n.id !== data.noteId) } : d));
    case 'accommodation.created':
    case 'accommodation.updated': {
      const acc = data.accommodation;
      if (!acc) return INVALIDATE;
      const previous = summary.accommodations.find((a) => a.id === acc.id);
      if (!acc.place && !previous?.place) return INVALIDATE;
      return { ...summary, accommodations: upsert(summary.accommodations, { ...acc, place: acc.place ?? previous?.place }, (a, b) => a.id - b.id) };
    }
    case 'accommodation.deleted':
      return { ...summary, accommodations: summary.accommodations.filter((a) => a.id !== data.accommodationId) };
    default:
      return INVALIDATE;
  }
}

function withAssignedDay(place: Row, dayId: number, add: boolean, remove?: number) {
  if (!Array.isArray(place.assignedDayIds)) return place;
  let ids: number[] = place.assignedDayIds;
  if (remove !== undefined) ids = ids.filter((id) => id !== remove);
  if (add && !ids.includes(dayId)) ids = [...ids, dayId];
  return { ...place, assignedDayIds: ids };
}

/**
 * `summaryBefore` is the trip summary as it was before the event, used to know which days still hold a place after an
 * assignment left one.
 */
export function applyToPlaces(
  places: PlacesData | undefined,
  event: string,
  data: Record<string, any>,
  summaryBefore?: SummaryData,
): CacheChange<PlacesData> {
  if (!places) return undefined;
  if (data.refetch) return INVALIDATE;
  const stillOnDay = (placeId: number, dayId: number, exceptAssignmentId: number) =>
    summaryBefore?.days.find((d) => d.id === dayId)?.assignments.some((a) => a.placeId === placeId && a.id !== exceptAssignmentId);
  switch (event) {
    case 'place.created':
    case 'place.updated':
      if (!data.place) return INVALIDATE;
      return {
        ...places,
        places: upsert(places.places, {
          ...data.place,
          assignedDayIds: data.place.assignedDayIds ?? places.places.find((p) => p.id === data.place.id)?.assignedDayIds ?? [],
        }),
      };
    case 'place.deleted':
      return { ...places, places: places.places.filter((p) => p.id !== data.placeId) };
    case 'places.deleted': {
      const ids = new Set<number>(data.placeIds ?? []);
      return { ...places, places: places.places.filter((p) => !ids.has(p.id)) };
    }
    case 'assignment.created': {
      const a = data.assignment;
      if (!a) return INVALIDATE;
      if (!places.places.some((p) => p.id === a.placeId)) {
        return a.place ? { ...places, places: [...places.places, { ...a.place, assignedDayIds: [a.dayId] }] } : INVALIDATE;
      }
      return { ...places, places: places.places.map((p) => (p.id === a.placeId ? withAssignedDay(p, a.dayId, true) : p)) };
    }
    case 'assignment.moved': {
      const a = data.assignment;
      if (!a || !summaryBefore) return INVALIDATE;
      const keepOld = stillOnDay(a.placeId, data.fromDayId, a.id);
      return {
        ...places,
        places: places.places.map((p) => (p.id === a.placeId ? withAssignedDay(p, a.dayId, true, keepOld ? undefined : data.fromDayId) : p)),
      };
    }
    case 'assignment.deleted': {
      if (!summaryBefore) return INVALIDATE;
      const day = summaryBefore.days.find((d) => d.id === data.dayId);
      const gone = day?.assignments.find((a) => a.id === data.assignmentId);
      if (!gone) return INVALIDATE;
      if (stillOnDay(gone.placeId, data.dayId, gone.id)) return undefined;
      return {
        ...places,
        places: places.places.map((p) => (p.id === gone.placeId ? withAssignedDay(p, data.dayId, false, data.dayId) : p)),
      };
    }
    case 'day.deleted':
      return {
        ...places,
        places: places.places.map((p) => (Array.isArray(p.assignedDayIds) && p.assignedDayIds.includes(data.dayId) ? withAssignedDay(p, data.dayId, false, data.dayId) : p)),
      };
    case 'trip.updated':
      return data.daysChanged ? INVALIDATE : undefined;
    case 'trip.deleted':
      return INVALIDATE;
    default:
      return undefined;
  }
}
