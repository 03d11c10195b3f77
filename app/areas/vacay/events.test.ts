// The browser side of Vacay's realtime events: a change to someone's days refetches the entries and the figures (which
// depend on entries, holidays and settings together) but leaves the plan alone; a plan change refetches every view.
import { describe, expect, it } from 'vitest';
import { applyEventToView, INVALIDATE, joinHandlers, type CacheView } from '~/realtime/events';
import { vacayEntriesView, vacayEvents, vacayHolidaysView, vacayPlanView, vacayStatsView, type VacayEntriesData, type VacayPlanData, type VacayStatsData } from './events';

const handlers = joinHandlers([vacayEvents]);
const none = () => undefined;
const plan = {} as VacayPlanData;
const entries = { year: 2027, entries: [], companyHolidays: [] } as VacayEntriesData;
const stats = { year: 2027, stats: [] } as VacayStatsData;

describe('vacay events in the browser cache', () => {
  it('booked days refetch the entries and the figures, not the plan', () => {
    const payload = { planId: 1, userId: 2, dates: ['2027-05-03'] };
    expect(applyEventToView(handlers, vacayEntriesView, entries, 'vacay.entries.changed', payload, none)).toBe(INVALIDATE);
    expect(applyEventToView(handlers, vacayStatsView, stats, 'vacay.entries.changed', payload, none)).toBe(INVALIDATE);
    expect(applyEventToView(handlers, vacayPlanView, plan, 'vacay.entries.changed', payload, none)).toBeUndefined();
  });

  it('a plan change refetches every vacay view, holidays included', () => {
    const views: [CacheView<unknown>, unknown][] = [[vacayPlanView, plan], [vacayEntriesView, entries], [vacayStatsView, stats], [vacayHolidaysView, { year: 2027, holidays: [] }]];
    for (const [view, data] of views) {
      expect(applyEventToView(handlers, view, data, 'vacay.plan.changed', { planId: 1 }, none)).toBe(INVALIDATE);
    }
  });

  it('an invitation refetches the plan and has a notice in the vacay namespace', () => {
    expect(applyEventToView(handlers, vacayPlanView, plan, 'vacay.invite.received', { planId: 1, ownerName: 'Anna' }, none)).toBe(INVALIDATE);
    expect(handlers['vacay.invite.received'].notice({ planId: 1, ownerName: 'Anna' } as never, none)).toEqual({ key: 'vacay:notice.inviteReceived', params: { name: 'Anna' } });
  });
});
