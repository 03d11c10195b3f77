// Details of the OpenStreetMap place picked in the place search (get_place_details): opening hours, website and phone,
// shown in the place dialog; the website and phone fill empty fields of the new place. The lookup may be unavailable,
// which is shown, not fatal.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '~/utils/trpc';

export interface FoundDetails {
  website: string | null;
  phone: string | null;
}

export function PlaceDetailsPanel({ osmId, onDetails }: { osmId: string; onDetails: (details: FoundDetails) => void }) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const details = useQuery(trpc.geo.getPlaceDetails.queryOptions({ placeId: osmId }, { retry: false, staleTime: 10 * 60_000 }));
  const reported = useRef<string | null>(null);
  const data = details.data?.details;
  useEffect(() => {
    if (!data || reported.current === osmId) return;
    reported.current = osmId;
    onDetails({ website: data.website, phone: data.phone });
  }, [data, osmId, onDetails]);

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
  const rows = [
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
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('placeDetails.title')}</h3>
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
        <p className="mt-1 text-xs text-slate-500">{t('placeDetails.none')}</p>
      )}
    </section>
  );
}
