// The Atlas page: counters, the world map (visited countries filled, bucket-list pins), the visited countries with a
// panel per country (its places, trips and regions), charts and the bucket list. Kept live through the user's own
// channel (marks, bucket list) and the channels of the user's trips (a place added in a new country).
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, SelectField, Spinner } from '~/components/ui';
import { useTripChannelEvents } from '~/realtime/client';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { WorldMap, type VisitKind } from './WorldMap';
import { CountryPanel } from './CountryPanel';
import { BucketList } from './BucketList';
import { AtlasCharts } from './AtlasCharts';
import { useCountryNames } from './useCountryNames';
import type { AtlasStatsResult } from './events';

/** Trip events that can change what the Atlas computes (places and their coordinates, trip dates, trips leaving). */
const TRIP_EVENTS = /^(place\.|places\.|trip\.|reconnected$)/;

export function AtlasPage() {
  const { t } = useTranslation('atlas');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const names = useCountryNames();
  const [selected, setSelected] = useState<string | null>(null);

  const stats = useQuery(trpc.atlas.getAtlasStats.queryOptions());
  const bucket = useQuery(trpc.atlas.listBucketList.queryOptions());
  const trips = useQuery(trpc.trips.listTrips.queryOptions({ includeArchived: true }));
  const refreshAtlas = () => queryClient.invalidateQueries({ queryKey: trpc.atlas.pathKey() });
  const tripIds = useMemo(() => (trips.data?.trips ?? []).map((trip) => trip.id), [trips.data]);
  useTripChannelEvents(tripIds, (event) => {
    if (TRIP_EVENTS.test(event)) void refreshAtlas();
  });

  const visited = useMemo(() => {
    const map = new Map<string, VisitKind>();
    for (const c of stats.data?.stats.countries ?? []) map.set(c.code, c.fromTrips ? 'trips' : 'hand');
    return map;
  }, [stats.data]);
  const wished = useMemo(() => new Set((bucket.data?.items ?? []).flatMap((item) => (item.countryCode ? [item.countryCode] : []))), [bucket.data]);
  const pins = useMemo(
    () => (bucket.data?.items ?? []).flatMap((item) => (item.lat !== null && item.lng !== null ? [{ id: item.id, name: item.name, lat: item.lat, lng: item.lng }] : [])),
    [bucket.data],
  );

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>

      {stats.isPending ? (
        <div className="flex items-center gap-2 text-sm text-slate-500" role="status">
          <Spinner size="sm" /> {t('loading')}
        </div>
      ) : stats.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(stats.error, t)}
        </p>
      ) : (
        <>
          <Counters stats={stats.data.stats} />
          <section aria-labelledby="atlas-map-heading" className="space-y-2">
            <h2 id="atlas-map-heading" className="text-lg font-semibold text-slate-900">
              {t('map.heading')}
            </h2>
            <WorldMap
              visited={visited}
              wished={wished}
              pins={pins}
              selected={selected}
              onSelect={setSelected}
              nameOf={names.nameOf}
              label={t('map.label', { count: visited.size })}
              pinLabel={(name) => t('map.pin', { name })}
            />
            <ul className="flex flex-wrap gap-4 text-xs text-slate-600" aria-label={t('map.legend')}>
              <li className="flex items-center gap-1">
                <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-indigo-600" /> {t('map.fromTrips')}
              </li>
              <li className="flex items-center gap-1">
                <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-indigo-300" /> {t('map.byHand')}
              </li>
              <li className="flex items-center gap-1">
                <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-amber-500" />
                <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-amber-200" /> {t('map.bucket')}
              </li>
            </ul>
          </section>

          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
            <VisitedCountries stats={stats.data.stats} selected={selected} onSelect={setSelected} onChanged={refreshAtlas} />
            {selected ? (
              <CountryPanel key={selected} code={selected} onClose={() => setSelected(null)} onChanged={refreshAtlas} />
            ) : (
              <p className="rounded-lg border border-dashed border-slate-200 p-6 text-sm text-slate-500">{t('country.pick')}</p>
            )}
          </div>

          <AtlasCharts stats={stats.data.stats} />
        </>
      )}

      <BucketList query={bucket} onChanged={() => queryClient.invalidateQueries({ queryKey: trpc.atlas.listBucketList.queryKey() })} />
    </div>
  );
}

