// Settings → Profile → Display: theme, units, 12/24-hour time and week start. "Automatic" (null) follows the custom of
// the language's region and names what that is. Saving reloads the root data, so the theme and formats apply at once.
import { useRevalidator, useRouteLoaderData } from '@remix-run/react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, buttonClasses } from '~/components/ui';
import { DISTANCE_UNITS, THEMES, TIME_FORMATS, WEEK_STARTS, weekStartDayOf, type DisplayPreferences, type ResolvedDisplay } from '~/domain/display-preferences';
import { formatClockTime } from '~/domain/display-format';
import { TEMPERATURE_UNITS } from '~/areas/weather/rules';
import { errorMessage, useTRPC } from '~/utils/trpc';

type Field = Exclude<keyof DisplayPreferences, 'theme'>;

export function DisplaySettings({ preferences }: { preferences: DisplayPreferences }) {
  const { t, i18n } = useTranslation('display');
  const { t: tw } = useTranslation('weather');
  const trpc = useTRPC();
  const revalidator = useRevalidator();
  const defaults = (useRouteLoaderData('root') as { displayDefaults?: ResolvedDisplay } | undefined)?.displayDefaults;
  // Local state, so a choice does not snap back while the save is on its way.
  const [values, setValues] = useState<DisplayPreferences>(preferences);
  const save = useMutation(trpc.account.updateDisplay.mutationOptions({ onSuccess: () => revalidator.revalidate() }));
  const language = i18n.language;
  const weekdayName = (day: 'monday' | 'sunday' | 'saturday') =>
    new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + weekStartDayOf(day)))); // 7 Jan 2024 was a Sunday
  const labelOf: { [K in Field]: (value: NonNullable<DisplayPreferences[K]>) => string } = {
    distanceUnit: (v) => t(`distanceUnit.${v}`),
    timeFormat: (v) => formatClockTime('14:30', language, v),
    weekStart: (v) => weekdayName(v),
    temperatureUnit: (v) => tw(`unit.${v}`),
  };
  const set = <K extends keyof DisplayPreferences>(key: K, raw: string) => setValues((v) => ({ ...v, [key]: raw === '' ? null : raw }));
  const select = <K extends Field>(key: K, label: string, options: readonly NonNullable<DisplayPreferences[K]>[]) => (
    <SelectField id={`field-${key}`} label={label} name={key} value={values[key] ?? ''} onChange={(event) => set(key, event.target.value)}>
      <option value="">{defaults ? t('auto', { value: (labelOf[key] as (v: string) => string)(defaults[key]) }) : t('autoPlain')}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {(labelOf[key] as (v: string) => string)(o)}
        </option>
      ))}
    </SelectField>
  );

  return (
    <section aria-labelledby="display-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="display-heading" className="text-lg font-semibold text-slate-900">
        {t('heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      <form
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(values);
        }}
      >
        <SelectField id="field-theme" label={t('theme.label')} name="theme" value={values.theme ?? 'system'} onChange={(event) => set('theme', event.target.value === 'system' ? '' : event.target.value)}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`theme.${theme}`)}
            </option>
          ))}
        </SelectField>
        {select('timeFormat', t('timeFormat.label'), TIME_FORMATS)}
        {select('weekStart', t('weekStart.label'), WEEK_STARTS)}
        {select('distanceUnit', t('distanceUnit.label'), DISTANCE_UNITS)}
        {select('temperatureUnit', tw('unit.label'), TEMPERATURE_UNITS)}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClasses('primary')} disabled={save.isPending}>
            {save.isPending ? t('saving') : t('save')}
          </button>
          {save.isSuccess && !save.isPending && (
            <p role="status" className="text-sm text-emerald-700">
              {t('saved')}
            </p>
          )}
          {save.isError && (
            <p role="alert" className="text-sm text-red-700">
              {errorMessage(save.error, t)}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
