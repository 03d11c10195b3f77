// Realtime events of the members area: someone joins or leaves a trip.
import { defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { tripJson, userJson } from '~/trpc/shape';
import { tripListView, tripSummaryView, upsert } from '../views';

type Member = ReturnType<typeof userJson> & { role: 'owner' | 'member' };

export const memberEvents = defineEvents<{
  'member.added': { tripId: number; member: Member };
  'member.removed': { tripId: number; userId: number };
  /** On the new member's user channel: a trip appeared on their dashboard. */
  'trip.shared': { trip: ReturnType<typeof tripJson> };
  /** On the removed member's user channel. */
  'trip.unshared': { tripId: number };
}>()({
  'member.added': {
    views: [onView(tripSummaryView, (summary, p) => ({ ...summary, members: upsert(summary.members, p.member) }))],
    notice: (p) => ({ key: 'notice.memberAdded', params: { name: p.member.displayName } }),
  },
  'member.removed': {
    views: [onView(tripSummaryView, (summary, p) => ({ ...summary, members: summary.members.filter((m) => m.id !== p.userId) }))],
    notice: (p, before) => ({
      key: 'notice.memberRemoved',
      params: { name: before(tripSummaryView)?.members.find((m) => m.id === p.userId)?.displayName ?? '' },
    }),
  },
  'trip.shared': { views: [onView(tripListView, () => INVALIDATE)], notice: () => null },
  'trip.unshared': { views: [onView(tripListView, () => INVALIDATE)], notice: () => null },
});
