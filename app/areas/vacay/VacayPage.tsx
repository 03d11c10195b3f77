// The Vacay page: the year calendar of the user's active plan, its people with their colours and remaining days, a
// legend, the plan's settings and holiday calendars, and sharing (invite, accept, decline, cancel, leave/dissolve).
// Everything changes live for every person of the plan (events on each person's private channel).
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useRouteLoaderData } from '@remix-run/react';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Button, ConfirmDialog, EmptyState, SelectField, Spinner, TextField } from '~/components/ui';
import { YearCalendar, type DayInfo } from './YearCalendar';
import { useDisplay } from '~/utils/display';
import { bookingBlockedBy, MAX_YEAR, MIN_YEAR } from './rules';
import type { VacayPlanData } from './events';
import { isLanguage } from '~/i18n/config';

type Mode = 'entries' | 'company';

export function VacayPage() {
  const { t, i18n } = useTranslation('vacay');
  const trpc = useTRPC();
  const me = (useRouteLoaderData('root') as { user?: { id: number } | null } | undefined)?.user?.id ?? 0;
  const plan = useQuery(trpc.vacay.getVacayPlan.queryOptions());
  const userWeekStart = useDisplay().weekStartDay;
  const years = plan.data?.years ?? [];
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year !== null && years.includes(year) ? year : years.includes(thisYear) ? thisYear : (years[years.length - 1] ?? thisYear);
  const hasYear = years.includes(shownYear);
  const entries = useQuery({ ...trpc.vacay.getVacayEntries.queryOptions({ year: shownYear }), enabled: hasYear });
  const stats = useQuery({ ...trpc.vacay.getVacayStats.queryOptions({ year: shownYear }), enabled: hasYear });
  const language = isLanguage(i18n.language) ? i18n.language : undefined;
  const holidays = useQuery({ ...trpc.vacay.getPlanHolidays.queryOptions({ year: shownYear, language }), enabled: hasYear });
  const [mode, setMode] = useState<Mode>('entries');
  const { error, options } = useVacayMutationOptions();
  const toggle = useMutation(trpc.vacay.toggleVacayEntry.mutationOptions(options));
  const setMany = useMutation(trpc.vacay.setVacayEntries.mutationOptions(options));
  const company = useMutation(trpc.vacay.toggleCompanyHoliday.mutationOptions(options));

  const people = plan.data?.users ?? [];
  const dayInfo = useMemo(() => {
    const byDate = new Map<string, DayInfo>();
    const at = (date: string) => {
      let info = byDate.get(date);
      if (!info) byDate.set(date, (info = { people: [], companyHoliday: null, publicHolidays: [] }));
      return info;
    };
    const colours = new Map(people.map((p) => [p.id, p]));
    for (const e of entries.data?.entries ?? []) at(e.date).people.push(colours.get(e.userId) ?? { id: e.userId, displayName: e.personName, color: e.personColor });
    if (plan.data?.plan.companyHolidaysEnabled) for (const c of entries.data?.companyHolidays ?? []) at(c.date).companyHoliday = { note: c.note };
    for (const h of holidays.data?.holidays ?? []) at(h.date).publicHolidays.push({ name: h.name, color: h.color, label: h.label });
    const empty: DayInfo = { people: [], companyHoliday: null, publicHolidays: [] };
    return (date: string) => byDate.get(date) ?? empty;
  }, [entries.data, holidays.data, people, plan.data?.plan.companyHolidaysEnabled]);

  if (plan.isLoading) return <Spinner label={t('loading')} />;
  if (plan.error || !plan.data) {
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-white p-6 text-center">
        <p className="font-semibold text-slate-900">{t('loadError')}</p>
        <p className="mt-1 text-sm text-slate-600">{errorMessage(plan.error, t)}</p>
        <Button variant="primary" className="mt-4" onClick={() => void plan.refetch()}>
          {t('retry')}
        </Button>
      </div>
    );
  }
  const data = plan.data;
  const settings = data.plan;
  // The plan's own week start when it has one, else the reader's (Settings → Display, or their language's region).
  const weekStart = settings.weekStart === 0 || settings.weekStart === 1 ? settings.weekStart : userWeekStart;
  const busy = toggle.isPending || setMany.isPending || company.isPending;

  const companySet = new Set((entries.data?.companyHolidays ?? []).map((c) => c.date));
  const onToggle = (date: string) => {
    if (mode === 'company') company.mutate({ date });
    else toggle.mutate({ date });
  };
  const onRange = (dates: string[], book: boolean) => {
    if (mode === 'company') return company.mutate({ date: dates[0] });
    // A drag over a weekend books the working days around it; the server still checks every day.
    const wanted = book ? dates.filter((d) => !bookingBlockedBy(d, settings, companySet)) : dates;
    if (wanted.length) setMany.mutate({ dates: wanted, booked: book });
  };

  return (
    <div className="space-y-4" data-testid="vacay-page">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <YearSwitcher years={years} year={shownYear} onYear={setYear} />
        <div role="radiogroup" aria-label={t('mode.label')} className="ms-auto inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
          {(['entries', 'company'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => setMode(m)}
              className={`rounded px-3 py-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${mode === m ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {t(`mode.${m}`)}
            </button>
          ))}
        </div>
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="vacay-error">
          {error}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t(mode === 'company' ? 'hint.company' : 'hint.entries')}</p>
          {!hasYear ? (
            <EmptyState title={t('noYears.title')} description={t('noYears.description')} testId="vacay-no-years" />
          ) : entries.isLoading ? (
            <Spinner label={t('loading')} />
          ) : (
            <YearCalendar year={shownYear} weekStart={weekStart} weekendDays={settings.weekendDays} meId={me} dayInfo={dayInfo} onToggle={onToggle} onRange={onRange} busy={busy} />
          )}
        </div>
        <aside className="space-y-4">
          <PeoplePanel data={data} year={shownYear} stats={stats.data?.stats} meId={me} hasYear={hasYear} />
          <Legend data={data} />
          <SharingPanel data={data} />
          <YearsPanel years={years} year={shownYear} onYear={setYear} />
          <SettingsPanel data={data} />
          <CalendarsPanel data={data} />
        </aside>
      </div>
    </div>
  );
}

function YearSwitcher({ years, year, onYear }: { years: number[]; year: number; onYear(y: number): void }) {
  const { t } = useTranslation('vacay');
  const i = years.indexOf(year);
  return (
    <div className="inline-flex items-center gap-1" role="group" aria-label={t('years.label')}>
      <Button size="sm" variant="secondary" disabled={i <= 0} onClick={() => onYear(years[i - 1])} aria-label={t('years.previous')}>
        <span aria-hidden className="inline-block rtl:rotate-180">‹</span>
      </Button>
      <span className="min-w-16 text-center text-lg font-semibold tabular-nums" data-testid="vacay-year" aria-live="polite">
        {year}
      </span>
      <Button size="sm" variant="secondary" disabled={i < 0 || i >= years.length - 1} onClick={() => onYear(years[i + 1])} aria-label={t('years.next')}>
        <span aria-hidden className="inline-block rtl:rotate-180">›</span>
      </Button>
    </div>
  );
}

function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm" data-testid={testId} aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

type Stats = { userId: number; vacationDays: number; carriedOver: number; totalAvailable: number; used: number; remaining: number }[];

function PeoplePanel({ data, year, stats, meId, hasYear }: { data: VacayPlanData; year: number; stats: Stats | undefined; meId: number; hasYear: boolean }) {
  const { t, i18n } = useTranslation('vacay');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = stats?.find((s) => s.userId === meId);
  const [days, setDays] = useState('');
  useEffect(() => setDays(mine ? String(mine.vacationDays) : ''), [mine?.vacationDays, year]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.vacay.pathKey() });
  const allowance = useMutation(trpc.vacay.updateVacayStats.mutationOptions({ onSuccess: refresh }));
  const colour = useMutation(trpc.vacay.setVacayColor.mutationOptions({ onSuccess: refresh }));
  const num = new Intl.NumberFormat(i18n.language);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(days);
    if (Number.isInteger(n)) allowance.mutate({ year, vacationDays: n });
  };
  return (
    <Panel title={t('people.title', { year })} testId="vacay-people">
      <ul className="space-y-2">
        {data.users.map((person) => {
          const s = stats?.find((x) => x.userId === person.id);
          return (
            <li key={person.id} className="flex items-center gap-2 text-sm" data-testid={`vacay-person-${person.id}`}>
              {person.id === meId ? (
                <input
                  type="color"
                  value={person.color}
                  aria-label={t('people.colour')}
                  onChange={(event) => colour.mutate({ color: event.target.value })}
                  className="h-6 w-6 cursor-pointer rounded border border-slate-300 p-0"
                />
              ) : (
                <span aria-hidden className="h-4 w-4 rounded-full" style={{ background: person.color }} />
              )}
              <span className="flex-1 truncate">{person.displayName}</span>
              {s ? (
                <span className={`tabular-nums ${s.remaining < 0 ? 'text-red-700' : 'text-slate-700'}`} data-testid="vacay-remaining" data-remaining={s.remaining}>
                  {t('people.remaining', { remaining: num.format(s.remaining), total: num.format(s.totalAvailable) })}
                </span>
              ) : (
                hasYear && <Spinner size="sm" />
              )}
            </li>
          );
        })}
      </ul>
      {mine && (
        <>
          <p className="mt-2 text-xs text-slate-500">
            {t('people.detail', { used: num.format(mine.used), days: num.format(mine.vacationDays), carried: num.format(mine.carriedOver) })}
          </p>
          <form onSubmit={save} className="mt-2 flex items-end gap-2">
            <TextField label={t('people.allowance')} type="number" min={0} max={366} value={days} onChange={(event) => setDays(event.target.value)} className="flex-1" />
            <Button type="submit" size="sm" disabled={allowance.isPending}>
              {t('save')}
            </Button>
          </form>
        </>
      )}
    </Panel>
  );
}

function Legend({ data }: { data: VacayPlanData }) {
  const { t } = useTranslation('vacay');
  const swatch = (color: string, label: string, key: string) => (
    <li key={key} className="flex items-center gap-2">
      <span aria-hidden className="h-3 w-3 rounded-sm border border-slate-300" style={{ background: color }} />
      {label}
    </li>
  );
  return (
    <Panel title={t('legend.title')} testId="vacay-legend">
      <ul className="space-y-1 text-sm text-slate-700">
        {data.users.map((p) => swatch(p.color, p.displayName, `p${p.id}`))}
        {data.plan.companyHolidaysEnabled && swatch('#e2e8f0', t('legend.companyHoliday'), 'company')}
        {data.plan.holidaysEnabled && data.plan.holidayCalendars.map((c) => swatch(c.color, c.label || c.region, `c${c.id}`))}
        {swatch('#f8fafc', t('legend.weekend'), 'weekend')}
      </ul>
    </Panel>
  );
}

function useVacayMutationOptions(after?: () => void) {
  const { t } = useTranslation('vacay');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    options: {
      onSuccess: async () => {
        setError(null);
        after?.();
        await queryClient.invalidateQueries({ queryKey: trpc.vacay.pathKey() });
      },
      onError: (e: unknown) => setError(errorMessage(e, t)),
    },
  };
}

function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="mt-2 text-sm text-red-700">
      {error}
    </p>
  ) : null;
}

function SharingPanel({ data }: { data: VacayPlanData }) {
  const { t } = useTranslation('vacay');
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [target, setTarget] = useState('');
  const { error, options } = useVacayMutationOptions(() => setConfirming(false));
  const available = useQuery({ ...trpc.vacay.getAvailableVacayUsers.queryOptions(), enabled: data.isOwner });
  const invite = useMutation(trpc.vacay.sendVacayInvite.mutationOptions({ ...options, onSuccess: () => { setTarget(''); return options.onSuccess(); } }));
  const accept = useMutation(trpc.vacay.acceptVacayInvite.mutationOptions(options));
  const decline = useMutation(trpc.vacay.declineVacayInvite.mutationOptions(options));
  const cancel = useMutation(trpc.vacay.cancelVacayInvite.mutationOptions(options));
  const dissolve = useMutation(trpc.vacay.dissolveVacayPlan.mutationOptions(options));
  const owner = data.users.find((u) => u.id === data.plan.ownerId);
  return (
    <Panel title={t('sharing.title')} testId="vacay-sharing">
      {data.isFused ? (
        <p className="text-sm text-slate-700">{data.isOwner ? t('sharing.youShare', { count: data.users.length - 1 }) : t('sharing.sharedBy', { name: owner?.displayName ?? '' })}</p>
      ) : (
        <p className="text-sm text-slate-600">{t('sharing.alone')}</p>
      )}
      {data.incomingInvites.length > 0 && (
        <ul className="mt-2 space-y-2" aria-label={t('sharing.incoming')}>
          {data.incomingInvites.map((i) => (
            <li key={i.planId} className="rounded-md bg-indigo-50 p-2 text-sm" data-testid="vacay-incoming-invite">
              <p>{t('sharing.invitedBy', { name: i.ownerName })}</p>
              <div className="mt-1 flex gap-2">
                <Button size="sm" variant="primary" disabled={accept.isPending} onClick={() => accept.mutate({ planId: i.planId })}>
                  {t('sharing.accept')}
                </Button>
                <Button size="sm" variant="secondary" disabled={decline.isPending} onClick={() => decline.mutate({ planId: i.planId })}>
                  {t('sharing.decline')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {data.pendingInvites.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" aria-label={t('sharing.pending')}>
          {data.pendingInvites.map((p) => (
            <li key={p.userId} className="flex items-center gap-2" data-testid="vacay-pending-invite">
              <span className="flex-1">{t('sharing.waitingFor', { name: p.displayName })}</span>
              <Button size="sm" variant="ghost" onClick={() => cancel.mutate({ targetUserId: p.userId })}>
                {t('sharing.cancel')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {data.isOwner && (
        <form
          className="mt-2 flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (target) invite.mutate({ targetUserId: Number(target) });
          }}
        >
          <SelectField label={t('sharing.invite')} value={target} onChange={(event) => setTarget(event.target.value)} className="flex-1">
            <option value="">{available.isLoading ? t('loading') : available.data?.users.length ? t('sharing.choose') : t('sharing.nobody')}</option>
            {available.data?.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} (@{u.username})
              </option>
            ))}
          </SelectField>
          <Button type="submit" size="sm" variant="primary" disabled={!target || invite.isPending}>
            {t('sharing.send')}
          </Button>
        </form>
      )}
      {(data.isFused || data.pendingInvites.length > 0) && (
        <Button size="sm" variant="danger" className="mt-3" onClick={() => setConfirming(true)}>
          {data.isOwner ? t('sharing.dissolve') : t('sharing.leave')}
        </Button>
      )}
      <ErrorText error={error} />
      <ConfirmDialog
        open={confirming}
        title={data.isOwner ? t('sharing.dissolveTitle') : t('sharing.leaveTitle')}
        message={t('sharing.keepsDays')}
        confirmLabel={data.isOwner ? t('sharing.dissolve') : t('sharing.leave')}
        danger
        busy={dissolve.isPending}
        onConfirm={() => dissolve.mutate()}
        onCancel={() => setConfirming(false)}
      />
    </Panel>
  );
}

function YearsPanel({ years, year, onYear }: { years: number[]; year: number; onYear(y: number): void }) {
  const { t } = useTranslation('vacay');
  const trpc = useTRPC();
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { error, options } = useVacayMutationOptions(() => setConfirming(false));
  const add = useMutation(trpc.vacay.addVacayYear.mutationOptions({ ...options, onSuccess: (_d, v) => { onYear(v.year); setValue(''); return options.onSuccess(); } }));
  const remove = useMutation(trpc.vacay.deleteVacayYear.mutationOptions(options));
  return (
    <Panel title={t('years.title')} testId="vacay-years">
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ year: Number(value) });
        }}
      >
        <TextField label={t('years.add')} type="number" min={MIN_YEAR} max={MAX_YEAR} placeholder={String(Math.max(...years, new Date().getUTCFullYear() - 1) + 1)} value={value} onChange={(event) => setValue(event.target.value)} className="flex-1" />
        <Button type="submit" size="sm" disabled={!value || add.isPending}>
          {t('years.addButton')}
        </Button>
      </form>
      {years.includes(year) && (
        <Button size="sm" variant="ghost" className="mt-2" onClick={() => setConfirming(true)}>
          {t('years.delete', { year })}
        </Button>
      )}
      <ErrorText error={error} />
      <ConfirmDialog
        open={confirming}
        title={t('years.deleteTitle', { year })}
        message={t('years.deleteMessage')}
        confirmLabel={t('years.deleteConfirm')}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate({ year })}
        onCancel={() => setConfirming(false)}
      />
    </Panel>
  );
}

function SettingsPanel({ data }: { data: VacayPlanData }) {
  const { t, i18n } = useTranslation('vacay');
  const trpc = useTRPC();
  const { error, options } = useVacayMutationOptions();
  const update = useMutation(trpc.vacay.updateVacayPlan.mutationOptions(options));
  const s = data.plan;
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const check = (key: 'blockWeekends' | 'companyHolidaysEnabled' | 'carryOverEnabled' | 'holidaysEnabled') => (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" checked={s[key]} disabled={update.isPending} onChange={(event) => update.mutate({ [key]: event.target.checked })} className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
      {t(`settings.${key}`)}
    </label>
  );
  return (
    <Panel title={t('settings.title')} testId="vacay-settings">
      <div className="space-y-2">
        {check('blockWeekends')}
        <fieldset>
          <legend className="text-sm text-slate-700">{t('settings.weekendDays')}</legend>
          <div className="mt-1 flex flex-wrap gap-1">
            {[1, 2, 3, 4, 5, 6, 0].map((d) => {
              const on = s.weekendDays.includes(d);
              return (
                <button
                  key={d}
                  type="button"
                  aria-pressed={on}
                  disabled={update.isPending || (!on && s.weekendDays.length >= 6)}
                  onClick={() => update.mutate({ weekendDays: on ? s.weekendDays.filter((x) => x !== d) : [...s.weekendDays, d] })}
                  className={`rounded border px-2 py-0.5 text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${on ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-300 bg-white text-slate-700'}`}
                >
                  {weekday.format(new Date(Date.UTC(2023, 0, 1 + d)))}
                </button>
              );
            })}
          </div>
        </fieldset>
        <SelectField
          label={t('settings.weekStart')}
          value={s.weekStart === null ? '' : String(s.weekStart)}
          onChange={(event) => update.mutate({ weekStart: event.target.value === '' ? null : (Number(event.target.value) as 0 | 1) })}
        >
          <option value="">{t('settings.weekStartLanguage')}</option>
          <option value="1">{weekday.format(new Date(Date.UTC(2023, 0, 2)))}</option>
          <option value="0">{weekday.format(new Date(Date.UTC(2023, 0, 1)))}</option>
        </SelectField>
        {check('companyHolidaysEnabled')}
        {check('carryOverEnabled')}
        {check('holidaysEnabled')}
      </div>
      <ErrorText error={error} />
    </Panel>
  );
}

