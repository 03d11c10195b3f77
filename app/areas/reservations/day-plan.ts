// Where bookings go among a day's planned places: at their per-day position when one was set (1.5 = between the
// second and third place), else by their local time against the places' start times, else after the places.
// Pure, shared by the day column and its tests.

export interface PlannedPlace {
  id: number;
  startTime: string | null;
}

export interface DayBooking {
  id: number;
  /** HH:MM on this day, in the booking's own zone */
  time: string | null;
  /** the per-day position, if set */
  position: number | undefined;
}

/** A place entry carries its position among the day's places (for moving it and naming the next one). */
export type DayPlanEntry<A, B> = { kind: 'place'; item: A; index: number } | { kind: 'booking'; item: B };

/** The slot of a booking: how many planned places come before it. */
function slotOf(places: PlannedPlace[], booking: DayBooking) {
  if (booking.position !== undefined) return Math.min(places.length, Math.max(0, Math.floor(booking.position) + 1));
  if (booking.time) {
    const after = places.findIndex((p) => p.startTime !== null && p.startTime > booking.time!);
    if (after >= 0) return after;
  }
  return places.length;
}

export function interleave<A extends PlannedPlace, B extends DayBooking>(places: A[], bookings: B[]): DayPlanEntry<A, B>[] {
  const bySlot = new Map<number, B[]>();
  for (const b of bookings) {
    const slot = slotOf(places, b);
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), b]);
  }
  const ordered = (slot: number) =>
    (bySlot.get(slot) ?? [])
      .sort((x, y) => (x.position ?? Infinity) - (y.position ?? Infinity) || (x.time ?? '99').localeCompare(y.time ?? '99') || x.id - y.id)
      .map((item) => ({ kind: 'booking' as const, item }));
  const out: DayPlanEntry<A, B>[] = [];
  places.forEach((item, index) => {
    out.push(...ordered(index));
    out.push({ kind: 'place', item, index });
  });
  out.push(...ordered(places.length));
  return out;
}
