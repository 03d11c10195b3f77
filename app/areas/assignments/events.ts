// Realtime events of the assignments area: places put on days, changed, moved between days, removed, reordered.
// Each day's assignments stay numbered 0..n-1, and each listed place knows the days it is on.
import { defineEvents, INVALIDATE, onView, type CacheReader } from '~/realtime/events';
import type { assignmentJson } from '~/trpc/shape';
import { dayNumber, mapDays, placeListView, placeName, tripSummaryView, type ListedPlace, type SummaryAssignment, type SummaryDay } from '../views';

type AssignmentJson = ReturnType<typeof assignmentJson>;

function withoutAssignment(day: SummaryDay, assignmentId: number): SummaryDay {
  if (!day.assignments.some((a) => a.id === assignmentId)) return day;
  return { ...day, assignments: day.assignments.filter((a) => a.id !== assignmentId).map((a, position) => ({ ...a, position })) };
}

/** Inserts an assignment into its day at its position and renumbers that day. */
function placeAssignment(day: SummaryDay, assignment: SummaryAssignment): SummaryDay {
  const others = day.assignments.filter((a) => a.id !== assignment.id);
  const index = Math.max(0, Math.min(others.length, assignment.position ?? others.length));
  const previous = day.assignments.find((a) => a.id === assignment.id);
  const merged = { ...previous, ...assignment, place: assignment.place ?? previous?.place };
  return { ...day, assignments: [...others.slice(0, index), merged, ...others.slice(index)].map((a, position) => ({ ...a, position })) };
}

/** The place with the given day added to and/or another removed from its days. */
function withAssignedDay(place: ListedPlace, change: { add?: number; remove?: number }): ListedPlace {
  if (!Array.isArray(place.assignedDayIds)) return place;
  let ids = place.assignedDayIds;
  if (change.remove !== undefined) ids = ids.filter((id) => id !== change.remove);
  if (change.add !== undefined && !ids.includes(change.add)) ids = [...ids, change.add];
  return { ...place, assignedDayIds: ids };
}

/** Whether the place is on the day through an assignment other than the given one (before the event). */
function stillOnDay(before: CacheReader, placeId: number, dayId: number, exceptAssignmentId: number) {
  return before(tripSummaryView)
    ?.days.find((d) => d.id === dayId)
    ?.assignments.some((a) => a.placeId === placeId && a.id !== exceptAssignmentId);
}

const assignmentPlaceName = (before: CacheReader, a: AssignmentJson) =>
  placeName(before(tripSummaryView), before(placeListView), a.placeId, a.place?.name) ?? '';

export const assignmentEvents = defineEvents<{
  'assignment.created': { assignment: AssignmentJson };
  'assignment.updated': { assignment: AssignmentJson };
  'assignment.moved': { assignment: AssignmentJson; fromDayId: number };
  'assignment.deleted': { assignmentId: number; dayId: number };
  'assignment.reordered': { dayId: number; assignmentIds: number[] };
}>()({
  'assignment.created': {
    views: [
      onView(tripSummaryView, (summary, { assignment: a }) => {
        if (!a.place || !summary.days.some((d) => d.id === a.dayId)) return INVALIDATE;
        return mapDays(summary, (d) => (d.id === a.dayId ? placeAssignment(d, a as SummaryAssignment) : d));
      }),
      onView(placeListView, (list, { assignment: a }) => {
        if (!list.places.some((p) => p.id === a.placeId)) {
          return a.place ? { ...list, places: [...list.places, { ...a.place, assignedDayIds: [a.dayId] }] } : INVALIDATE;
        }
        return { ...list, places: list.places.map((p) => (p.id === a.placeId ? withAssignedDay(p, { add: a.dayId }) : p)) };
      }),
    ],
    notice: (p, before) => ({
      key: 'notice.assignmentCreated',
      params: { name: assignmentPlaceName(before, p.assignment), day: dayNumber(before(tripSummaryView), p.assignment.dayId) },
    }),
  },
  'assignment.updated': {
    views: [
      onView(tripSummaryView, (summary, { assignment: a }) => {
        if (!summary.days.some((d) => d.id === a.dayId)) return INVALIDATE;
        return mapDays(summary, (d) =>
          d.id === a.dayId ? { ...d, assignments: d.assignments.map((x) => (x.id === a.id ? { ...x, ...a, place: a.place ?? x.place } : x)) } : d,
        );
      }),
    ],
    notice: (p, before) => ({
      key: 'notice.assignmentUpdated',
      params: { name: assignmentPlaceName(before, p.assignment), day: dayNumber(before(tripSummaryView), p.assignment.dayId) },
    }),
  },
  'assignment.moved': {
    views: [
      onView(tripSummaryView, (summary, { assignment: a }) => {
        if (!summary.days.some((d) => d.id === a.dayId)) return INVALIDATE;
        const previous = summary.days.flatMap((d) => d.assignments).find((x) => x.id === a.id);
        const place = a.place ?? previous?.place;
        if (!place) return INVALIDATE;
        return mapDays(summary, (d) => (d.id === a.dayId ? placeAssignment(d, { ...previous, ...a, place }) : withoutAssignment(d, a.id)));
      }),
      onView(placeListView, (list, { assignment: a, fromDayId }, before) => {
        if (!before(tripSummaryView)) return INVALIDATE;
        const keepOld = stillOnDay(before, a.placeId, fromDayId, a.id);
        return {
          ...list,
          places: list.places.map((p) => (p.id === a.placeId ? withAssignedDay(p, { add: a.dayId, remove: keepOld ? undefined : fromDayId }) : p)),
        };
      }),
    ],
    notice: (p, before) => ({
      key: 'notice.assignmentMoved',
      params: { name: assignmentPlaceName(before, p.assignment), day: dayNumber(before(tripSummaryView), p.assignment.dayId) },
    }),
  },
  'assignment.deleted': {
    views: [
      onView(tripSummaryView, (summary, p) => mapDays(summary, (d) => withoutAssignment(d, p.assignmentId))),
      onView(placeListView, (list, p, before) => {
        const gone = before(tripSummaryView)
          ?.days.find((d) => d.id === p.dayId)
          ?.assignments.find((a) => a.id === p.assignmentId);
        if (!gone) return INVALIDATE;
        if (stillOnDay(before, gone.placeId, p.dayId, gone.id)) return undefined;
        return { ...list, places: list.places.map((x) => (x.id === gone.placeId ? withAssignedDay(x, { remove: p.dayId }) : x)) };
      }),
    ],
    notice: (p, before) => {
      const summary = before(tripSummaryView);
      const gone = summary?.days.find((d) => d.id === p.dayId)?.assignments.find((a) => a.id === p.assignmentId);
      return { key: 'notice.assignmentDeleted', params: { name: gone?.place?.name ?? '', day: dayNumber(summary, p.dayId) } };
    },
  },
  'assignment.reordered': {
    views: [
      onView(tripSummaryView, (summary, p) => {
        const day = summary.days.find((d) => d.id === p.dayId);
        if (!day) return INVALIDATE;
        const known = new Map(day.assignments.map((a) => [a.id, a]));
        if (p.assignmentIds.length !== known.size || p.assignmentIds.some((id) => !known.has(id))) return INVALIDATE;
        return mapDays(summary, (d) => (d.id === p.dayId ? { ...d, assignments: p.assignmentIds.map((id, position) => ({ ...known.get(id)!, position })) } : d));
      }),
    ],
    notice: (p, before) => ({ key: 'notice.assignmentReordered', params: { day: dayNumber(before(tripSummaryView), p.dayId) } }),
  },
});