function CalendarsPanel({ data }: { data: VacayPlanData }) {
  const { t } = useTranslation('vacay');
  const trpc = useTRPC();
  const [country, setCountry] = useState('');
  const [region, setRegion] = useState('');
  const [label, setLabel] = useState('');
  const [color, setColor] = useState('#fecaca');
  const [toDelete, setToDelete] = useState<number | null>(null);
  const { error, options } = useVacayMutationOptions(() => setToDelete(null));
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : undefined;
  const countries = useQuery(trpc.vacay.listHolidayCountries.queryOptions({ country: country || undefined, language }));
  const add = useMutation(trpc.vacay.addHolidayCalendar.mutationOptions({ ...options, onSuccess: () => { setLabel(''); setRegion(''); return options.onSuccess(); } }));
  const update = useMutation(trpc.vacay.updateHolidayCalendar.mutationOptions(options));
  const remove = useMutation(trpc.vacay.deleteHolidayCalendar.mutationOptions(options));
  const calendars = data.plan.holidayCalendars;
  return (
    <Panel title={t('calendars.title')} testId="vacay-calendars">
      {calendars.length === 0 ? (
        <p className="text-sm text-slate-600">{t('calendars.empty')}</p>
      ) : (
        <ul className="space-y-1">
          {calendars.map((c) => (
            <li key={c.id} className="flex items-center gap-2 text-sm" data-testid="vacay-calendar-row">
              <input type="color" value={c.color} aria-label={t('calendars.colour', { name: c.label || c.region })} onChange={(event) => update.mutate({ calendarId: c.id, color: event.target.value })} className="h-6 w-6 rounded border border-slate-300 p-0" />
              <span className="flex-1 truncate">
                {c.label || c.region} <span className="text-xs text-slate-500">{c.region}</span>
              </span>
              <Button size="sm" variant="ghost" onClick={() => setToDelete(c.id)} aria-label={t('calendars.delete', { name: c.label || c.region })}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="mt-2 space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (country) add.mutate({ region: region || country, label: label.trim() || null, color });
        }}
      >
        <SelectField label={t('calendars.country')} value={country} onChange={(event) => { setCountry(event.target.value); setRegion(''); }}>
          <option value="">{countries.isLoading ? t('loading') : t('calendars.chooseCountry')}</option>
          {countries.data?.countries.map((c) => (
            <option key={c.countryCode} value={c.countryCode}>
              {c.name}
            </option>
          ))}
        </SelectField>
        {country && (countries.data?.regions.length ?? 0) > 0 && (
          <SelectField label={t('calendars.region')} value={region} onChange={(event) => setRegion(event.target.value)}>
            <option value="">{t('calendars.wholeCountry')}</option>
            {countries.data?.regions.map((r) => (
              <option key={r.region} value={r.region}>
                {r.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className="flex items-end gap-2">
          <TextField label={t('calendars.label')} value={label} maxLength={100} onChange={(event) => setLabel(event.target.value)} className="flex-1" />
          <input type="color" value={color} aria-label={t('calendars.newColour')} onChange={(event) => setColor(event.target.value)} className="mb-1 h-8 w-8 rounded border border-slate-300 p-0" />
        </div>
        <Button type="submit" size="sm" variant="primary" disabled={!country || add.isPending}>
          {t('calendars.add')}
        </Button>
      </form>
      <ErrorText error={error} />
      <ConfirmDialog
        open={toDelete !== null}
        title={t('calendars.deleteTitle')}
        message={t('calendars.deleteMessage')}
        confirmLabel={t('calendars.deleteConfirm')}
        danger
        busy={remove.isPending}
        onConfirm={() => toDelete !== null && remove.mutate({ calendarId: toDelete })}
        onCancel={() => setToDelete(null)}
      />
    </Panel>
  );
}
