// An entry's location: a place-name search (the places area's geocoding search), a map to click or drag the pin on,
// the latitude and longitude fields (always editable, for the keyboard and for exact values) and a way to clear it.
// Leaflet touches `window`, so the map loads in the browser after mount; without tiles it stays grey but usable.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { Button, TextField } from '~/components/ui';
import { useTRPC } from '~/utils/trpc';
import { PlaceSearch } from '../places/PlaceFormDialog';
import type { LatLng } from './LocationPickerMap.client';
import { OSM_TILES } from '~/domain/map-tiles';
import { validPair } from '~/domain/maps-url';

const LocationPickerMap = lazy(() => import('./LocationPickerMap.client'));


export interface LocationValue {
  locationName: string;
  /** as typed: '' when not set */
  lat: string;
  lng: string;
}

/** The position the fields describe, when both are valid numbers in range. */
export function positionOf(value: Pick<LocationValue, 'lat' | 'lng'>): LatLng | null {
  if (value.lat.trim() === '' || value.lng.trim() === '') return null;
  const lat = Number(value.lat);
  const lng = Number(value.lng);
  return validPair(lat, lng) ? { lat, lng } : null;
}

export function LocationPicker({ value, onChange }: { value: LocationValue; onChange(next: Partial<LocationValue>): void }) {
  const { t } = useTranslation('journey');
  const [mounted, setMounted] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const settings = useQuery(useTRPC().geo.mapSettings.queryOptions(undefined, { staleTime: 60_000 }));
  useEffect(() => setMounted(true), []);
  const at = positionOf(value);
  const pick = (p: LatLng) => onChange({ lat: String(p.lat), lng: String(p.lng) });
  const loading = (
    <div className="flex h-full items-center justify-center bg-slate-100 text-sm text-slate-500" role="status">
      {t('planner:map.loading')}
    </div>
  );
  return (
    <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2" data-testid="journey-location">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t('location.legend')}</legend>
      <div className="sm:col-span-2">
        <PlaceSearch onPick={(r) => onChange({ locationName: r.address ? `${r.name}, ${r.address}` : r.name, lat: String(r.lat), lng: String(r.lng) })} />
      </div>
      <TextField className="sm:col-span-2" label={t('fields.location')} value={value.locationName} onChange={(e) => onChange({ locationName: e.target.value })} maxLength={300} />
      <div className="relative isolate h-56 overflow-hidden rounded-md border border-slate-200 sm:col-span-2" data-testid="journey-location-map" aria-label={t('location.mapLabel')} role="group">
        {mounted && !settings.isPending ? (
          <Suspense fallback={loading}>
            <LocationPickerMap value={at} onPick={pick} pinLabel={t('location.pin')} tiles={settings.data?.tiles ?? OSM_TILES} onTilesFailed={() => setTilesFailed(true)} />
          </Suspense>
        ) : (
          loading
        )}
      </div>
      <p className="text-xs text-slate-500 sm:col-span-2">{tilesFailed ? t('planner:map.tilesFailed') : t('location.hint')}</p>
      <TextField label={t('fields.lat')} type="number" step="any" min={-90} max={90} value={value.lat} onChange={(e) => onChange({ lat: e.target.value })} />
      <TextField label={t('fields.lng')} type="number" step="any" min={-180} max={180} value={value.lng} onChange={(e) => onChange({ lng: e.target.value })} />
      {(value.lat !== '' || value.lng !== '') && (
        <div className="sm:col-span-2">
          <Button size="sm" variant="ghost" onClick={() => onChange({ lat: '', lng: '' })} data-testid="journey-location-clear">
            {t('location.clear')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
