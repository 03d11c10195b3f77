// Which place a day's weather is for: the day's first place (in visiting order) with coordinates, or else the stay
// the day falls in (check-in day up to the day before check-out; the check-out day itself when nothing else is
// there). Pure, shared by the server (get_weather for a trip) and the planner (each day's weather).

export interface WeatherPlace {
  id: number;
  name: string;
  lat: number;
  lng: number;
  source: 'place' | 'accommodation';
}

interface PlaceLike {
  id: number;
  name: string;
  lat: number | null;
  lng: number | null;
}
interface DayLike {
  id: number;
  /** in visiting order */
  assignments: { place?: PlaceLike | null }[];
}
interface StayLike {
  checkInDayId: number;
  checkOutDayId: number;
  place?: PlaceLike | null;
}

const located = (p: PlaceLike | null | undefined, source: WeatherPlace['source']): WeatherPlace | null =>
  p && p.lat !== null && p.lng !== null ? { id: p.id, name: p.name, lat: p.lat, lng: p.lng, source } : null;

/** `days` in trip order; null when nothing on or around the day has coordinates. */
export function weatherPlaceOfDay(days: DayLike[], stays: StayLike[], dayId: number): WeatherPlace | null {
  const index = days.findIndex((d) => d.id === dayId);
  if (index < 0) return null;
  for (const a of days[index].assignments) {
    const place = located(a.place, 'place');
    if (place) return place;
  }
  const at = (id: number) => days.findIndex((d) => d.id === id);
  const staying = stays.find((s) => at(s.checkInDayId) <= index && index < at(s.checkOutDayId) && located(s.place, 'accommodation'));
  const leaving = stays.find((s) => at(s.checkOutDayId) === index && located(s.place, 'accommodation'));
  return located((staying ?? leaving)?.place, 'accommodation');
}
