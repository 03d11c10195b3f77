// The trip planner: header, the days with their places, the places sidebar, the map and the accommodations. Keeps
// itself current through the realtime client (changes by other people and by AI clients arrive without reload).
// Below `lg` a tab bar shows one section (days, places, map) at a time; from `lg` up all sit side by side.
import { useMemo, useState } from 'react';
import { useSearchParams } from '@remix-run/react';
import { areas } from '~/areas';
import { useAddons } from '~/utils/addons';
import { plannerTabsFor } from './plannerTabs';
import { useTranslation } from 'react-i18next';
import { RealtimeNotices, useTripRealtime } from '~/realtime/client';
import { errorMessage } from '~/utils/trpc';
import { AccommodationsPanel } from '~/areas/accommodations/AccommodationsPanel';
import { DayList } from '~/areas/days/DayList';
import { DEFAULT_PLACE_COLOR } from './icons';
import { PlacesSidebar } from '~/areas/places/PlacesSidebar';
import { PlannerHeader } from './PlannerHeader';
import {
  AddedToDayNotice,
  PlannerSectionTabs,
  sectionPanelProps,
  useAddedToDay,
  usePlannerSection,
  useWideLayout,
  type PlannerSection,
} from './PlannerSectionTabs';
import { TripDialogs } from './TripDialogs';
import { TripMap } from '~/areas/places/TripMap';
import { useTransportLines } from '~/areas/reservations/DayBookings';
import { mapOfDays, viewAmong, type MapView } from '~/areas/places/map-points';
import { useRoadLines } from '~/areas/places/useRoadLines';
import { btn } from './ui';
import { dayLabel, usePlannerQueries, useRefreshPlanner } from './usePlanner';

