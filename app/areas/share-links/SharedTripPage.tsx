// The public read-only page of a shared trip (/s/<token>): itinerary and map always, bookings and budget totals when
// the link shows them. No sign-in, no member names or e-mails, no confirmation codes, nothing to edit.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TripMap } from '~/areas/places/TripMap';
import type { MapPoint } from '~/areas/places/TripMapInner.client';
import { useDisplayFormat } from '~/utils/display';
import type { SharedTrip } from './procedures.server';

const PLACE_COLOR = '#4f46e5';

function formatDay(date: string, language: string) {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function formatMoney(amount: string, currency: string, language: string) {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

export function SharedTripPage({ data }: { data: SharedTrip }) {
  const { t, i18n } = useTranslation('share');
  const lng = i18n.language;
  const { clockTime, instantInZone } = useDisplayFormat();
  const { trip } = data;
  const points = useMemo<MapPoint[]>(() => {
    const firstDay = new Map<number, string>();
    data.days.forEach((d, i) => d.assignments.forEach((a) => firstDay.has(a.place.id) || firstDay.set(a.place.id, String(i + 1))));
    return data.places
      .filter((p) => p.lat != null && p.lng != null)
      .map((p) => ({ id: p.id, name: p.name, lat: p.lat!, lng: p.lng!, color: PLACE_COLOR, label: firstDay.get(p.id) }));
  }, [data]);
  const dates =
    trip.startDate && trip.endDate
      ? t('page.dates', { start: formatDay(trip.startDate, lng), end: formatDay(trip.endDate, lng) })
      : null;
  const dayTitle = (day: SharedTrip['days'][number], index: number) =>
    [t('page.day', { n: index + 1 }), day.date ? formatDay(day.date, lng) : null, day.title || null].filter(Boolean).join(' · ');
  const dayName = (dayId: number | null) => {
    const index = data.days.findIndex((d) => d.id === dayId);
    return index >= 0 ? dayTitle(data.days[index], index) : null;
  };

  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex min-h-14 max-w-5xl items-center gap-3 px-4">
          <span className="flex items-center gap-2 text-lg font-semibold text-indigo-700">
            <span aria-hidden>◆</span> Waymark
          </span>
          <span className="ms-auto rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-600" data-testid="shared-readonly">
            {t('page.readOnly')}
          </span>
        </div>
      </header>
      <main className="mx-auto w-full max-w-5xl space-y-6 px-4 py-6">
        <div>
          <h1 className="break-words text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl" data-testid="shared-title">
            {trip.title}
          </h1>
          {dates && <p className="mt-1 text-sm text-slate-600">{dates}</p>}
          {trip.description && <p className="mt-2 max-w-3xl whitespace-pre-line text-sm text-slate-600">{trip.description}</p>}
        </div>

        <TripMap points={points} unplacedCount={data.places.length - points.length} />

        <section aria-labelledby="shared-itinerary" className="space-y-3">
          <h2 id="shared-itinerary" className="text-lg font-semibold text-slate-900">
            {t('page.itinerary')}
          </h2>
          {data.days.length === 0 && <p className="text-sm text-slate-500">{t('page.noDays')}</p>}
          <ol className="space-y-3" data-testid="shared-days">
            {data.days.map((day, index) => (
              <li key={day.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <h3 className="text-sm font-semibold text-slate-900">{dayTitle(day, index)}</h3>
                {day.assignments.length === 0 && day.notes.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-500">{t('page.emptyDay')}</p>
                ) : (
                  <ul className="mt-2 space-y-2">
                    {day.assignments.map((a) => (
                      <li key={`a${a.id}`} className="text-sm">
                        <span className="font-medium text-slate-900">{a.place.name}</span>
                        {(a.startTime || a.endTime) && (
                          <span className="ms-2 text-slate-500">
                            <span dir="ltr">{[a.startTime, a.endTime].filter((x): x is string => !!x).map(clockTime).join('–')}</span>
                          </span>
                        )}
                        {a.place.address && <p className="text-xs text-slate-500">{a.place.address}</p>}
                        {a.notes && <p className="text-xs text-slate-600">{a.notes}</p>}
                      </li>
                    ))}
                    {day.notes.map((n) => (
                      <li key={`n${n.id}`} className="text-sm text-slate-700">
                        {n.time && (
                          <span className="me-2 text-slate-500">
                            <span dir="ltr">{clockTime(n.time)}</span>
                          </span>
                        )}
                        {n.text}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>

        {data.bookings && (
          <section aria-labelledby="shared-bookings" className="space-y-3" data-testid="shared-bookings">
            <h2 id="shared-bookings" className="text-lg font-semibold text-slate-900">
              {t('page.bookings')}
            </h2>
            {data.bookings.length === 0 && (data.accommodations?.length ?? 0) === 0 && <p className="text-sm text-slate-500">{t('page.noBookings')}</p>}
            <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
              {data.accommodations?.map((a) => (
                <li key={`s${a.id}`} className="p-3 text-sm">
                  <span className="font-medium text-slate-900">{t('page.stay', { name: a.placeName })}</span>
                  <p className="text-xs text-slate-500">{[dayName(a.checkInDayId), dayName(a.checkOutDayId)].filter(Boolean).join(' → ')}</p>
                </li>
              ))}
              {data.bookings.map((b) => (
                <li key={`b${b.id}`} className="p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-xs uppercase tracking-wide text-slate-500">{t(`reservations:kind.${b.type}`)}</span>
                    <span className="font-medium text-slate-900">{b.title}</span>
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t(`reservations:status.${b.status}`)}</span>
                  </div>
                  {b.startsAt && b.timeZone && <p className="text-xs text-slate-600">{instantInZone(b.startsAt, b.timeZone)}</p>}
                  {b.legs.map((l, i) => (
                    <p key={i} className="text-xs text-slate-600">
                      {l.from.name} → {l.to.name} · {instantInZone(l.departsAt, l.departureTimeZone)}
                      {(l.carrier || l.number) && ` · ${[l.carrier, l.number].filter(Boolean).join(' ')}`}
                    </p>
                  ))}
                  {(b.placeName || b.location) && <p className="text-xs text-slate-500">{b.placeName || b.location}</p>}
                </li>
              ))}
            </ul>
          </section>
        )}

        {data.budget && (
          <section aria-labelledby="shared-budget" className="space-y-3" data-testid="shared-budget">
            <h2 id="shared-budget" className="text-lg font-semibold text-slate-900">
              {t('page.budget')}
            </h2>
            <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <p className="text-sm text-slate-700">
                {t('page.budgetTotal')}{' '}
                <span className="text-lg font-semibold text-slate-900">{formatMoney(data.budget.total, data.budget.currency, lng)}</span>
              </p>
              {data.budget.byCategory.length > 0 && (
                <ul className="mt-2 space-y-1 text-sm text-slate-600">
                  {data.budget.byCategory.map((c) => (
                    <li key={c.category} className="flex justify-between gap-4">
                      <span>{c.category}</span>
                      <span>{formatMoney(c.amount, data.budget!.currency, lng)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>
        )}
        {data.packing && (
          <section aria-labelledby="shared-packing" className="space-y-3" data-testid="shared-packing">
            <h2 id="shared-packing" className="text-lg font-semibold text-slate-900">
              {t('page.packing')}
            </h2>
            {data.packing.length === 0 ? (
              <p className="text-sm text-slate-600">{t('page.noPacking')}</p>
            ) : (
              <div className="grid gap-3 sm:grid-cols-2">
                {[...new Set(data.packing.map((i) => i.category))].map((category) => (
                  <div key={category} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                    <h3 className="text-sm font-semibold text-slate-800">{category}</h3>
                    <ul className="mt-2 space-y-1 text-sm">
                      {data.packing!
                        .filter((i) => i.category === category)
                        .map((i) => (
                          <li key={i.id} className={i.checked ? 'text-slate-400 line-through' : 'text-slate-800'}>
                            <span className="sr-only">{i.checked ? t('page.packed') : t('page.notPacked')} </span>
                            {i.quantity > 1 ? `${i.quantity} × ${i.name}` : i.name}
                          </li>
                        ))}
                    </ul>
                  </div>
                ))}
              </div>
            )}
          </section>
        )}
        <p className="text-center text-xs text-slate-400">{t('page.footer')}</p>
      </main>
    </div>
  );
}

/** The page for a link that does not exist or was revoked (or, with `failed`, could not be loaded). */
export function SharedLinkGone({ failed = false }: { failed?: boolean }) {
  const { t } = useTranslation('share');
  return (
    <main className="mx-auto mt-16 max-w-lg px-4">
      <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="shared-gone">
        <h1 className="text-xl font-semibold text-slate-900">{failed ? t('gone.failedTitle') : t('gone.title')}</h1>
        <p className="mt-2 text-sm text-slate-600">{failed ? t('gone.failedBody') : t('gone.body')}</p>
      </div>
    </main>
  );
}
