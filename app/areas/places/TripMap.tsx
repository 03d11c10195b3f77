// The map of the trip's places. Leaflet touches `window`, so it is loaded only in the browser, after mount; without
// coordinates or without tiles (offline, blocked) the page stays usable and the map just stays grey.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/utils/trpc';
import type { MapLine, MapPoint } from './TripMapInner.client';

const TripMapInner = lazy(() => import('./TripMapInner.client'));

export function TripMap({ points, lines = [], unplacedCount }: { points: MapPoint[]; lines?: MapLine[]; unplacedCount: number }) {
  const { t } = useTranslation('planner');
  const [mounted, setMounted] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  // the tile server the administrator configured (MAP_TILE_URL, MAP_TILE_ATTRIBUTION); OpenStreetMap by default
  const settings = useQuery(useTRPC().geo.mapSettings.queryOptions(undefined, { staleTime: Infinity }));
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
      <div className="relative isolate h-64 sm:h-80" data-testid="trip-map">
        {points.length === 0 && lines.length === 0 ? (
          <div className="flex h-full items-center justify-center bg-slate-50 px-6 text-center text-sm text-slate-500">
            {t('map.empty')}
          </div>
        ) : mounted && !settings.isPending ? (
          <Suspense fallback={placeholder}>
            <TripMapInner points={points} lines={lines} tiles={settings.data?.tiles} onTilesFailed={() => setTilesFailed(true)} />
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
