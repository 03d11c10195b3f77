// Database rows → the plain JSON both doors return (dates as YYYY-MM-DD, no secrets, no internal columns).
import type {
  Trip,
  Day,
  Place,
  Assignment,
  DayNote,
  Accommodation,
  User,
  Category,
  Tag,
} from '~/generated/prisma/client';
import { toIsoDate } from '~/domain/dates';

const dateOrNull = (d: Date | null) => (d ? toIsoDate(d) : null);

/** The user columns other people may see; lists select only these (never e-mail or password hash). */
export const publicUserSelect = { id: true, username: true, displayName: true } as const;

export function userJson(user: Pick<User, 'id' | 'username' | 'displayName'>) {
  return { id: user.id, username: user.username, displayName: user.displayName };
}

export function tripJson(trip: Trip) {
  return {
    id: trip.id,
    title: trip.title,
    description: trip.description,
    startDate: dateOrNull(trip.startDate),
    endDate: dateOrNull(trip.endDate),
    currency: trip.currency,
    archived: trip.archived,
    ownerId: trip.ownerId,
    createdAt: trip.createdAt.toISOString(),
    updatedAt: trip.updatedAt.toISOString(),
  };
}

export function dayJson(day: Day) {
  return { id: day.id, tripId: day.tripId, position: day.position, date: dateOrNull(day.date), title: day.title };
}

export function categoryJson(c: Category) {
  return { id: c.id, key: c.key, name: c.name, icon: c.icon, color: c.color };
}

export function tagJson(t: Tag) {
  return { id: t.id, name: t.name, color: t.color };
}

export function placeJson(place: Place & { tags?: { tag: Tag }[]; assignments?: { dayId: number }[] }) {
  return {
    id: place.id,
    tripId: place.tripId,
    name: place.name,
    description: place.description,
    address: place.address,
    lat: place.lat,
    lng: place.lng,
    categoryId: place.categoryId,
    url: place.url,
    phone: place.phone,
    notes: place.notes,
    /** "" when the place has no photo */
    photoUrl: place.photoUrl,
    tagIds: place.tags?.map((t) => t.tag.id) ?? [],
    assignedDayIds: place.assignments ? [...new Set(place.assignments.map((a) => a.dayId))] : undefined,
    createdAt: place.createdAt.toISOString(),
  };
}

export function assignmentJson(a: Assignment & { participants?: { userId: number }[]; place?: Place }) {
  return {
    id: a.id,
    dayId: a.dayId,
    placeId: a.placeId,
    position: a.position,
    startTime: a.startTime,
    endTime: a.endTime,
    notes: a.notes,
    participantIds: a.participants?.map((p) => p.userId) ?? [],
    ...(a.place ? { place: placeJson(a.place) } : {}),
  };
}

export function dayNoteJson(n: DayNote) {
  return { id: n.id, dayId: n.dayId, text: n.text, time: n.time, icon: n.icon, position: n.position };
}

export function accommodationJson(a: Accommodation & { place?: Place }) {
  return {
    id: a.id,
    tripId: a.tripId,
    placeId: a.placeId,
    checkInDayId: a.checkInDayId,
    checkOutDayId: a.checkOutDayId,
    checkInTime: a.checkInTime,
    checkOutTime: a.checkOutTime,
    confirmation: a.confirmation,
    notes: a.notes,
    ...(a.place ? { place: placeJson(a.place) } : {}),
  };
}
