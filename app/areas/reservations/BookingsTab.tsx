// The Bookings tab: every reservation and transport of the trip grouped by day (an overnight transport under each
// day it touches), with status badges, filters, add/edit dialogs and delete with confirmation. Live through the
// reservations events, which patch the cached list.
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Spinner } from '~/components/ui';
import { btn, ConfirmDialog, inputClass } from '~/components/planner/ui';
import { Icon } from '~/components/planner/Icon';
import { formatDate } from '~/components/planner/usePlanner';
import { BookingDialog } from './BookingDialog';
import { useRefreshBookings } from './DayBookings';
import { BOOKING_KINDS, BOOKING_STATUSES } from './rules';
import { useDisplayFormat } from '~/utils/display';
import { coordinatesOf, greatCircleMetres } from '~/areas/geo/distance';
import { KIND_ICONS, STATUS_CLASSES, formatPrice, fromMinor } from './format';
import { useAddons } from '~/utils/addons';
import type { BookingJson } from './shape';

export function BookingsTab({ tripId }: { tripId: number }) {
  const { t, i18n } = useTranslation('reservations');
  const trpc = useTRPC();
  const list = useQuery(trpc.reservations.listReservations.queryOptions({ tripId }));
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [dialog, setDialog] = useState<{ mode: 'reservation' | 'transport'; booking?: BookingJson } | null>(null);
  const [toDelete, setToDelete] = useState<BookingJson | null>(null);
  const refresh = useRefreshBookings(tripId);
  const remove = useMutation(
    trpc.reservations.deleteReservation.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setToDelete(null);
      },
    }),
  );

  const days = useMemo(
    () =>
      (summary.data?.days ?? []).map((d, i) => ({
        id: d.id,
        label: `${t('dayHeading', { number: i + 1 })}${d.date ? ` · ${formatDate(d.date, i18n.language)}` : ''}`,
      })),
    [summary.data, t, i18n.language],
  );
  const shown = (list.data?.reservations ?? []).filter((b) => (!status || b.status === status) && (!kind || b.type === kind));
  const groups = [
    ...days.map((d) => ({ key: String(d.id), label: d.label, items: shown.filter((b) => b.dayIds.includes(d.id)) })),
    { key: 'none', label: t('noDay'), items: shown.filter((b) => b.dayIds.length === 0) },
  ].filter((g) => g.items.length > 0);

  return (
    <section aria-labelledby="bookings-heading" className="space-y-4" data-testid="bookings-tab">
      <div className="flex flex-wrap items-end gap-2">
        <h2 id="bookings-heading" className="me-auto text-lg font-semibold text-slate-900">
          {t('tab')}
        </h2>
        <label className="flex flex-col text-xs text-slate-600">
          {t('filterStatus')}
          <select value={status} onChange={(e) => setStatus(e.target.value)} className={inputClass}>
            <option value="">{t('all')}</option>
            {BOOKING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          {t('filterType')}
          <select value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
            <option value="">{t('all')}</option>
            {BOOKING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={btn.secondary} onClick={() => setDialog({ mode: 'reservation' })}>
          <Icon name="plus" /> {t('addReservation')}
        </button>
        <button type="button" className={btn.secondary} onClick={() => setDialog({ mode: 'transport' })}>
          <Icon name="plus" /> {t('addTransport')}
        </button>
      </div>

      {list.isPending ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> {t('loading')}
        </p>
      ) : list.isError ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t('loadError')}{' '}
          <button type="button" className="underline" onClick={() => void list.refetch()}>
            {t('retry')}
          </button>
        </div>
      ) : list.data.reservations.length === 0 ? (
        <p className="rounded-lg border-2 border-dashed border-slate-200 p-6 text-center text-sm text-slate-500">{t('empty')}</p>
      ) : groups.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noMatch')}</p>
      ) : (
        groups.map((g) => (
          <section key={g.key} aria-label={g.label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="booking-day">
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-indigo-700">{g.label}</h3>
            <ul className="space-y-2">
              {g.items.map((b) => (
                <BookingRow tripId={tripId}
                  key={b.id}
                  booking={b}
                  onEdit={() => setDialog({ mode: b.isTransport ? 'transport' : 'reservation', booking: b })}
                  onDelete={() => setToDelete(b)}
                />
              ))}
            </ul>
          </section>
        ))
      )}

      {dialog && <BookingDialog tripId={tripId} mode={dialog.mode} booking={dialog.booking} days={days} onClose={() => setDialog(null)} />}
      <ConfirmDialog
        open={!!toDelete}
        title={t('delete')}
        message={t('confirmDelete', { name: toDelete?.title ?? '' })}
        confirmLabel={t('delete')}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onCancel={() => setToDelete(null)}
        onConfirm={() => toDelete && remove.mutate({ tripId, reservationId: toDelete.id })}
      />
    </section>
  );
}

/**
 * "Add to budget" for a booking with a price, while the budget addon is on: one click makes an expense of the price,
 * linked to the booking; a booking that already has one says so instead.
 */