type Stats = AtlasStatsResult['stats'];

function Counters({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation('atlas');
  const number = new Intl.NumberFormat(i18n.language);
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : '');
  const counters = [
    ['countries', stats.totals.countries],
    ['regions', stats.totals.regions],
    ['continents', stats.totals.continents],
    ['trips', stats.totals.trips],
    ['places', stats.totals.places],
    ['days', stats.totals.days],
    ['cities', stats.totals.cities],
  ] as const;
  return (
    <section aria-labelledby="atlas-counters-heading" className="space-y-3">
      <h2 id="atlas-counters-heading" className="sr-only">
        {t('counters.heading')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {counters.map(([key, value]) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`atlas-counter-${key}`}>
            <dt className="text-xs font-medium text-slate-500">{t(`counters.${key}`)}</dt>
            <dd className="text-2xl font-semibold text-slate-900">{number.format(value)}</dd>
          </div>
        ))}
      </dl>
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
        <li data-testid="atlas-streak">{t('highlights.streak', { count: stats.streak })}</li>
        {stats.firstTrip && <li>{t('highlights.firstTrip', { title: stats.firstTrip.title, date: date(stats.firstTrip.startDate) })}</li>}
        {stats.latestTrip && <li>{t('highlights.latestTrip', { title: stats.latestTrip.title, date: date(stats.latestTrip.startDate) })}</li>}
        {stats.nextTrip && <li>{t('highlights.nextTrip', { title: stats.nextTrip.title, count: stats.nextTrip.daysUntil })}</li>}
      </ul>
    </section>
  );
}

function VisitedCountries({ stats, selected, onSelect, onChanged }: { stats: Stats; selected: string | null; onSelect(code: string): void; onChanged(): Promise<unknown> }) {
  const { t } = useTranslation('atlas');
  const trpc = useTRPC();
  const names = useCountryNames();
  const [code, setCode] = useState('');
  const mark = useMutation(trpc.atlas.markCountryVisited.mutationOptions({ onSuccess: () => onChanged().then(() => setCode('')) }));
  const countries = [...stats.countries].sort((a, b) => names.compare(names.nameOf(a.code), names.nameOf(b.code)));
  return (
    <section aria-labelledby="atlas-countries-heading" className="space-y-4">
      <h2 id="atlas-countries-heading" className="text-lg font-semibold text-slate-900">
        {t('countries.heading')} <span className="text-slate-500">({countries.length})</span>
      </h2>
      {countries.length === 0 ? (
        <EmptyState title={t('countries.emptyTitle')} description={t('countries.emptyText')} icon="🗺" testId="atlas-empty" />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="atlas-countries">
          {countries.map((c) => (
            <li key={c.code}>
              <button
                type="button"
                onClick={() => onSelect(c.code)}
                aria-pressed={selected === c.code}
                className={`flex w-full items-center gap-3 px-3 py-2 text-start text-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 ${selected === c.code ? 'bg-indigo-50' : ''}`}
                data-country={c.code}
              >
                <span className="flex-1 font-medium text-slate-900">{names.nameOf(c.code)}</span>
                <span className="flex flex-wrap justify-end gap-1 text-xs">
                  {c.fromTrips && <span className="rounded bg-indigo-100 px-1.5 py-0.5 text-indigo-800">{t('countries.places', { count: c.placeCount })}</span>}
                  {c.markedByHand && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{t('countries.byHand')}</span>}
                  {c.markedRegions > 0 && <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-800">{t('countries.regions', { count: c.markedRegions })}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (code) mark.mutate({ countryCode: code });
        }}
      >
        <SelectField label={t('countries.markLabel')} value={code} onChange={(event) => setCode(event.target.value)} className="min-w-48 flex-1" error={mark.error ? errorMessage(mark.error, t) : null}>
          <option value="">{t('countries.choose')}</option>
          {names.sorted.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" busy={mark.isPending} disabled={!code}>
          {t('countries.mark')}
        </Button>
      </form>
    </section>
  );
}
