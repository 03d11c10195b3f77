// Realtime events of the days area: a day added, renamed or moved, or deleted (with what was on it).
import { defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { dayJson } from '~/trpc/shape';
import { byPosition, dayNumber, placeListView, tripSummaryView, upsert, type SummaryDay } from '../views';

type DayJson = ReturnType<typeof dayJson>;

export const dayEvents = defineEvents<{
  'day.created': { day: DayJson };
  'day.updated': { day: DayJson };
  'day.deleted': { dayId: number };
}>()({
  'day.created': {
    views: [
      onView(tripSummaryView, (summary, p) => ({
        ...summary,
        days: upsert<SummaryDay>(summary.days, { assignments: [], notes: [], ...p.day }, byPosition),
      })),
    ],
    notice: () => ({ key: 'notice.dayCreated', params: {} }),
  },
  'day.updated': {
    views: [
      onView(tripSummaryView, (summary, p) => {
        if (!summary.days.some((d) => d.id === p.day.id)) return INVALIDATE;
        return { ...summary, days: summary.days.map((d) => (d.id === p.day.id ? { ...d, ...p.day } : d)).sort(byPosition) };
      }),
    ],
    notice: (p, before) => ({ key: 'notice.dayUpdated', params: { day: dayNumber(before(tripSummaryView), p.day.id) } }),
  },
  'day.deleted': {
    views: [
      onView(tripSummaryView, (summary, p) => ({
        ...summary,
        days: summary.days.filter((d) => d.id !== p.dayId).map((d, position) => ({ ...d, position })),
      })),
      onView(placeListView, (list, p) => ({
        ...list,
        places: list.places.map((place) =>
          place.assignedDayIds?.includes(p.dayId) ? { ...place, assignedDayIds: place.assignedDayIds.filter((id) => id !== p.dayId) } : place,
        ),
      })),
    ],
    notice: (p, before) => ({ key: 'notice.dayDeleted', params: { day: dayNumber(before(tripSummaryView), p.dayId) } }),
  },
});
