// Skeletons: the placeholder entries a linked trip gives a journey, one per day-assigned place (assignment on a dated
// day). They follow the trip: the trip's place and assignment writes call syncTripSkeletons inside their transaction,
// which reconciles every journey linking the trip in one pass — new assignment → new skeleton; place or day changed →
// skeleton refreshed (a written entry only gets the new location); assignment gone → empty skeleton removed, written
// entry detached from the trip. One reconcile for every kind of change keeps the rule in one place.
import { toIsoDate } from '~/domain/dates';
import type { Context } from '~/trpc/init';
import type { DbLike } from '../trip-data.server';
import { entriesChanged, tellContributors } from './announce.server';

/** What the trip says about one day-assigned place. */
interface PlannedPlace {
  assignmentId: number;
  placeId: number;
  date: Date;
  time: string | null;
  name: string;
  address: string;
  lat: number | null;
  lng: number | null;
}

async function plannedPlaces(db: DbLike, tripId: number): Promise<PlannedPlace[]> {
  const rows = await db.assignment.findMany({
    where: { day: { tripId, date: { not: null } } },
    include: { day: { select: { date: true, position: true } }, place: true },
    orderBy: [{ day: { position: 'asc' } }, { position: 'asc' }, { id: 'asc' }],
  });
  return rows.map((a) => ({
    assignmentId: a.id,
    placeId: a.placeId,
    date: a.day.date!,
    time: a.startTime,
    name: a.place.name,
    address: a.place.address,
    lat: a.place.lat,
    lng: a.place.lng,
  }));
}

const skeletonFields = (p: PlannedPlace) => ({
  title: p.name,
  entryDate: p.date,
  entryTime: p.time,
  locationName: p.address ? `${p.name}, ${p.address}` : p.name,
  lat: p.lat,
  lng: p.lng,
});
const locationOnly = (p: PlannedPlace) => ({ locationName: skeletonFields(p).locationName, lat: p.lat, lng: p.lng });

const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.entries(b).every(([k, v]) => (v instanceof Date ? a[k] instanceof Date && toIsoDate(a[k] as Date) === toIsoDate(v) : a[k] === v));

/** Reconciles one journey's skeletons of one trip; true when anything changed. */
export async function syncJourneyTrip(db: DbLike, journeyId: number, tripId: number, planned?: PlannedPlace[]): Promise<boolean> {
  const places = planned ?? (await plannedPlaces(db, tripId));
  const entries = await db.journeyEntry.findMany({ where: { journeyId, sourceTripId: tripId } });
  const byAssignment = new Map(entries.filter((e) => e.sourceAssignmentId !== null).map((e) => [e.sourceAssignmentId!, e]));
  const wanted = new Set(places.map((p) => p.assignmentId));
  let changed = false;
  for (const entry of entries) {
    if (entry.sourceAssignmentId !== null && wanted.has(entry.sourceAssignmentId)) continue;
    changed = true;
    if (entry.type === 'skeleton') await db.journeyEntry.delete({ where: { id: entry.id } });
    else await db.journeyEntry.update({ where: { id: entry.id }, data: { sourceTripId: null, sourcePlaceId: null, sourceAssignmentId: null } });
  }
  const newOnes = places.filter((p) => !byAssignment.has(p.assignmentId));
  if (newOnes.length) {
    changed = true;
    await db.journeyEntry.createMany({
      data: newOnes.map((p) => ({
        journeyId,
        type: 'skeleton',
        visibility: 'shared',
        sourceTripId: tripId,
        sourcePlaceId: p.placeId,
        sourceAssignmentId: p.assignmentId,
        sortOrder: 0,
        ...skeletonFields(p),
      })),
    });
  }
  for (const p of places) {
    const entry = byAssignment.get(p.assignmentId);
    if (!entry) continue;
    const fields = entry.type === 'skeleton' ? { ...skeletonFields(p), sourcePlaceId: p.placeId } : { ...locationOnly(p), sourcePlaceId: p.placeId };
    if (same(entry as unknown as Record<string, unknown>, fields)) continue;
    changed = true;
    await db.journeyEntry.update({ where: { id: entry.id }, data: fields });
  }
  return changed;
}

/**
 * Brings the skeletons of every journey linking the trip up to date and tells those journeys' contributors (the event
 * goes out only if the whole call succeeds). Costs one query when no journey links the trip. Call it inside the trip
 * write's transaction, after the write.
 */
export async function syncTripSkeletons(ctx: Pick<Context, 'emit'>, db: DbLike, tripId: number): Promise<void> {
  const links = await db.journeyTrip.findMany({ where: { tripId }, select: { journeyId: true } });
  if (!links.length) return;
  const planned = await plannedPlaces(db, tripId);
  for (const { journeyId } of links) {
    if (await syncJourneyTrip(db, journeyId, tripId, planned)) await tellContributors(ctx, db, journeyId, entriesChanged(journeyId, []));
  }
}

/** Unlinking a trip: its empty skeletons go, written entries stay, detached from the trip. */
export async function detachTripFromJourney(db: DbLike, journeyId: number, tripId: number) {
  await db.journeyEntry.deleteMany({ where: { journeyId, sourceTripId: tripId, type: 'skeleton' } });
  await db.journeyEntry.updateMany({ where: { journeyId, sourceTripId: tripId }, data: { sourceTripId: null, sourcePlaceId: null, sourceAssignmentId: null } });
}

/** Writing into a skeleton (story, photo, …) makes it the caller's real entry. */
export async function promoteSkeleton(db: DbLike, entryId: number, authorId: number) {
  await db.journeyEntry.updateMany({ where: { id: entryId, type: 'skeleton' }, data: { type: 'entry', authorId } });
}
