// A planner day's weather: icon, max/min and chance of rain at the day's first place (or its stay), labelled as
// forecast, observed or climate average; a click opens the hour-by-hour view. Temperatures follow the user's unit.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Dialog } from '~/components/ui/Dialog';
import { Spinner } from '~/components/ui/Spinner';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { weatherPlaceOfDay, type WeatherPlace } from './day-place';
import { useDisplay } from '~/utils/display';
import { displayTemperature, type Condition, type TemperatureUnit, type WeatherKind } from './rules';

const ICONS: Record<Condition, string> = {
  Clear: '☀️',
  PartlyCloudy: '⛅',
  Clouds: '☁️',
  Fog: '🌫️',
  Drizzle: '🌦️',
  Rain: '🌧️',
  Snow: '❄️',
  Thunderstorm: '⛈️',
};

const STALE_MS = 30 * 60_000;

/** The unit to show: the user's setting, else what their browser's region (or language's region) reads (decision 033). */
export function useTemperatureUnit(): TemperatureUnit {
  return useDisplay().temperatureUnit;
}

interface Props {
  tripId: number;
  dayId: number;
  date: string | null;
  /** "Day 2 · Sat, 5 Sep" */
  label: string;
}

export function DayWeather({ tripId, dayId, date, label }: Props) {
  const { t, i18n } = useTranslation('weather');
  const trpc = useTRPC();
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const place = summary.data ? weatherPlaceOfDay(summary.data.days, summary.data.accommodations, dayId) : null;
  const unit = useTemperatureUnit();
  const [open, setOpen] = useState(false);
  const weather = useQuery(
    trpc.weather.getWeather.queryOptions(
      // °C always: the chip converts to the unit shown (useTemperatureUnit) itself
      { lat: place?.lat ?? 0, lng: place?.lng ?? 0, date: date ?? '2000-01-01', units: 'celsius' },
      { enabled: !!place && !!date, staleTime: STALE_MS, retry: 1 },
    ),
  );
  if (!date) return null;
  const chip = 'mt-1 inline-flex max-w-full items-center gap-1.5 rounded-full px-2 py-0.5 text-xs';
  if (summary.isPending) return null;
  if (!place) {
    return (
      <p className={`${chip} text-slate-400`} data-testid="day-weather" data-state="no-place">
        {t('day.noPlace')}
      </p>
    );
  }
  if (weather.isPending) {
    return (
      <span className={`${chip} text-slate-500`} data-testid="day-weather" data-state="loading">
        <Spinner size="sm" label={t('day.loading')} />
      </span>
    );
  }
  if (weather.isError) {
    return (
      <p className={`${chip} bg-amber-50 text-amber-800`} data-testid="day-weather" data-state="error" title={errorMessage(weather.error, t)}>
        {t('day.unavailable')}
      </p>
    );
  }
  const day = weather.data && 'weather' in weather.data ? weather.data.weather : null;
  if (!day) {
    return (
      <p className={`${chip} text-slate-400`} data-testid="day-weather" data-state="none">
        {t('day.none')}
      </p>
    );
  }
  const percent = (n: number) => new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(n / 100);
  const degrees = (c: number) => `${new Intl.NumberFormat(i18n.language).format(displayTemperature(c, unit))}°`;
  const condition = t(`condition.${day.condition}`);
  const described = t('day.summary', {
    condition,
    max: degrees(day.tempMax),
    min: degrees(day.tempMin),
    rain: day.precipitationProbability === null ? '–' : percent(day.precipitationProbability),
    place: place.name,
    kind: t(`kind.${day.kind}`),
  });
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={`${chip} bg-sky-50 text-sky-900 hover:bg-sky-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500`}
        data-testid="day-weather"
        data-state="ready"
        data-kind={day.kind}
        aria-label={described}
        title={described}
      >
        <span aria-hidden>{ICONS[day.condition]}</span>
        <span aria-hidden className="font-medium" data-testid="day-weather-temps">
          {degrees(day.tempMax)} / {degrees(day.tempMin)}
        </span>
        {day.precipitationProbability !== null && (
          <span aria-hidden className="text-sky-700">
            💧{percent(day.precipitationProbability)}
          </span>
        )}
        <span aria-hidden className={`rounded px-1 ${kindClass(day.kind)}`}>
          {t(`kind.${day.kind}Short`)}
        </span>
      </button>
      <DayWeatherDialog open={open} onClose={() => setOpen(false)} place={place} date={date} label={label} unit={unit} years={day.years} />
    </>
  );
}

