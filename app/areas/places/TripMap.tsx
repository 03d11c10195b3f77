// The map of the trip's places. Leaflet touches `window`, so it is loaded only in the browser, after mount; without
// coordinates or without tiles (offline, blocked) the page stays usable and the map just stays grey.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/utils/trpc';
import type { MapLine, MapPoint } from './TripMapInner.client';
import type { MapView } from './map-points';

const TripMapInner = lazy(() => import('./TripMapInner.client'));

export function TripMap({
  points,
  lines = [],
  unplacedCount,
  days = [],
  view = 'trip',
  onView,
}: {
  points: MapPoint[];
  lines?: MapLine[];
  unplacedCount: number;
  /** the trip's days, for the "fit to" control */
  days?: { id: number; label: string }[];
  view?: MapView;
  onView?: (view: MapView) => void;
}) {
  const { t } = useTranslation('planner');
  const [mounted, setMounted] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  // the tile server the administrator configured (Admin → Map, else MAP_TILE_URL / MAP_TILE_ATTRIBUTION); OpenStreetMap by
  // default. Asked again when the page mounts or regains focus after a minute, so a changed setting reaches open maps.
  const settings = useQuery(useTRPC().geo.mapSettings.queryOptions(undefined, { staleTime: 60_000 }));
  useEffect(() => setMounted(true), []);
  const placeholder = (
    <div className="flex h-full items-center justify-center bg-slate-100 text-sm text-slate-500" role="status">
      {t('map.loading')}
    </div>
  );
  return (
    <section aria-labelledby="map-heading" className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex items-center justify-between gap-2 px-4 py-3">
        <h2 id="map-heading" className="text-base font-semibold text-slate-900">
          {t('map.heading')}
        </h2>
        {unplacedCount > 0 && <span className="text-xs text-slate-500">{t('map.withoutCoords', { count: unplacedCount })}</span>}
      </div>
      {onView && days.length > 0 && (
        <div role="group" aria-label={t('map.fitLabel')} className="flex min-w-0 flex-wrap gap-1 px-4 pb-3" data-testid="map-fit">
          {[{ key: 'trip', label: t('map.fitTrip'), target: 'trip' as MapView }, ...days.map((d) => ({ key: String(d.id), label: d.label, target: { dayId: d.id } as MapView }))].map(
            ({ key, label, target }) => {
              const pressed = target === 'trip' ? view === 'trip' : view !== 'trip' && view.dayId === target.dayId;
              return (
                <button
                  key={key}
                  type="button"
                  aria-pressed={pressed}
                  onClick={() => onView(target)}
                  className={`min-h-9 shrink-0 whitespace-nowrap rounded-full border px-3 text-xs font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
                    pressed ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
                  }`}
                >
                  {label}
                </button>
              );
            },
          )}
        </div>
      )}
      <div className="relative isolate h-64 sm:h-80" data-testid="trip-map">
        {points.length === 0 && lines.length === 0 ? (
          <div className="flex h-full items-center justify-center bg-slate-50 px-6 text-center text-sm text-slate-500">
            {view === 'trip' ? t('map.empty') : t('map.emptyDay')}
          </div>
        ) : mounted && !settings.isPending ? (
          <Suspense fallback={placeholder}>
            <TripMapInner
              points={points}
              lines={lines}
              clusterLabel={(count) => t('map.cluster', { count })}
              tiles={settings.data?.tiles} onTilesFailed={() => setTilesFailed(true)} />
          </Suspense>
        ) : (
          placeholder
        )}
      </div>
      {tilesFailed && (
        <p className="border-t border-slate-200 bg-amber-50 px-4 py-2 text-xs text-amber-900" role="status" data-testid="map-tiles-failed">
          {t('map.tilesFailed')}
        </p>
      )}
    </section>
  );
}