function AddToBudget({ tripId, booking: b }: { tripId: number; booking: BookingJson }) {
  const { t } = useTranslation('reservations');
  const trpc = useTRPC();
  const budgetOn = useAddons()?.budget === true;
  const priced = b.priceMinor !== null && !!b.currency;
  const budget = useQuery({ ...trpc.budget.listBudgetItems.queryOptions({ tripId }), enabled: budgetOn && priced });
  const add = useMutation(trpc.budget.createBudgetItem.mutationOptions({ onSuccess: () => void budget.refetch() }));
  if (!budgetOn || !priced || !budget.data) return null;
  if (budget.data.items.some((item) => item.reservationId === b.id)) {
    return <span className="text-xs text-emerald-700" data-testid="booking-in-budget">{t('inBudget')}</span>;
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={`${btn.ghost} text-xs`}
        disabled={add.isPending}
        onClick={() =>
          add.mutate({ tripId, name: b.title, totalPrice: fromMinor(b.priceMinor!, b.currency!), currency: b.currency!, reservationId: b.id })
        }
      >
        {t('addToBudget')}
      </button>
      {add.error && <span role="alert" className="text-xs text-red-700">{errorMessage(add.error, t)}</span>}
    </span>
  );
}

function BookingRow({ tripId, booking: b, onEdit, onDelete }: { tripId: number; booking: BookingJson; onEdit(): void; onDelete(): void }) {
  const { t, i18n } = useTranslation('reservations');
  const lng = i18n.language;
  const { instantInZone, distance } = useDisplayFormat();
  return (
    <li className="flex items-start gap-3 rounded-lg border border-slate-100 bg-slate-50 p-3" data-testid="booking">
      <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-indigo-700">
        <Icon name={KIND_ICONS[b.type]} />
      </span>
      <div className="min-w-0 flex-1 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">{b.title}</span>
          <span className="text-xs text-slate-500">{t(`kind.${b.type}`)}</span>
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_CLASSES[b.status]}`} data-testid="booking-status">
            {t(`status.${b.status}`)}
          </span>
        </p>
        {b.startsAt && b.timeZone && b.legs.length === 0 && (
          <p className="text-xs text-slate-600">
            <time dateTime={b.startsAt}>{instantInZone(b.startsAt, b.timeZone)}</time>
            {b.endsAt && (
              <>
                {' – '}
                <time dateTime={b.endsAt}>{instantInZone(b.endsAt, b.timeZone)}</time>
              </>
            )}{' '}
            <span className="text-slate-400">({b.timeZone})</span>
          </p>
        )}
        {b.legs.length > 0 && (
          <ol className="mt-1 space-y-0.5 text-xs text-slate-700" aria-label={t('legCount', { count: b.legs.length })}>
            {b.legs.map((leg) => (
              <li key={leg.id} data-testid="booking-leg">
                <bdi className="font-medium">{leg.from.code ?? leg.from.name}</bdi> <time dateTime={leg.departsAt}>{instantInZone(leg.departsAt, leg.departureTimeZone)}</time>
                {' → '}
                <bdi className="font-medium">{leg.to.code ?? leg.to.name}</bdi> <time dateTime={leg.arrivesAt}>{instantInZone(leg.arrivesAt, leg.arrivalTimeZone)}</time>
                <LegDistance from={leg.from} to={leg.to} distance={distance} />
                {(leg.carrier || leg.number) && <span className="text-slate-500"> · {[leg.carrier, leg.number].filter(Boolean).join(' ')}</span>}
                {leg.seat && <span className="text-slate-500"> · {t('field.seat')} {leg.seat}</span>}
              </li>
            ))}
          </ol>
        )}
        {(b.confirmationNumber || b.priceMinor !== null) && (
          <p className="text-xs text-slate-600">
            {b.confirmationNumber && (
              <>
                {t('field.confirmationNumber')}: <span className="font-mono">{b.confirmationNumber}</span>{' '}
              </>
            )}
            {b.priceMinor !== null && b.currency && <span>{formatPrice(b.priceMinor, b.currency, lng)}</span>}{' '}
            <AddToBudget tripId={tripId} booking={b} />
          </p>
        )}
      </div>
      <button type="button" className={`${btn.icon} h-7 w-7`} onClick={onEdit} aria-label={`${t('edit')}: ${b.title}`} title={t('edit')}>
        <Icon name="pencil" />
      </button>
      <button type="button" className={`${btn.icon} h-7 w-7 hover:text-red-700`} onClick={onDelete} aria-label={`${t('delete')}: ${b.title}`} title={t('delete')}>
        <Icon name="trash" />
      </button>
    </li>
  );
}

/** " · 1,234 km": a transport leg's great-circle distance, when both its ends have coordinates. */
function LegDistance({ from, to, distance }: { from: BookingJson['legs'][number]['from']; to: BookingJson['legs'][number]['to']; distance(metres: number): string }) {
  const { t } = useTranslation('reservations');
  const a = coordinatesOf(from);
  const b = coordinatesOf(to);
  if (!a || !b) return null;
  const text = distance(greatCircleMetres(a, b));
  return (
    <span className="text-slate-500" title={t('legDistance', { distance: text })} data-testid="leg-distance">
      {' · '}
      {text}
    </span>
  );
}
