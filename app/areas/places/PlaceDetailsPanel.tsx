// Details of the place picked in the place search (get_place_details, OpenStreetMap or Google Places): opening hours,
// website, phone and (Google) rating, shown in the place dialog; the website and phone fill empty fields of the new place. The lookup may be unavailable,
// which is shown, not fatal.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '~/utils/trpc';

export interface FoundDetails {
  website: string | null;
  phone: string | null;
}

export function PlaceDetailsPanel({ placeId, onDetails }: { placeId: string; onDetails: (details: FoundDetails) => void }) {
  const { t, i18n } = useTranslation('planner');
  const trpc = useTRPC();
  const details = useQuery(trpc.geo.getPlaceDetails.queryOptions({ placeId }, { retry: false, staleTime: 10 * 60_000 }));
  const reported = useRef<string | null>(null);
  const data = details.data?.details;
  useEffect(() => {
    if (!data || reported.current === placeId) return;
    reported.current = placeId;
    onDetails({ website: data.website, phone: data.phone });
  }, [data, placeId, onDetails]);

  if (details.isPending) {
    return (
      <p className="text-xs text-slate-500" role="status">
        {t('placeDetails.loading')}
      </p>
    );
  }
  if (details.error || !data) {
    return (
      <p className="text-xs text-amber-800" role="status">
        {t('placeDetails.unavailable')}
      </p>
    );
  }
  const google = data.source === 'google';
  const rows = [
    data.rating !== null
      ? {
          label: t('placeDetails.rating'),
          value: <span data-testid="place-rating">{t('placeDetails.ratingValue', { rating: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(data.rating) })}</span>,
        }
      : null,
    data.openingHours ? { label: t('placeDetails.openingHours'), value: <span dir="ltr">{data.openingHours}</span> } : null,
    data.website
      ? {
          label: t('placeDetails.website'),
          value: (
            <a href={data.website} target="_blank" rel="noopener noreferrer" className="text-indigo-700 underline" dir="ltr">
              {data.website.replace(/^https?:\/\//i, '')}
            </a>
          ),
        }
      : null,
    data.phone
      ? {
          label: t('placeDetails.phone'),
          value: (
            <a href={`tel:${data.phone.replace(/[^+\d]/g, '')}`} className="text-indigo-700 underline" dir="ltr">
              {data.phone}
            </a>
          ),
        }
      : null,
  ].filter((row) => row !== null);
  return (
    <section aria-label={t('placeDetails.title')} data-testid="place-details" className="rounded-md border border-slate-200 bg-white p-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{google ? t('placeDetails.titleGoogle') : t('placeDetails.title')}</h3>
      {rows.length ? (
        <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {rows.map((row) => (
            <div key={row.label} className="contents">
              <dt className="text-slate-500">{row.label}</dt>
              <dd className="min-w-0 break-words text-slate-900">{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-1 text-xs text-slate-500">{google ? t('placeDetails.noneGoogle') : t('placeDetails.none')}</p>
      )}
    </section>
  );
}