export function PlannerPage({ tripId }: { tripId: number }) {
  const { t, i18n } = useTranslation('planner');
  useTripRealtime(tripId);
  const { summary, places, categories } = usePlannerQueries(tripId);
  const refresh = useRefreshPlanner(tripId);
  const [dialog, setDialog] = useState<'members' | 'edit' | null>(null);
  const categoryList = useMemo(() => categories.data?.categories ?? [], [categories.data]);
  const categoryById = useMemo(() => new Map(categoryList.map((c) => [c.id, c])), [categoryList]);
  const days = useMemo(
    () => (summary.data?.days ?? []).map((day, index) => ({ day, label: dayLabel(day, index, t, i18n.language) })),
    [summary.data?.days, t, i18n.language]
  );
  const [section, setSection] = usePlannerSection(tripId);
  const addons = useAddons();
  const areaTabs = useMemo(() => plannerTabsFor(areas, addons), [addons]);
  const [searchParams, setSearchParams] = useSearchParams();
  const wide = useWideLayout();
  const { added, dismiss, onAssigned } = useAddedToDay(days);

  const placeList = places.data?.places;
  const lines = useTransportLines(tripId);
  // Places coloured by their (first) day and numbered in its visiting order; a line through each day's places.
  // The places list's category filter applies to the map too.
  const [mapCategoryId, setMapCategoryId] = useState<number | null>(null);
  // The map is fitted to the whole trip or to one day (then it shows only that day's places and line).
  const [chosenMapView, setMapView] = useState<MapView>('trip');
  const mapView = viewAmong(chosenMapView, days.map((d) => d.day.id));
  const { points: allPoints, dayLines } = useMemo(
    () => mapOfDays(days, placeList ?? [], (id) => categoryById.get(id)?.color ?? null, DEFAULT_PLACE_COLOR, mapView),
    [placeList, days, categoryById, mapView],
  );
  // along roads when the server has a router; straight otherwise
  const roadLines = useRoadLines(tripId, dayLines);
  const locatedCount = useMemo(() => (placeList ?? []).filter((p) => p.lat != null && p.lng != null).length, [placeList]);
  const points = useMemo(() => {
    if (mapCategoryId === null) return allPoints;
    const shown = new Set((placeList ?? []).filter((p) => p.categoryId === mapCategoryId).map((p) => p.id));
    return allPoints.filter((p) => shown.has(p.id));
  }, [allPoints, placeList, mapCategoryId]);

  if (summary.isLoading) {
    return (
      <div className="flex min-h-[40vh] items-center justify-center" role="status">
        <span className="h-8 w-8 animate-spin rounded-full border-4 border-indigo-200 border-t-indigo-600" aria-hidden />
        <span className="ms-3 text-slate-600">{t('loading')}</span>
      </div>
    );
  }
  if (summary.error || !summary.data) {
    return (
      <div className="mx-auto max-w-lg rounded-xl border border-red-200 bg-white p-6 text-center" role="alert">
        <p className="font-semibold text-slate-900">{t('loadError')}</p>
        <p className="mt-1 text-sm text-slate-600">{errorMessage(summary.error, t)}</p>
        <button type="button" className={`${btn.primary} mt-4`} onClick={() => void summary.refetch()}>
          {t('action.retry')}
        </button>
      </div>
    );
  }

  const data = summary.data;
  const areaTab = areaTabs.find((tab) => tab.id === searchParams.get('tab'));
  const panel = (name: PlannerSection, className: string) => sectionPanelProps(name, section, wide, className);
  const showSection = (next: PlannerSection) => {
    if (next !== 'places') dismiss();
    setSection(next);
  };
  const showDay = (dayId: number) => {
    showSection('days');
    // The click has been rendered by the next frame, so the day is laid out and can be scrolled to.
    requestAnimationFrame(() => document.querySelector(`[data-day-id="${dayId}"]`)?.scrollIntoView({ block: 'center' }));
  };
  return (
    <>
      <PlannerHeader summary={data} onMembers={() => setDialog('members')} onEdit={() => setDialog('edit')} />
      {areaTabs.length > 0 && (
        <nav aria-label={t('sections.areas')} className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200">
          {[{ id: null, label: t('sections.plan') }, ...areaTabs.map((tab) => ({ id: tab.id, label: t(tab.labelKey) }))].map(({ id, label }) => {
            const current = (areaTab?.id ?? null) === id;
            return (
              <button
                key={id ?? 'plan'}
                type="button"
                aria-current={current ? 'page' : undefined}
                onClick={() => setSearchParams(id ? { tab: id } : {}, { replace: true, preventScrollReset: true })}
                className={`-mb-px min-h-11 border-b-2 px-3 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
                  current ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:text-slate-900'
                }`}
              >
                {label}
              </button>
            );
          })}
        </nav>
      )}
      {areaTab ? (
        <areaTab.Component tripId={tripId} />
      ) : (
        <>
      <PlannerSectionTabs
        active={section}
        onChange={showSection}
        counts={{ days: days.length, places: placeList?.length, map: points.length }}
      />
      {section === 'places' && <AddedToDayNotice added={added} onShow={showDay} onDismiss={dismiss} />}
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[auto_1fr] xl:grid-cols-[20rem_minmax(0,1fr)_26rem]">
        <div {...panel('days', 'lg:col-start-1 lg:row-span-2 lg:row-start-1 xl:col-start-2')}>
          <DayList tripId={tripId} days={days} categories={categoryById} onChanged={() => void refresh()} />
        </div>
        <div
          {...panel(
            'places',
            'lg:col-start-2 lg:row-start-1 xl:sticky xl:top-4 xl:col-start-1 xl:row-span-2 xl:max-h-[calc(100vh-2rem)] xl:overflow-y-auto xl:rounded-xl'
          )}
        >
          <PlacesSidebar
            tripId={tripId}
            places={placeList}
            loading={places.isLoading}
            loadError={places.error}
            categories={categoryList}
            days={days}
            onChanged={() => void refresh()}
            onAssigned={onAssigned}
            categoryFilter={mapCategoryId}
            onCategoryFilter={setMapCategoryId}
          />
        </div>
        <div {...panel('map', 'space-y-5 lg:col-start-2 lg:row-start-2 xl:col-start-3 xl:row-span-2 xl:row-start-1')}>
          <TripMap
            points={points}
            lines={mapView === 'trip' ? [...roadLines, ...lines] : roadLines}
            unplacedCount={(placeList?.length ?? 0) - locatedCount}
            days={days.map(({ day, label }) => ({ id: day.id, label }))}
            view={mapView}
            onView={setMapView}
          />
          <AccommodationsPanel
            tripId={tripId}
            accommodations={data.accommodations}
            places={placeList ?? []}
            days={days}
            onChanged={() => void refresh()}
          />
        </div>
      </div>
        </>
      )}
      <TripDialogs tripId={tripId} trip={data.trip} open={dialog} onClose={() => setDialog(null)} />
      <RealtimeNotices />
    </>
  );
}
