// The signed-in user's display preferences, resolved (their choice, else the custom of the app language's region), as
// the root loader sent them; and formatters bound to them. Read through the route data, like useAddons(), because
// area components must not import app/root.tsx.
import { useRouteLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveDisplay, type ResolvedDisplay } from '~/domain/display-preferences';
import { formatClockTime, formatDateTime, formatDistance, formatInstantInZone } from '~/domain/display-format';

export function useDisplay(): ResolvedDisplay {
  const { i18n } = useTranslation();
  const display = (useRouteLoaderData('root') as { display?: ResolvedDisplay } | undefined)?.display;
  return useMemo(() => display ?? resolveDisplay(null, i18n.language), [display, i18n.language]);
}

/** Formatters in the app language and the user's clock and units. */
export function useDisplayFormat() {
  const { i18n } = useTranslation();
  const display = useDisplay();
  const language = i18n.language;
  return useMemo(
    () => ({
      display,
      /** "14:30" → "2:30 PM" for a 12-hour reader */
      clockTime: (hm: string) => formatClockTime(hm, language, display.timeFormat),
      instantInZone: (instant: string, zone: string | undefined, withDate = true) => formatInstantInZone(instant, zone, language, display.timeFormat, withDate),
      dateTime: (instant: string) => formatDateTime(instant, language, display.timeFormat),
      distance: (metres: number) => formatDistance(metres, language, display.distanceUnit),
    }),
    [display, language],
  );
}
