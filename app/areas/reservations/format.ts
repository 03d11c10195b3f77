// How bookings read in the UI: times in the booking's own zone (a dinner in Lisbon shows 19:30 wherever the reader
// is), the icon of each type, and a booking's entries on one day of the plan.
import type { BookingJson } from './shape';
import type { BookingKind } from './rules';

export const KIND_ICONS: Record<BookingKind, string> = {
  hotel: 'bed',
  restaurant: 'utensils',
  event: 'ticket',
  tour: 'landmark',
  activity: 'walk',
  car_rental: 'pin',
  other: 'info',
  flight: 'ticket',
  train: 'train',
  bus: 'bus',
  ferry: 'ticket',
  car: 'pin',
};

export const STATUS_CLASSES = {
  pending: 'bg-amber-100 text-amber-800',
  confirmed: 'bg-emerald-100 text-emerald-800',
  cancelled: 'bg-slate-200 text-slate-600 line-through',
} as const;

/** The local calendar date of an instant in a zone: "2027-05-02". */
export function localDate(instant: string, zone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "19:30" in a zone (24-hour, for ordering against planned places' HH:MM). */
export function localHm(instant: string, zone: string) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

export interface DayEntry {
  id: number;
  booking: BookingJson;
  /** the leg shown, for a transport */
  leg: BookingJson['legs'][number] | null;
  time: string | null;
  position: number | undefined;
}

/**
 * A booking's entries on a day: a reservation once; a transport once per leg that touches the day (an overnight
 * leg shows on both days), timed by its departure that day, else its arrival.
 */
export function entriesOnDay(bookings: BookingJson[], dayId: number, date: string | null): DayEntry[] {
  const out: DayEntry[] = [];
  for (const b of bookings) {
    if (!b.dayIds.includes(dayId)) continue;
    const position = b.dayPositions[String(dayId)];
    if (b.legs.length === 0) {
      const onThisDay = b.startsAt && b.timeZone && (!date || localDate(b.startsAt, b.timeZone) === date);
      out.push({ id: b.id * 1000, booking: b, leg: null, time: onThisDay ? localHm(b.startsAt!, b.timeZone!) : null, position });
      continue;
    }
    for (const leg of b.legs) {
      const dep = localDate(leg.departsAt, leg.departureTimeZone);
      const arr = localDate(leg.arrivesAt, leg.arrivalTimeZone);
      if (date && (date < dep || date > arr)) continue;
      const time = !date || dep === date ? localHm(leg.departsAt, leg.departureTimeZone) : arr === date ? localHm(leg.arrivesAt, leg.arrivalTimeZone) : null;
      out.push({ id: b.id * 1000 + leg.sequence, booking: b, leg, time, position });
    }
  }
  return out;
}

/** How many digits a currency's minor unit has (EUR 2, JPY 0, KWD 3), so prices stay exact integers. */
export function minorDigits(currency: string) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatPrice(minor: number, currency: string, language: string) {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** 1250 in EUR → "12.50": the exact decimal text of an amount in minor units (what the budget takes). */
export function fromMinor(minor: number, currency: string) {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`;
}

/** "12.5" in EUR → 1250; exact for what a person types (no binary-float drift beyond the minor unit). */
export function toMinor(amount: string, currency: string) {
  const digits = minorDigits(currency);
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(amount.trim());
  if (!m) return NaN;
  const fraction = (m[2] ?? '').padEnd(digits, '0');
  if (fraction.length > digits) return NaN;
  return Number(m[1]) * 10 ** digits + Number(fraction || '0');
}
