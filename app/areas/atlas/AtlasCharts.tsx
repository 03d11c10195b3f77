// Two small bar charts of the Atlas: trips per year and visited countries per continent. Plain HTML bars, each
// with its figure as text, so a screen reader reads them as a list.
import { useTranslation } from 'react-i18next';
import type { AtlasStatsResult } from './events';

type Stats = AtlasStatsResult['stats'];

const CONTINENT_KEYS: Record<string, string> = {
  Europe: 'europe',
  Asia: 'asia',
  Africa: 'africa',
  'North America': 'northAmerica',
  'South America': 'southAmerica',
  Oceania: 'oceania',
  Other: 'other',
};

function Bars({ title, rows, testId }: { title: string; rows: { label: string; value: number; text: string }[]; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="text-sm font-semibold text-slate-800">{title}</figcaption>
      <ul className="mt-3 space-y-1.5">
        {rows.map((r) => (
          <li key={r.label} className="grid grid-cols-[7rem_minmax(0,1fr)] items-center gap-2 text-xs">
            <span className="truncate text-slate-600">{r.label}</span>
            <span className="flex items-center gap-2">
              <span aria-hidden className="h-3 rounded-e bg-indigo-500" style={{ width: `${(r.value / max) * 100}%`, minWidth: '0.25rem' }} />
              <span className="whitespace-nowrap text-slate-700">{r.text}</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function AtlasCharts({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation('atlas');
  const number = new Intl.NumberFormat(i18n.language, { useGrouping: false });
  const years = stats.tripsPerYear.map((y) => ({ label: number.format(y.year), value: y.trips, text: t('charts.trips', { count: y.trips }) }));
  const continents = Object.entries(stats.continents)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => ({ label: t(`continents.${CONTINENT_KEYS[name] ?? 'other'}`), value: count, text: t('charts.countries', { count }) }));
  if (years.length === 0 && continents.length === 0) return null;
  return (
    <section aria-labelledby="atlas-charts-heading" className="space-y-3">
      <h2 id="atlas-charts-heading" className="text-lg font-semibold text-slate-900">
        {t('charts.heading')}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        {years.length > 0 && <Bars title={t('charts.perYear')} rows={years} testId="atlas-chart-years" />}
        {continents.length > 0 && <Bars title={t('charts.perContinent')} rows={continents} testId="atlas-chart-continents" />}
      </div>
    </section>
  );
}
