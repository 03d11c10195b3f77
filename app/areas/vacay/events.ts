// Realtime events of Vacay, sent on the private channel of every person of the plan (and of an invited person):
// the figures depend on entries, holidays and settings together, so the vacay views refetch rather than patch.
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { vacayRouter } from './procedures.server';

type Outputs = inferRouterOutputs<typeof vacayRouter>;
export type VacayPlanData = Outputs['getVacayPlan'];
export type VacayEntriesData = Outputs['getVacayEntries'];
export type VacayStatsData = Outputs['getVacayStats'];
export type VacayHolidaysData = Outputs['getPlanHolidays'];

export const vacayPlanView = cacheView<VacayPlanData>('vacay.getVacayPlan', 'user');
export const vacayEntriesView = cacheView<VacayEntriesData>('vacay.getVacayEntries', 'user');
export const vacayStatsView = cacheView<VacayStatsData>('vacay.getVacayStats', 'user');
export const vacayHolidaysView = cacheView<VacayHolidaysData>('vacay.getPlanHolidays', 'user');
export const vacayYearsView = cacheView<Outputs['listVacayYears']>('vacay.listVacayYears', 'user');

const refetchAll = [
  onView(vacayPlanView, () => INVALIDATE),
  onView(vacayEntriesView, () => INVALIDATE),
  onView(vacayStatsView, () => INVALIDATE),
  onView(vacayHolidaysView, () => INVALIDATE),
  onView(vacayYearsView, () => INVALIDATE),
];

export const vacayEvents = defineEvents<{
  /** settings, people, years, calendars or invites of the plan changed */
  'vacay.plan.changed': { planId: number };
  /** someone's booked days or the plan's company holidays changed */
  'vacay.entries.changed': { planId: number; userId: number; dates: string[] };
  /** the receiver was invited into a plan */
  'vacay.invite.received': { planId: number; ownerName: string };
}>()({
  'vacay.plan.changed': { views: refetchAll, notice: () => null },
  'vacay.entries.changed': {
    views: [onView(vacayEntriesView, () => INVALIDATE), onView(vacayStatsView, () => INVALIDATE)],
    notice: () => null,
  },
  'vacay.invite.received': {
    views: [onView(vacayPlanView, () => INVALIDATE)],
    notice: (p) => ({ key: 'vacay:notice.inviteReceived', params: { name: p.ownerName } }),
  },
});
