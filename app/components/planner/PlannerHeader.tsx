// Top of the planner: trip title, dates and description, who else has the trip open, members and edit buttons.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PresenceAvatars } from '~/realtime/client';
import { btn } from './ui';
import { formatDate, type TripSummary } from './usePlanner';
import { Icon } from './Icon';
import { ShareButton } from '~/areas/share-links/ShareDialog';

interface Props {
  summary: TripSummary;
  onMembers: () => void;
  onEdit: () => void;
}

export function PlannerHeader({ summary, onMembers, onEdit }: Props) {
  const { t, i18n } = useTranslation('planner');
  const { trip } = summary;
  const long: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  const dates =
    trip.startDate && trip.endDate
      ? t('header.dates', { start: formatDate(trip.startDate, i18n.language, long), end: formatDate(trip.endDate, i18n.language, long) })
      : t('header.noDates');
  return (
    <header className="mb-5">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
        <div className="min-w-[min(100%,18rem)] flex-1">
          <Link to="/" className="text-xs font-medium text-indigo-700 hover:underline">
            <Icon name="up" className="me-1 inline h-3.5 w-3.5 -rotate-90 align-[-2px] rtl:rotate-90" />
            {t('header.backToTrips')}
          </Link>
          <h1 className="mt-0.5 break-words text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{trip.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
            <span>
              <Icon name="calendar" className="me-1 inline h-4 w-4 align-[-3px]" />
              {dates}
            </span>
            <span>{t('header.dayCount', { count: summary.days.length })}</span>
            {trip.archived && (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{t('header.archived')}</span>
            )}
          </p>
          {trip.description && <p className="mt-1 line-clamp-2 max-w-3xl text-sm text-slate-500">{trip.description}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PresenceAvatars tripId={trip.id} />
          <button type="button" className={btn.secondary} onClick={onMembers}>
            <Icon name="users" /> {t('header.members', { count: summary.members.length })}
          </button>
          <button type="button" className={btn.secondary} onClick={onEdit}>
            <Icon name="pencil" /> {t('header.edit')}
          </button>
          <ShareButton tripId={trip.id} />
        </div>
      </div>
    </header>
  );
}
