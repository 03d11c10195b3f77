// Add or edit a booking: a reservation (type-specific fields: a hotel gets check-in/check-out, others a start and
// end) or a transport with its legs (an airport picker for flights, a station and its zone otherwise).
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { btn, ErrorText, inputClass } from '~/components/planner/ui';
import { DateTimeField, Dialog, Field } from '~/components/ui';
import { AirportPicker, type PickedAirport } from './AirportPicker';
import { useRefreshBookings } from './DayBookings';
import { RESERVATION_KINDS, TRANSPORT_KINDS, BOOKING_STATUSES } from './rules';
import type { BookingJson } from './shape';
import { minorDigits, toMinor } from './format';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = (): string[] => (Intl as unknown as { supportedValuesOf?(k: string): string[] }).supportedValuesOf?.('timeZone') ?? [];

interface LegForm {
  fromAirport: PickedAirport | null;
  toAirport: PickedAirport | null;
  fromName: string;
  toName: string;
  departureTime: string;
  departureTimeZone: string;
  arrivalTime: string;
  arrivalTimeZone: string;
  carrier: string;
  number: string;
  seat: string;
  bookingCode: string;
}

const emptyLeg = (): LegForm => ({
  fromAirport: null,
  toAirport: null,
  fromName: '',
  toName: '',
  departureTime: '',
  departureTimeZone: browserZone(),
  arrivalTime: '',
  arrivalTimeZone: browserZone(),
  carrier: '',
  number: '',
  seat: '',
  bookingCode: '',
});

function legFromJson(leg: BookingJson['legs'][number]): LegForm {
  const airport = (e: typeof leg.from): PickedAirport | null => (e.code ? { iata: e.code, name: e.name, city: e.name, tz: e.timeZone } : null);
  return {
    fromAirport: airport(leg.from),
    toAirport: airport(leg.to),
    fromName: leg.from.name,
    toName: leg.to.name,
    departureTime: leg.departureTime,
    departureTimeZone: leg.departureTimeZone,
    arrivalTime: leg.arrivalTime,
    arrivalTimeZone: leg.arrivalTimeZone,
    carrier: leg.carrier,
    number: leg.number,
    seat: leg.seat,
    bookingCode: leg.bookingCode,
  };
}