const kindClass = (kind: WeatherKind) => (kind === 'climate' ? 'bg-violet-100 text-violet-800' : kind === 'observed' ? 'bg-slate-200 text-slate-700' : 'bg-sky-100 text-sky-800');

function DayWeatherDialog(props: { open: boolean; onClose(): void; place: WeatherPlace; date: string; label: string; unit: TemperatureUnit; years?: number[] }) {
  const { open, onClose, place, date, label, unit, years } = props;
  const { t, i18n } = useTranslation('weather');
  const trpc = useTRPC();
  const detail = useQuery(
    trpc.weather.getDetailedWeather.queryOptions({ lat: place.lat, lng: place.lng, date, units: 'celsius' }, { enabled: open, staleTime: STALE_MS, retry: 1 }),
  );
  const number = (n: number | null, digits = 0) => (n === null ? '–' : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(n));
  const degrees = (c: number | null) => (c === null ? '–' : `${number(displayTemperature(c, unit))}°`);
  const percent = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(n / 100));
  const w = detail.data?.weather;
  return (
    <Dialog open={open} onClose={onClose} size="lg" title={t('detail.title', { day: label, place: place.name })} testId="weather-detail">
      {detail.isPending && <Spinner label={t('day.loading')} />}
      {detail.isError && <p role="alert" className="text-sm text-red-700">{errorMessage(detail.error, t)}</p>}
      {detail.isSuccess && !w && <p className="text-sm text-slate-500">{t('day.none')}</p>}
      {w && (
        <div className="space-y-3 text-sm">
          <p className="font-medium text-slate-900">
            {t(`kind.${w.kind}`)} · {t(`condition.${w.condition}`)} · {degrees(w.tempMax)} / {degrees(w.tempMin)}
          </p>
          {w.kind === 'climate' && (
            <p className="text-slate-600">
              {t('detail.climateNote', { date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${w.hoursFrom}T00:00:00Z`)) })}
              {years?.length ? ` ${t('detail.climateYears', { years: years.join(', ') })}` : ''}
            </p>
          )}
          <p className="text-slate-600">
            {t('detail.sunrise')}: <bdi>{w.sunrise?.slice(11, 16) ?? '–'}</bdi> · {t('detail.sunset')}: <bdi>{w.sunset?.slice(11, 16) ?? '–'}</bdi>
          </p>
          <div className="max-h-80 overflow-auto rounded border border-slate-200">
            <table className="w-full text-start text-xs">
              <caption className="sr-only">{t('detail.hourly')}</caption>
              <thead className="sticky top-0 bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-2 py-1 text-start">{t('detail.hour')}</th>
                  <th scope="col" className="px-2 py-1 text-start">{t('detail.condition')}</th>
                  <th scope="col" className="px-2 py-1 text-end">{t('detail.temperature')}</th>
                  <th scope="col" className="px-2 py-1 text-end">{t('detail.rainChance')}</th>
                  <th scope="col" className="px-2 py-1 text-end">{t('detail.precipitation')}</th>
                  <th scope="col" className="px-2 py-1 text-end">{t('detail.wind')}</th>
                </tr>
              </thead>
              <tbody>
                {w.hourly.map((h) => (
                  <tr key={h.hour} className="border-t border-slate-100" data-testid="weather-hour">
                    <td className="px-2 py-1"><bdi>{h.hour}</bdi></td>
                    <td className="px-2 py-1">
                      <span aria-hidden>{ICONS[h.condition]}</span> {t(`condition.${h.condition}`)}
                    </td>
                    <td className="px-2 py-1 text-end">{degrees(h.temp)}</td>
                    <td className="px-2 py-1 text-end">{percent(h.precipitationProbability)}</td>
                    <td className="px-2 py-1 text-end">{t('detail.mm', { value: number(h.precipitation, 1) })}</td>
                    <td className="px-2 py-1 text-end">{t('detail.kmh', { value: number(h.wind) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Dialog>
  );
}
