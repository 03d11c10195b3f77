// The trip's bookings as calendar events for the trip's .ics export: reservations with a time, and each transport
// leg from its departure to its arrival. Times go out as UTC instants, so every calendar shows them at the right
// moment whatever its own zone; the local time and zone of the place are kept in the description.
import type { EventAttributes } from 'ics';
import type { DbLike } from '../trip-data.server';
import { localTimeOf } from './rules';

const utcParts = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];
const local = (d: Date, zone: string) => `${localTimeOf(d, zone).replace('T', ' ')} (${zone})`;

export async function bookingCalendarEvents(db: DbLike, tripId: number): Promise<EventAttributes[]> {
  const rows = await db.reservation.findMany({
    where: { tripId, status: { not: 'cancelled' } },
    include: { legs: { orderBy: { sequence: 'asc' }, include: { fromPlace: { select: { name: true } }, toPlace: { select: { name: true } } } } },
    orderBy: { id: 'asc' },
  });
  const events: EventAttributes[] = [];
  for (const r of rows) {
    if (r.legs.length > 0) {
      for (const leg of r.legs) {
        const what = [leg.carrier, leg.number].filter(Boolean).join(' ');
        events.push({
          uid: `waymark-leg-${leg.id}`,
          // a trip place's end under the place's name now (decision 044)
          title: `${r.title}${what ? ` · ${what}` : ''}: ${leg.fromPlace?.name ?? leg.fromName} → ${leg.toPlace?.name ?? leg.toName}`,
          description: [`${local(leg.departsAt, leg.departureZone)} → ${local(leg.arrivesAt, leg.arrivalZone)}`, leg.seat && `Seat ${leg.seat}`, leg.bookingCode || r.confirmationNumber]
            .filter(Boolean)
            .join('\n'),
          start: utcParts(leg.departsAt),
          startInputType: 'utc',
          startOutputType: 'utc',
          end: utcParts(leg.arrivesAt),
          endInputType: 'utc',
          endOutputType: 'utc',
        });
      }
    } else if (r.startsAt && r.timeZone) {
      events.push({
        uid: `waymark-reservation-${r.id}`,
        title: r.title,
        location: r.location || undefined,
        description: [local(r.startsAt, r.timeZone), r.confirmationNumber, r.notes].filter(Boolean).join('\n'),
        start: utcParts(r.startsAt),
        startInputType: 'utc',
        startOutputType: 'utc',
        ...(r.endsAt && r.endsAt > r.startsAt ? { end: utcParts(r.endsAt), endInputType: 'utc', endOutputType: 'utc' } : { duration: { hours: 1 } }),
      } as EventAttributes);
    }
  }
  return events;
}
