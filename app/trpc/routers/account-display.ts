// The signed-in user's display preferences (decision 033): theme, distance and temperature units, 12/24-hour time and
// week start. Each field left out stays as it is; null returns it to the custom of the language's region.
import { z } from 'zod';
import { webSessionProcedure } from '../init';
import { DISTANCE_UNITS, THEMES, TIME_FORMATS, WEEK_STARTS, displayPreferencesOf } from '~/domain/display-preferences';
import { TEMPERATURE_UNITS } from '~/areas/weather/rules';

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')} (or null for the language's default)` }).nullish();

export const displayProcedures = {
  updateDisplay: webSessionProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        theme: choice(THEMES),
        distanceUnit: choice(DISTANCE_UNITS),
        timeFormat: choice(TIME_FORMATS),
        weekStart: choice(WEEK_STARTS),
        temperatureUnit: choice(TEMPERATURE_UNITS),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.user.update({ where: { id: ctx.actor.user.id }, data: input });
      return { display: displayPreferencesOf(user) };
    }),
};
