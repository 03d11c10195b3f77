// One trip on the dashboard: title (linking to its planner), dates in the user's locale, size, members' avatars, and
// the trip's actions menu. The whole card is clickable through a stretched link; the menu sits above it.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AvatarStack } from '~/components/ui';
import { formatDateRange, formatDayCount } from './format';
import { TripActionsMenu } from './TripActionsMenu';
import type { TripListItem } from './types';

export function TripCard({ trip }: { trip: TripListItem }) {
  const { t, i18n } = useTranslation('trips');
  const locale = i18n.language;
  const range = formatDateRange(trip.startDate, trip.endDate, locale);
  return (
    <article
      data-testid="trip-card"
      aria-labelledby={`trip-${trip.id}-title`}
      className={`relative flex flex-col rounded-lg border bg-white p-4 shadow-sm transition focus-within:ring-2 focus-within:ring-indigo-500 hover:shadow-md ${
        trip.archived ? 'border-dashed border-slate-300 opacity-80' : 'border-slate-200'
      }`}
    >
      <div className="flex items-start gap-2">
        <h3 id={`trip-${trip.id}-title`} className="min-w-0 flex-1 text-base font-semibold text-slate-900">
          <Link
            to={`/trips/${trip.id}`}
            dir="auto"
            className="break-words focus:outline-none after:absolute after:inset-0 after:rounded-lg after:content-['']"
          >
            {trip.title}
          </Link>
        </h3>
        <div className="relative z-10 -me-2 -mt-1">
          <TripActionsMenu trip={trip} role={trip.role} />
        </div>
      </div>
      <p className="mt-1 text-sm text-slate-600" data-testid="trip-dates" suppressHydrationWarning>
        {range ?? <span className="italic text-slate-400">{t('card.noDates')}</span>}
      </p>
      {trip.description && <p dir="auto" className="mt-2 line-clamp-2 text-sm text-slate-500">{trip.description}</p>}
      <div className="mt-auto flex flex-wrap items-center gap-2 pt-4">
        <AvatarStack names={trip.members.map((m) => m.displayName)} userIds={trip.members.map((m) => m.id)} label={t('card.members')} />
        <span className="ms-auto flex gap-2 text-xs text-slate-500">
          {trip.dayCount > 0 && <span data-testid="trip-day-count" suppressHydrationWarning>{formatDayCount(trip.dayCount, locale)}</span>}
          <span>{t('card.placeCount', { count: trip.placeCount })}</span>
        </span>
      </div>
      {(trip.archived || trip.role === 'member') && (
        <div className="mt-3 flex gap-2">
          {trip.archived && (
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{t('card.archived')}</span>
          )}
          {trip.role === 'member' && (
            <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">{t('card.shared')}</span>
          )}
        </div>
      )}
    </article>
  );
}
