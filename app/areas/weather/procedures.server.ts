// Weather: for a trip's days (the planner, and agents) and for one place and date, daily or hour by hour.
// Read-only: nothing is stored, nothing is published. Temperatures in the caller's unit (units, else the user's
// setting, else their language's region); the answer's `units` says which. The UI asks for °C and converts itself.
import { z } from 'zod';
import { authedProcedure, loadTripForActor, router } from '~/trpc/init';
import { id, isoDate, latitude, longitude } from '~/trpc/schemas';
import { toIsoDate } from '~/domain/dates';
import { LANGUAGE_CODES } from '~/i18n/config';
import { dailyWeather, detailedWeather } from './open-meteo.server';
import { conditionText } from './texts.server';
import { weatherLocations } from './locations.server';
import { defaultTemperatureUnit, TEMPERATURE_UNITS, weatherUnits, withTemperatureUnit, type DayWeather, type TemperatureUnit } from './rules';

const lang = z.enum(LANGUAGE_CODES, { error: `must be one of ${LANGUAGE_CODES.join(', ')}` }).optional();

const units = z.enum(TEMPERATURE_UNITS, { error: 'must be celsius or fahrenheit' }).optional();

const today = () => toIsoDate(new Date());

/** The unit asked for, else the user's setting, else the one their language's region reads. */
const unitOf = (asked: TemperatureUnit | undefined, user: { temperatureUnit?: string | null; language: string }): TemperatureUnit =>
  asked ?? (TEMPERATURE_UNITS.find((u) => u === user.temperatureUnit) ?? defaultTemperatureUnit(user.language));

/** The description in the asked language (default: the caller's language), temperatures in the unit. */
function described<W extends DayWeather | null>(weather: W, language: string, unit: TemperatureUnit): W {
  return weather ? withTemperatureUnit({ ...weather, description: conditionText(language, weather.condition) }, unit) : weather;
}

export const weatherRouter = router({
  getWeather: authedProcedure
    .meta({
      scope: 'weather:read',
      mcp: {
        name: 'get_weather',
        kind: 'read',
        example: { tripId: 12 },
        description:
          'Daily weather (temperatures in units: celsius or fahrenheit, default the user’s setting; precipitation in mm; % chance of rain; the answer’s units field names them). Either tripId: every dated day of the trip, at the day’s first place with coordinates or else the stay of that night; or lat, lng and date for one place. Each answer says its kind: "forecast" (yesterday to 15 days ahead), "observed" (past days) or "climate" (further ahead: averages of the same dates ±3 days over the three previous years, with the years). weather is null where there is none (no place with coordinates, no data).',
      },
    })
    .input(
      z
        .object({ tripId: id('trip').optional(), lat: latitude.optional(), lng: longitude.optional(), date: isoDate.optional(), lang, units })
        .superRefine((v, ctx) => {
          const point = v.lat !== undefined || v.lng !== undefined || v.date !== undefined;
          if (v.tripId !== undefined && point) ctx.addIssue({ code: 'custom', path: ['tripId'], message: 'give either tripId or lat, lng and date, not both' });
          else if (v.tripId === undefined) {
            for (const field of ['lat', 'lng', 'date'] as const) {
              if (v[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required (or give tripId for a whole trip)' });
            }
          }
        }),
    )
    .query(async ({ ctx, input }) => {
      const language = input.lang ?? ctx.actor.user.language;
      const unit = unitOf(input.units, ctx.actor.user);
      const config = ctx.services.config;
      if (input.tripId === undefined) {
        const found = await dailyWeather(config, input.lat!, input.lng!, [input.date!], today());
        return { units: weatherUnits(unit), weather: described(found.get(input.date!) ?? null, language, unit) };
      }
      await loadTripForActor(ctx, input.tripId);
      const days = await weatherLocations(ctx.db, input.tripId);
      // One call per location serves all its dates (the service caches by rounded coordinates too).
      const byPlace = new Map<string, typeof days>();
      for (const day of days) {
        if (!day.place) continue;
        const key = `${day.place.lat.toFixed(2)},${day.place.lng.toFixed(2)}`;
        byPlace.set(key, [...(byPlace.get(key) ?? []), day]);
      }
      const weather = new Map<number, DayWeather | null>();
      for (const group of byPlace.values()) {
        const { lat, lng } = group[0].place!;
        const found = await dailyWeather(config, lat, lng, group.map((d) => d.date), today());
        for (const day of group) weather.set(day.dayId, described(found.get(day.date) ?? null, language, unit));
      }
      return { tripId: input.tripId, units: weatherUnits(unit), days: days.map((d) => ({ ...d, weather: weather.get(d.dayId) ?? null })) };
    }),

  getDetailedWeather: authedProcedure
    .meta({
      scope: 'weather:read',
      mcp: {
        name: 'get_detailed_weather',
        kind: 'read',
        description:
          'Hour by hour weather for one place and date (temperatures in units: celsius or fahrenheit, default the user’s setting; mm, km/h, %; the answer’s units field names them), with sunrise, sunset and the day’s summary. kind is "forecast" (yesterday to 15 days ahead), "observed" (past) or "climate": then the hours are those of the same date a year earlier (hoursFrom) and there is no chance of rain. weather is null when the service has no data for that date.',
      },
    })
    .input(z.object({ lat: latitude, lng: longitude, date: isoDate, lang, units }))
    .query(async ({ ctx, input }) => {
      const unit = unitOf(input.units, ctx.actor.user);
      const found = await detailedWeather(ctx.services.config, input.lat, input.lng, input.date, today());
      return { units: weatherUnits(unit), weather: described(found, input.lang ?? ctx.actor.user.language, unit) };
    }),
});
