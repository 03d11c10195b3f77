// A booking (or a transport leg) as it shows in a day of the plan, at its time between the planned places.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '~/utils/trpc';
import { useDisplayFormat } from '~/utils/display';
import { Icon } from '~/components/planner/Icon';
import { KIND_ICONS, STATUS_CLASSES, entriesOnDay, type DayEntry } from './format';
import { transportLines, type MapLine } from './routes';

/** Refetches the bookings list after this browser's own change (its own realtime events are not sent back to it). */
export function useRefreshBookings(tripId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.reservations.listReservations.queryFilter({ tripId }));
}

/** The bookings on one day, from the cached (and live-patched) bookings list. */
export function useDayBookings(tripId: number, dayId: number, date: string | null): DayEntry[] {
  const trpc = useTRPC();
  const list = useQuery(trpc.reservations.listReservations.queryOptions({ tripId }));
  return list.data ? entriesOnDay(list.data.reservations, dayId, date) : [];
}

export function DayBookingItem({ entry }: { entry: DayEntry }) {
  const { t } = useTranslation('reservations');
  const { clockTime } = useDisplayFormat();
  const b = entry.booking;
  return (
    <li className="flex items-center gap-2 rounded-lg border border-dashed border-indigo-200 bg-indigo-50/60 px-3 py-2 text-sm" data-testid="day-booking">
      <Icon name={KIND_ICONS[b.type]} className="h-4 w-4 shrink-0 text-indigo-700" />
      {entry.time && (
        <time className="font-mono text-xs text-slate-600" dir="ltr">
          {clockTime(entry.time)}
        </time>
      )}
      <span className="min-w-0 flex-1 truncate text-slate-800">
        {b.title}
        {entry.leg && (
          <span className="text-slate-500">
            {' · '}
            <bdi>{entry.leg.from.code ?? entry.leg.from.name}</bdi> → <bdi>{entry.leg.to.code ?? entry.leg.to.name}</bdi>
          </span>
        )}
      </span>
      <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_CLASSES[b.status]}`}>{t(`status.${b.status}`)}</span>
    </li>
  );
}

/** The trip's transport legs as map lines, from the same cached bookings list. */
export function useTransportLines(tripId: number): MapLine[] {
  const trpc = useTRPC();
  const list = useQuery(trpc.reservations.listReservations.queryOptions({ tripId }));
  return list.data ? transportLines(list.data.reservations) : [];
}
