// Each dated day of a trip with the place its weather is for (see day-place.ts).
import type { DbLike } from '../trip-data.server';
import { toIsoDate } from '~/domain/dates';
import { weatherPlaceOfDay, type WeatherPlace } from './day-place';

export interface DayLocation {
  dayId: number;
  date: string;
  /** null: nothing on or around that day has coordinates */
  place: WeatherPlace | null;
}

export async function weatherLocations(db: DbLike, tripId: number): Promise<DayLocation[]> {
  const days = await db.day.findMany({
    where: { tripId },
    orderBy: { position: 'asc' },
    include: { assignments: { orderBy: { position: 'asc' }, include: { place: true } } },
  });
  const stays = await db.accommodation.findMany({ where: { tripId }, include: { place: true }, orderBy: { id: 'asc' } });
  return days
    .filter((day) => day.date !== null)
    .map((day) => ({ dayId: day.id, date: toIsoDate(day.date!), place: weatherPlaceOfDay(days, stays, day.id) }));
}