export function BookingDialog({
  tripId,
  mode,
  booking,
  days,
  onClose,
}: {
  tripId: number;
  mode: 'reservation' | 'transport';
  booking?: BookingJson;
  days: { id: number; label: string }[];
  onClose(): void;
}) {
  const { t } = useTranslation('reservations');
  const trpc = useTRPC();
  const kinds = mode === 'transport' ? TRANSPORT_KINDS : RESERVATION_KINDS;
  const [v, setV] = useState({
    type: (booking?.type ?? kinds[0]) as string,
    title: booking?.title ?? '',
    status: booking?.status ?? 'pending',
    reservationTime: booking?.reservationTime ?? '',
    reservationEndTime: booking?.reservationEndTime ?? '',
    timeZone: booking?.timeZone ?? browserZone(),
    dayId: booking?.dayId ? String(booking.dayId) : '',
    location: booking?.location ?? '',
    confirmationNumber: booking?.confirmationNumber ?? '',
    provider: booking?.provider ?? '',
    price:
      booking?.priceMinor !== null && booking?.priceMinor !== undefined && booking.currency
        ? (booking.priceMinor / 10 ** minorDigits(booking.currency)).toFixed(minorDigits(booking.currency))
        : '',
    currency: booking?.currency ?? 'EUR',
    notes: booking?.notes ?? '',
  });
  const [legs, setLegs] = useState<LegForm[]>(booking?.legs.length ? booking.legs.map(legFromJson) : [emptyLeg()]);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const setLeg = (i: number, patch: Partial<LegForm>) => setLegs((old) => old.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const refresh = useRefreshBookings(tripId);
  const options = {
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  };
  const createReservation = useMutation(trpc.reservations.createReservation.mutationOptions(options));
  const updateReservation = useMutation(trpc.reservations.updateReservation.mutationOptions(options));
  const createTransport = useMutation(trpc.reservations.createTransport.mutationOptions(options));
  const updateTransport = useMutation(trpc.reservations.updateTransport.mutationOptions(options));
  const all = [createReservation, updateReservation, createTransport, updateTransport];
  const error = all.find((m) => m.error)?.error;
  const busy = all.some((m) => m.isPending);
  const isFlight = v.type === 'flight';

  function submit(e: FormEvent) {
    e.preventDefault();
    // an amount the server would refuse (NaN) reaches it as -1, so the user sees its message in their language
    const minor = v.price.trim() === '' ? null : toMinor(v.price, v.currency.toUpperCase());
    const priceMinor = minor === null ? null : Number.isNaN(minor) ? -1 : minor;
    const common = {
      title: v.title.trim(),
      status: v.status as (typeof BOOKING_STATUSES)[number],
      confirmationNumber: v.confirmationNumber.trim(),
      provider: v.provider.trim(),
      priceMinor,
      currency: priceMinor === null ? null : v.currency,
      notes: v.notes,
    };
    if (mode === 'transport') {
      const endpoint = (airport: PickedAirport | null, name: string) => (isFlight && airport ? { airport: airport.iata } : { name: name.trim() || airport?.iata || '?' });
      const legInput = legs.map((l) => ({
        from: endpoint(l.fromAirport, l.fromName),
        to: endpoint(l.toAirport, l.toName),
        departureTime: l.departureTime,
        arrivalTime: l.arrivalTime,
        // an airport brings its own zone
        ...(isFlight && l.fromAirport ? {} : { departureTimeZone: l.departureTimeZone }),
        ...(isFlight && l.toAirport ? {} : { arrivalTimeZone: l.arrivalTimeZone }),
        carrier: l.carrier.trim(),
        number: l.number.trim(),
        seat: l.seat.trim(),
        bookingCode: l.bookingCode.trim(),
      }));
      const type = v.type as (typeof TRANSPORT_KINDS)[number];
      if (booking) updateTransport.mutate({ tripId, reservationId: booking.id, type, ...common, legs: legInput });
      else createTransport.mutate({ tripId, type, ...common, legs: legInput });
      return;
    }
    const fields = {
      ...common,
      type: v.type as (typeof RESERVATION_KINDS)[number],
      reservationTime: v.reservationTime || null,
      reservationEndTime: v.reservationEndTime || null,
      timeZone: v.reservationTime || v.reservationEndTime ? v.timeZone : null,
      dayId: v.dayId ? Number(v.dayId) : null,
      location: v.location.trim(),
    };
    if (booking) updateReservation.mutate({ tripId, reservationId: booking.id, ...fields });
    else createReservation.mutate({ tripId, ...fields });
  }

  const zoneList = zones();
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      testId="booking-dialog"
      title={booking ? t('editTitle') : mode === 'transport' ? t('addTransport') : t('addReservation')}
      footer={
        <>
          <button type="button" className={btn.secondary} onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" form="booking-form" className={btn.primary} disabled={busy}>
            {t('save')}
          </button>
        </>
      }
    >
      <form id="booking-form" onSubmit={submit} className="grid grid-cols-2 gap-3">
        <datalist id="booking-zones">
          {zoneList.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <Field label={t('field.type')}>
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} value={v.type} onChange={set('type')} className={inputClass}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.status')}>
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} value={v.status} onChange={set('status')} className={inputClass}>
              {BOOKING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.title')} className="col-span-2">
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} value={v.title} onChange={set('title')} required maxLength={200} className={inputClass} />
          )}
        </Field>
        {mode === 'reservation' ? (
          <>
            <DateTimeField label={t('field.start')} value={v.reservationTime} onChange={(value) => set('reservationTime')({ target: { value } })} />
            <DateTimeField label={t('field.end')} value={v.reservationEndTime} onChange={(value) => set('reservationEndTime')({ target: { value } })} />
            <Field label={t('field.timeZone')}>
              {(ids) => (
                <input id={ids.id} aria-describedby={ids.describedBy} value={v.timeZone} onChange={set('timeZone')} list="booking-zones" className={inputClass} />
              )}
            </Field>
            <Field label={t('field.day')}>
              {(ids) => (
                <select id={ids.id} aria-describedby={ids.describedBy} value={v.dayId} onChange={set('dayId')} className={inputClass}>
                  <option value="">{t('noDay')}</option>
                  {days.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('field.location')} className="col-span-2">
              {(ids) => (
                <input id={ids.id} aria-describedby={ids.describedBy} value={v.location} onChange={set('location')} maxLength={500} className={inputClass} />
              )}
            </Field>
          </>
        ) : (
          <fieldset className="col-span-2 space-y-3">
            {legs.map((l, i) => (
              <div key={i} className="rounded-lg border border-slate-200 p-3" data-testid="leg-editor">
                <div className="mb-2 flex items-center justify-between">
                  <h3 className="text-sm font-semibold text-slate-800">{t('leg', { number: i + 1 })}</h3>
                  {legs.length > 1 && (
                    <button type="button" className={btn.ghost} onClick={() => setLegs((old) => old.filter((_, j) => j !== i))}>
                      {t('removeLeg', { number: i + 1 })}
                    </button>
                  )}
                </div>
                <div className="grid grid-cols-2 gap-3">
                  {isFlight ? (
                    <>
                      <AirportPicker label={t('field.from')} value={l.fromAirport} onChange={(a) => setLeg(i, { fromAirport: a })} />
                      <AirportPicker label={t('field.to')} value={l.toAirport} onChange={(a) => setLeg(i, { toAirport: a })} />
                    </>
                  ) : (
                    <>
                      <Field label={`${t('field.from')} (${t('station')})`}>
                        {(ids) => (
                          <input id={ids.id} aria-describedby={ids.describedBy} value={l.fromName} onChange={(e) => setLeg(i, { fromName: e.target.value })} required className={inputClass} />
                        )}
                      </Field>
                      <Field label={`${t('field.to')} (${t('station')})`}>
                        {(ids) => (
                          <input id={ids.id} aria-describedby={ids.describedBy} value={l.toName} onChange={(e) => setLeg(i, { toName: e.target.value })} required className={inputClass} />
                        )}
                      </Field>
                    </>
                  )}
                  <DateTimeField label={t('field.departure')} value={l.departureTime} onChange={(value) => setLeg(i, { departureTime: value })} required />
                  <DateTimeField label={t('field.arrival')} value={l.arrivalTime} onChange={(value) => setLeg(i, { arrivalTime: value })} required />
                  {!(isFlight && l.fromAirport) && (
                    <Field label={`${t('field.departure')} · ${t('field.timeZone')}`}>
                      {(ids) => (
                        <input id={ids.id} aria-describedby={ids.describedBy} value={l.departureTimeZone} onChange={(e) => setLeg(i, { departureTimeZone: e.target.value })} list="booking-zones" className={inputClass} />
                      )}
                    </Field>
                  )}
                  {!(isFlight && l.toAirport) && (
                    <Field label={`${t('field.arrival')} · ${t('field.timeZone')}`}>
                      {(ids) => (
                        <input id={ids.id} aria-describedby={ids.describedBy} value={l.arrivalTimeZone} onChange={(e) => setLeg(i, { arrivalTimeZone: e.target.value })} list="booking-zones" className={inputClass} />
                      )}
                    </Field>
                  )}
                  <Field label={t('field.carrier')}>
                    {(ids) => (
                      <input id={ids.id} aria-describedby={ids.describedBy} value={l.carrier} onChange={(e) => setLeg(i, { carrier: e.target.value })} maxLength={100} className={inputClass} />
                    )}
                  </Field>
                  <Field label={t('field.number')}>
                    {(ids) => (
                      <input id={ids.id} aria-describedby={ids.describedBy} value={l.number} onChange={(e) => setLeg(i, { number: e.target.value })} maxLength={20} className={inputClass} />
                    )}
                  </Field>
                  <Field label={t('field.seat')}>
                    {(ids) => (
                      <input id={ids.id} aria-describedby={ids.describedBy} value={l.seat} onChange={(e) => setLeg(i, { seat: e.target.value })} maxLength={20} className={inputClass} />
                    )}
                  </Field>
                  <Field label={t('field.bookingCode')}>
                    {(ids) => (
                      <input id={ids.id} aria-describedby={ids.describedBy} value={l.bookingCode} onChange={(e) => setLeg(i, { bookingCode: e.target.value })} maxLength={100} className={inputClass} />
                    )}
                  </Field>
                </div>
              </div>
            ))}
            <button type="button" className={btn.secondary} onClick={() => setLegs((old) => [...old, emptyLeg()])} disabled={legs.length >= 20}>
              {t('addLeg')}
            </button>
          </fieldset>
        )}
        <Field label={t('field.confirmationNumber')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} value={v.confirmationNumber} onChange={set('confirmationNumber')} maxLength={100} className={inputClass} />
          )}
        </Field>
        <Field label={t('field.provider')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} value={v.provider} onChange={set('provider')} maxLength={200} className={inputClass} />
          )}
        </Field>
        <Field label={t('field.price')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} value={v.price} onChange={set('price')} inputMode="decimal" className={inputClass} />
          )}
        </Field>
        <Field label={t('field.currency')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} value={v.currency} onChange={set('currency')} maxLength={3} className={inputClass} />
          )}
        </Field>
        <Field label={t('field.notes')} className="col-span-2">
          {(ids) => (
            <textarea id={ids.id} aria-describedby={ids.describedBy} value={v.notes} onChange={set('notes')} rows={2} className={inputClass} />
          )}
        </Field>
        <div className="col-span-2">
          <ErrorText>{error ? errorMessage(error, t) : null}</ErrorText>
        </div>
      </form>
    </Dialog>
  );
}
