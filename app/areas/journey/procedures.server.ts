// Journey: a travel journal across trips, written together (decision 022). A journey belongs to its owner; its
// contributors (owner, editor, viewer) are rows of JourneyContributor and every procedure asks access.server.ts for the
// caller's role first. Linked trips must be trips the caller can see, and they give the journey skeleton entries that
// follow the trip (skeletons.server.ts). Dates are YYYY-MM-DD, times HH:MM, timestamps ISO 8601.
import { z } from 'zod';
import { authedProcedure, router } from '~/trpc/init';
import { id, idList, isoDate, latitude, longitude, text, timeOfDay, title } from '~/trpc/schemas';
import { addDays, fromIsoDate, toIsoDate } from '~/domain/dates';
import { DomainError, badRequest, notFound, tripNotFound } from '~/domain/errors';
import { userChannel } from '~/realtime/channels';
import { findUserByIdentifier, tripsVisibleTo, type DbLike } from '../trip-data.server';
import type { Journey, JourneyEntry, JourneyPhoto } from '~/generated/prisma/client';
import { importableTripPhotos, journeyPhotoJson, photoOrder, photosVisibleTo } from './photos/photos.server';
import { JOURNEY_ROLES, readableEntryWhere, requireJourneyRole, type JourneyRole } from './access.server';
import { journeyEvents } from './events';
import { contributorIds, entriesChanged, journeyChanged, tellContributors } from './announce.server';
import { detachTripFromJourney, syncJourneyTrip } from './skeletons.server';
import {
  ENTRY_TYPES,
  JOURNEY_STATUSES,
  SUGGESTION_WINDOW_DAYS,
  VISIBILITIES,
  compareEntries,
  coverGradientFor,
  writesContent,
} from './rules';

const JOURNEY = { addon: 'journey' } as const;
const read = { scope: 'journey:read', ...JOURNEY } as const;
const write = { scope: 'journey:write', ...JOURNEY } as const;
const ok = { success: true as const };

const journeyId = id('journey');
const shortWord = (max: number) => z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`);
const wordList = (what: string) =>
  z
    .array(shortWord(100).min(1, 'must not be empty'), { error: `must be a list of ${what}` })
    .max(50, `must list at most 50 ${what}`);

// ——— JSON shapes ———

const iso = (d: Date) => d.toISOString();


function entryJson(e: JourneyEntry & { photos?: JourneyPhoto[] }) {
  return {
    id: e.id,
    journeyId: e.journeyId,
    authorId: e.authorId,
    type: e.type as 'entry' | 'checkin' | 'skeleton',
    title: e.title,
    story: e.story,
    entryDate: toIsoDate(e.entryDate),
    entryTime: e.entryTime,
    locationName: e.locationName,
    lat: e.lat,
    lng: e.lng,
    mood: e.mood,
    weather: e.weather,
    tags: e.tags,
    pros: e.pros,
    cons: e.cons,
    visibility: e.visibility as (typeof VISIBILITIES)[number],
    sortOrder: e.sortOrder,
    sourceTripId: e.sourceTripId,
    sourcePlaceId: e.sourcePlaceId,
    photos: (e.photos ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id).map((p) => journeyPhotoJson(p)),
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  };
}
export type JourneyEntryJson = ReturnType<typeof entryJson>;

function journeyRowJson(j: Journey, myRole: JourneyRole) {
  return {
    id: j.id,
    ownerId: j.ownerId,
    title: j.title,
    subtitle: j.subtitle,
    coverGradient: j.coverGradient,
    coverPhotoId: j.coverPhotoId,
    status: j.status as (typeof JOURNEY_STATUSES)[number],
    myRole,
    createdAt: iso(j.createdAt),
    updatedAt: iso(j.updatedAt),
  };
}

async function listEntries(db: DbLike, journeyIdValue: number, userId: number) {
  const rows = await db.journeyEntry.findMany({ where: { journeyId: journeyIdValue, ...readableEntryWhere(userId) }, include: { photos: true } });
  return rows.map(entryJson).sort(compareEntries);
}

async function contributorsOf(db: DbLike, journeyIdValue: number) {
  const rows = await db.journeyContributor.findMany({
    where: { journeyId: journeyIdValue },
    include: { user: { select: { id: true, username: true, displayName: true } } },
  });
  const rank = (r: string) => JOURNEY_ROLES.indexOf(r as JourneyRole);
  return rows
    .sort((a, b) => rank(a.role) - rank(b.role) || a.user.displayName.localeCompare(b.user.displayName))
    .map((c) => ({ userId: c.userId, role: c.role as JourneyRole, username: c.user.username, displayName: c.user.displayName, addedAt: iso(c.addedAt) }));
}

/** Day-assigned places per trip (an assignment on a dated day), for any number of trips in one query. */
async function plannedPlaceCounts(db: DbLike, tripIds: readonly number[]) {
  const days = await db.day.findMany({
    where: { tripId: { in: [...tripIds] }, date: { not: null } },
    select: { tripId: true, _count: { select: { assignments: true } } },
  });
  const counts = new Map<number, number>(tripIds.map((t) => [t, 0]));
  for (const d of days) counts.set(d.tripId, (counts.get(d.tripId) ?? 0) + d._count.assignments);
  return counts;
}

/** The trips linked to these journeys, oldest link first, with the trip row (one query). */
const tripLinksOf = (db: DbLike, journeyIds: readonly number[]) =>
  db.journeyTrip.findMany({ where: { journeyId: { in: [...journeyIds] } }, include: { trip: true }, orderBy: [{ addedAt: 'asc' }, { tripId: 'asc' }] });
type TripLink = Awaited<ReturnType<typeof tripLinksOf>>[number];

/** Written entries the user can read, photos they can see, and entries from a trip's places, per journey (three queries). */
async function journeyCounts(db: DbLike, journeyIds: readonly number[], userId: number) {
  const ids = { in: [...journeyIds] };
  const [entries, photos, places] = await Promise.all([
    db.journeyEntry.groupBy({ by: ['journeyId'], where: { journeyId: ids, type: { not: 'skeleton' }, ...readableEntryWhere(userId) }, _count: { _all: true } }),
    db.journeyPhoto.groupBy({ by: ['journeyId'], where: { journeyId: ids, ...photosVisibleTo(userId) }, _count: { _all: true } }),
    db.journeyEntry.groupBy({ by: ['journeyId'], where: { journeyId: ids, sourcePlaceId: { not: null }, ...readableEntryWhere(userId) }, _count: { _all: true } }),
  ]);
  const byJourney = (rows: { journeyId: number; _count: { _all: number } }[]) => new Map(rows.map((r) => [r.journeyId, r._count._all]));
  const [e, p, pl] = [byJourney(entries), byJourney(photos), byJourney(places)];
  return (journeyId: number) => ({ entryCount: e.get(journeyId) ?? 0, photoCount: p.get(journeyId) ?? 0, placeCount: pl.get(journeyId) ?? 0 });
}

function journeyRowOf(j: Journey, myRole: JourneyRole, counts: { entryCount: number; photoCount: number; placeCount: number }, links: readonly TripLink[]) {
  const starts = links.map((l) => l.trip.startDate).filter((d): d is Date => !!d).map(toIsoDate).sort();
  const ends = links.map((l) => l.trip.endDate).filter((d): d is Date => !!d).map(toIsoDate).sort();
  return { ...journeyRowJson(j, myRole), ...counts, tripCount: links.length, tripDateMin: starts.at(0) ?? null, tripDateMax: ends.at(-1) ?? null };
}

/** The list rows of these journeys (each with the user's role), in a fixed number of queries however many there are. */
export async function journeyRows(db: DbLike, memberships: readonly { journey: Journey; role: string }[], userId: number) {
  const ids = memberships.map((m) => m.journey.id);
  const [countsOf, links] = await Promise.all([journeyCounts(db, ids, userId), tripLinksOf(db, ids)]);
  return memberships.map(({ journey, role }) =>
    journeyRowOf(journey, role as JourneyRole, countsOf(journey.id), links.filter((l) => l.journeyId === journey.id)),
  );
}

async function fullJourney(db: DbLike, journeyIdValue: number, userId: number, myRole: JourneyRole) {
  const j = await db.journey.findUniqueOrThrow({ where: { id: journeyIdValue } });
  const [entries, gallery, links, contributors, pref] = await Promise.all([
    listEntries(db, j.id, userId),
    db.journeyPhoto.findMany({ where: { journeyId: j.id, ...photosVisibleTo(userId) }, orderBy: photoOrder }),
    tripLinksOf(db, [j.id]),
    contributorsOf(db, j.id),
    db.journeyPreference.findUnique({ where: { journeyId_userId: { journeyId: j.id, userId } } }),
  ]);
  const tripIds = links.map((l) => l.tripId);
  const [placeCounts, importable] = await Promise.all([plannedPlaceCounts(db, tripIds), importableTripPhotos(db, j.id, tripIds)]);
  // The counts from the rows just read (the same reading rules as journeyCounts), not counted again.
  const counts = {
    entryCount: entries.filter((e) => e.type !== 'skeleton').length,
    photoCount: gallery.length,
    placeCount: entries.filter((e) => e.sourcePlaceId !== null).length,
  };
  const row = journeyRowOf(j, myRole, counts, links);
  const trips = links.map(({ trip, addedAt }) => ({ ...availableTripJson(trip), placeCount: placeCounts.get(trip.id) ?? 0, importablePhotoCount: importable.get(trip.id)?.length ?? 0, addedAt: iso(addedAt) }));
  return {
    ...row,
    entries,
    gallery: gallery.map((p) => journeyPhotoJson(p)),
    trips,
    contributors,
    stats: { entries: row.entryCount, photos: row.photoCount, places: row.placeCount },
    hideSkeletons: pref?.hideSkeletons ?? false,
  };
}
export type JourneyFull = Awaited<ReturnType<typeof fullJourney>>;

// ——— rules needing the database ———

/** The trips, each one the caller can see; else the same "not found" as for a missing trip, and nothing is written. */
async function checkVisibleTrips(db: DbLike, userId: number, tripIds: readonly number[]) {
  const unique = [...new Set(tripIds)];
  const found = await db.trip.findMany({ where: { id: { in: unique }, ...tripsVisibleTo(userId) }, select: { id: true } });
  const ok = new Set(found.map((t) => t.id));
  const missing = unique.find((t) => !ok.has(t));
  if (missing !== undefined) throw tripNotFound(missing);
  return unique;
}

async function linkTrip(db: DbLike, journeyIdValue: number, tripId: number) {
  await db.journeyTrip.upsert({
    where: { journeyId_tripId: { journeyId: journeyIdValue, tripId } },
    create: { journeyId: journeyIdValue, tripId },
    update: {},
  });
  await syncJourneyTrip(db, journeyIdValue, tripId);
}

/** The entry, if the user may read it (not someone else's private entry); the journey's role is checked after. */
async function findReadableEntry(db: DbLike, entryId: number, userId: number) {
  const entry = await db.journeyEntry.findFirst({ where: { id: entryId, ...readableEntryWhere(userId) } });
  if (!entry) throw notFound('Journey entry', entryId);
  return entry;
}

/** After the rows of `date` in the journey: where a new entry goes (last on its date). */
async function nextSortOrder(db: DbLike, journeyIdValue: number, date: Date) {
  const last = await db.journeyEntry.aggregate({ where: { journeyId: journeyIdValue, entryDate: date }, _max: { sortOrder: true } });
  return (last._max.sortOrder ?? -1) + 1;
}

/** A user given by id or by username / e-mail. */
async function findUser(db: DbLike, input: { targetUserId?: number; identifier?: string }) {
  if (input.identifier !== undefined) return findUserByIdentifier(db, input.identifier);
  const user = await db.user.findUnique({ where: { id: input.targetUserId! }, select: { id: true, displayName: true } });
  if (!user) throw notFound('User', input.targetUserId!);
  return user;
}

// ——— inputs ———

const entryFields = {
  title: shortWord(300).optional(),
  story: text(50_000).optional(),
  entryTime: timeOfDay.nullish(),
  locationName: shortWord(300).optional(),
  lat: latitude.nullish(),
  lng: longitude.nullish(),
  mood: shortWord(40).optional(),
  weather: shortWord(40).optional(),
  tags: wordList('tags').optional(),
  pros: wordList('pros').optional(),
  cons: wordList('cons').optional(),
  visibility: z.enum(VISIBILITIES, { error: `must be one of ${VISIBILITIES.join(', ')}` }).optional(),
};
const coordsTogether = (v: { lat?: number | null; lng?: number | null }, c: z.RefinementCtx) => {
  if ((v.lat === undefined) !== (v.lng === undefined) || (v.lat === null) !== (v.lng === null)) {
    c.addIssue({ code: 'custom', path: ['lng'], message: 'give lat and lng together' });
  }
};
const contributorRole = z.enum(['editor', 'viewer'], { error: 'must be editor or viewer' });
const whoInput = z
  .object({ journeyId, targetUserId: id('user').optional(), identifier: shortWord(254).min(1, 'must not be empty').optional() })
  .refine((v) => (v.targetUserId === undefined) !== (v.identifier === undefined), { message: 'give targetUserId or identifier (username or e-mail), one of them', path: ['targetUserId'] });

const todayIso = () => toIsoDate(new Date());

export const journeyRouter = router({
  listJourneys: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'list_journeys',
        kind: 'read',
        description:
          'Your journeys (travel journals across trips) that you own or contribute to, recently updated first, each with myRole (owner, editor, viewer), entryCount (written entries you can read, not placeholders), photoCount, placeCount, tripCount and the linked trips’ date range. Timestamps ISO 8601.',
        resource: { uri: 'waymark://journeys', name: 'journeys', description: 'Your journeys' },
      },
    })
    .query(async ({ ctx }) => {
      const userId = ctx.actor.user.id;
      const rows = await ctx.db.journeyContributor.findMany({ where: { userId }, include: { journey: true } });
      const journeys = await journeyRows(ctx.db, rows, userId);
      return { journeys: journeys.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id) };
    }),

  getJourney: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'get_journey',
        kind: 'read',
        description:
          'One journey in full: entries in timeline order (by date, manual order, time) with their photos, the gallery, linked trips (with day-assigned place counts), contributors with roles, stats, your hideSkeletons preference and myRole. Entries of type "skeleton" are placeholders for a linked trip’s planned places; someone else’s private entries are not shown.',
        resource: { uri: 'waymark://journeys/{journeyId}', name: 'journey', description: 'A journey with entries, trips and contributors' },
      },
    })
    .input(z.object({ journeyId }))
    .query(async ({ ctx, input }) => {
      const role = await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id);
      return { journey: await fullJourney(ctx.db, input.journeyId, ctx.actor.user.id, role) };
    }),

  listJourneyEntries: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'list_journey_entries',
        kind: 'read',
        description: 'The entries of a journey you can read, in timeline order, with their photos (placeholders have type "skeleton").',
        resource: { uri: 'waymark://journeys/{journeyId}/entries', name: 'journey-entries', description: 'Entries of a journey' },
      },
    })
    .input(z.object({ journeyId }))
    .query(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id);
      return { entries: await listEntries(ctx.db, input.journeyId, ctx.actor.user.id) };
    }),

  listJourneyContributors: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'list_journey_contributors',
        kind: 'read',
        description: 'Who works on a journey, the owner first: userId, role (owner, editor, viewer), username, displayName. No e-mail addresses.',
        resource: { uri: 'waymark://journeys/{journeyId}/contributors', name: 'journey-contributors', description: 'Contributors of a journey (owner included)' },
      },
    })
    .input(z.object({ journeyId }))
    .query(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id);
      return { contributors: await contributorsOf(ctx.db, input.journeyId) };
    }),

  getJourneySuggestions: authedProcedure
    .meta({
      ...read,
      mcp: {
        name: 'get_journey_suggestions',
        kind: 'read',
        description: `Your trips that ended within the last ${SUGGESTION_WINDOW_DAYS} days and are in none of your journeys — good candidates for a new journey — with their day-assigned place count.`,
      },
    })
    .query(async ({ ctx }) => {
      const userId = ctx.actor.user.id;
      const today = todayIso();
      const trips = await ctx.db.trip.findMany({
        where: {
          ...tripsVisibleTo(userId),
          endDate: { gte: fromIsoDate(addDays(today, -SUGGESTION_WINDOW_DAYS)), lte: fromIsoDate(today) },
          journeyLinks: { none: { journey: { contributors: { some: { userId } } } } },
        },
        orderBy: [{ endDate: 'desc' }, { id: 'desc' }],
      });
      const placeCounts = await plannedPlaceCounts(ctx.db, trips.map((t) => t.id));
      return { trips: trips.map((t) => ({ ...availableTripJson(t), placeCount: placeCounts.get(t.id) ?? 0 })) };
    }),

  listJourneyAvailableTrips: authedProcedure
    .meta({
      ...read,
      mcp: { name: 'list_journey_available_trips', kind: 'read', description: 'Every trip you can see (own or member), newest first: the trips a journey of yours may link.' },
    })
    .query(async ({ ctx }) => {
      const trips = await ctx.db.trip.findMany({
        where: tripsVisibleTo(ctx.actor.user.id),
        orderBy: [{ startDate: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'desc' }],
      });
      return { trips: trips.map(availableTripJson) };
    }),

  createJourney: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'create_journey',
        kind: 'write',
        description:
          'Start a journey (status active) that you own. tripIds: trips to link — each must be a trip you can see (else nothing is created); every day-assigned place of a linked trip becomes a placeholder entry (type "skeleton") that follows the trip as it changes. Returns the full journey.',
      },
    })
    .input(z.object({ title: title(200), subtitle: shortWord(300).optional(), tripIds: idList('trip').max(50, 'must list at most 50 trips').optional() }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const tripIds = await checkVisibleTrips(ctx.db, userId, input.tripIds ?? []);
      const journey = await ctx.db.$transaction(async (tx) => {
        const j = await tx.journey.create({
          data: { ownerId: userId, title: input.title, subtitle: input.subtitle ?? '', status: 'active', coverGradient: coverGradientFor(tripIds[0] ?? input.title) },
        });
        await tx.journeyContributor.create({ data: { journeyId: j.id, userId, role: 'owner' } });
        for (const tripId of tripIds) await linkTrip(tx, j.id, tripId);
        return j;
      });
      ctx.emit(userChannel(userId), journeyChanged(journey.id));
      return { journey: await fullJourney(ctx.db, journey.id, userId, 'owner') };
    }),

  updateJourney: authedProcedure
    .meta({
      ...write,
      mcp: { name: 'update_journey', kind: 'idempotent', description: 'Change a journey’s title, subtitle or status (draft, active, completed, archived); only what you send changes. Owner only.' },
    })
    .input(
      z.object({
        journeyId,
        title: title(200).optional(),
        subtitle: shortWord(300).optional(),
        status: z.enum(JOURNEY_STATUSES, { error: `must be one of ${JOURNEY_STATUSES.join(', ')}` }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      await requireJourneyRole(ctx.db, input.journeyId, userId, 'owner');
      await ctx.db.journey.update({ where: { id: input.journeyId }, data: { title: input.title, subtitle: input.subtitle, status: input.status } });
      await tellContributors(ctx, ctx.db, input.journeyId, journeyChanged(input.journeyId));
      return { journey: await fullJourney(ctx.db, input.journeyId, userId, 'owner') };
    }),

  deleteJourney: authedProcedure
    .meta({ ...write, mcp: { name: 'delete_journey', kind: 'destructive', description: 'Delete a journey with all its entries, photos and its public link. Owner only; cannot be undone. Linked trips stay as they are.' } })
    .input(z.object({ journeyId }))
    .mutation(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'owner');
      const people = await contributorIds(ctx.db, input.journeyId);
      await ctx.db.journey.delete({ where: { id: input.journeyId } });
      for (const userId of people) ctx.emit(userChannel(userId), journeyEvents.make('journey.removed', { journeyId: input.journeyId }));
      return ok;
    }),

  addJourneyTrip: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'add_journey_trip',
        kind: 'write',
        description:
          'Link a trip to a journey: its day-assigned places become placeholder entries that follow the trip. Needs editor or owner on the journey, and the trip must be one you can see (unlike the original, a viewer cannot link, and no one can link a trip they are not on). Linking again is harmless.',
      },
    })
    .input(z.object({ journeyId, tripId: id('trip') }))
    .mutation(async ({ ctx, input }) => {
      // The trip first: someone who cannot see it learns nothing about the journey either.
      await checkVisibleTrips(ctx.db, ctx.actor.user.id, [input.tripId]);
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'editor');
      await ctx.db.$transaction(async (tx) => {
        await linkTrip(tx, input.journeyId, input.tripId);
        await tx.journey.update({ where: { id: input.journeyId }, data: { updatedAt: new Date() } });
      });
      await tellContributors(ctx, ctx.db, input.journeyId, journeyChanged(input.journeyId));
      return ok;
    }),

  removeJourneyTrip: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'remove_journey_trip',
        kind: 'destructive',
        description: 'Unlink a trip (one you can see) from a journey. Its untouched placeholders go; entries someone wrote stay, no longer tied to the trip. Owner only.',
      },
    })
    .input(z.object({ journeyId, tripId: id('trip') }))
    .mutation(async ({ ctx, input }) => {
      await checkVisibleTrips(ctx.db, ctx.actor.user.id, [input.tripId]);
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'owner');
      const link = await ctx.db.journeyTrip.findUnique({ where: { journeyId_tripId: input } });
      if (!link) throw badRequest('errors.journeyTripNotLinked', `Trip ${input.tripId} is not linked to this journey`, { tripId: input.tripId });
      await ctx.db.$transaction(async (tx) => {
        await detachTripFromJourney(tx, input.journeyId, input.tripId);
        await tx.journeyTrip.delete({ where: { journeyId_tripId: input } });
      });
      await tellContributors(ctx, ctx.db, input.journeyId, journeyChanged(input.journeyId));
      return ok;
    }),

  createJourneyEntry: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'create_journey_entry',
        kind: 'write',
        description:
          'Write an entry in a journey (editor or owner): entryDate (YYYY-MM-DD) required; title, story (Markdown), entryTime (HH:MM), locationName with lat/lng, mood (e.g. amazing, good, neutral, tired, rough), weather (e.g. sunny, partly, cloudy, rainy, stormy, snowy, hot, cold), tags, pros, cons, visibility (private: only you; shared: all contributors, the default; public: also the journey’s public page), type entry or checkin. New entries go last on their date.',
      },
    })
    .input(z.object({ journeyId, entryDate: isoDate, type: z.enum(ENTRY_TYPES, { error: 'must be entry or checkin' }).optional(), ...entryFields }).superRefine(coordsTogether))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      await requireJourneyRole(ctx.db, input.journeyId, userId, 'editor');
      const { journeyId: jid, entryDate, type, ...fields } = input;
      const date = fromIsoDate(entryDate);
      const entry = await ctx.db.$transaction(async (tx) => {
        const created = await tx.journeyEntry.create({
          data: { ...fields, journeyId: jid, authorId: userId, type: type ?? 'entry', entryDate: date, visibility: fields.visibility ?? 'shared', sortOrder: await nextSortOrder(tx, jid, date) },
          include: { photos: true },
        });
        await tx.journey.update({ where: { id: jid }, data: { updatedAt: new Date() } });
        return created;
      });
      await tellContributors(ctx, ctx.db, jid, entriesChanged(jid, [entry.id]));
      return { entry: entryJson(entry) };
    }),

  updateJourneyEntry: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'update_journey_entry',
        kind: 'idempotent',
        description:
          'Change an entry (editor or owner); only what you send changes (entryTime/lat/lng null clears them). Writing a story, mood, weather, tags, pros or cons into a placeholder (type "skeleton") makes it a real entry. Fields as in create_journey_entry.',
      },
    })
    .input(z.object({ entryId: id('journey entry'), entryDate: isoDate.optional(), ...entryFields }).superRefine(coordsTogether))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const current = await findReadableEntry(ctx.db, input.entryId, userId);
      await requireJourneyRole(ctx.db, current.journeyId, userId, 'editor');
      const { entryId, entryDate, ...fields } = input;
      const promote = current.type === 'skeleton' && writesContent(fields);
      const entry = await ctx.db.$transaction(async (tx) => {
        const date = entryDate ? fromIsoDate(entryDate) : undefined;
        const moved = date && toIsoDate(date) !== toIsoDate(current.entryDate);
        const updated = await tx.journeyEntry.update({
          where: { id: entryId },
          data: {
            ...fields,
            entryDate: date,
            ...(moved ? { sortOrder: await nextSortOrder(tx, current.journeyId, date) } : {}),
            ...(promote ? { type: 'entry', authorId: userId } : {}),
          },
          include: { photos: true },
        });
        await tx.journey.update({ where: { id: current.journeyId }, data: { updatedAt: new Date() } });
        return updated;
      });
      await tellContributors(ctx, ctx.db, current.journeyId, entriesChanged(current.journeyId, [entry.id]));
      return { entry: entryJson(entry) };
    }),

  deleteJourneyEntry: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'delete_journey_entry',
        kind: 'destructive',
        description:
          'Delete an entry (editor or owner). An entry written into a linked trip’s placeholder becomes the placeholder again (its story, mood, weather, tags, pros and cons are cleared) while the trip still plans that place; an empty placeholder cannot be deleted while its place is planned — unlink the trip or hide placeholders instead. reverted tells which happened.',
      },
    })
    .input(z.object({ entryId: id('journey entry') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const entry = await findReadableEntry(ctx.db, input.entryId, userId);
      await requireJourneyRole(ctx.db, entry.journeyId, userId, 'editor');
      if (entry.type === 'skeleton') {
        throw badRequest('errors.journeyNotAllowed', `Journey entry ${entry.id} is a placeholder of a planned place and cannot be deleted`, { id: entry.id });
      }
      const revert = entry.sourceTripId !== null && entry.sourceAssignmentId !== null;
      await ctx.db.$transaction(async (tx) => {
        if (revert) {
          await tx.journeyPhoto.updateMany({ where: { entryId: entry.id }, data: { entryId: null } });
          await tx.journeyEntry.update({
            where: { id: entry.id },
            data: { type: 'skeleton', story: '', mood: '', weather: '', tags: [], pros: [], cons: [], visibility: 'shared', authorId: null },
          });
          await syncJourneyTrip(tx, entry.journeyId, entry.sourceTripId!);
        } else {
          await tx.journeyEntry.delete({ where: { id: entry.id } });
        }
        await tx.journey.update({ where: { id: entry.journeyId }, data: { updatedAt: new Date() } });
      });
      await tellContributors(ctx, ctx.db, entry.journeyId, entriesChanged(entry.journeyId, [entry.id]));
      return { success: true as const, reverted: revert };
    }),

  reorderJourneyEntries: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'reorder_journey_entries',
        kind: 'idempotent',
        description:
          'Set the manual order of entries (editor or owner): sortOrder becomes each id’s index in orderedIds. Every id must be an entry of this journey you can read, each once; otherwise nothing changes. The timeline still groups by date first.',
      },
    })
    .input(z.object({ journeyId, orderedIds: idList('journey entry').min(1, 'must list at least one entry id') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      await requireJourneyRole(ctx.db, input.journeyId, userId, 'editor');
      const found = await ctx.db.journeyEntry.findMany({ where: { journeyId: input.journeyId, ...readableEntryWhere(userId), id: { in: input.orderedIds } }, select: { id: true } });
      if (found.length !== input.orderedIds.length || new Set(input.orderedIds).size !== input.orderedIds.length) {
        throw badRequest('errors.journeyReorderMismatch', 'List entries of this journey, each exactly once, to reorder them');
      }
      await ctx.db.$transaction(input.orderedIds.map((entryId, index) => ctx.db.journeyEntry.update({ where: { id: entryId }, data: { sortOrder: index } })));
      await tellContributors(ctx, ctx.db, input.journeyId, entriesChanged(input.journeyId, input.orderedIds));
      return ok;
    }),

  addJourneyContributor: authedProcedure
    .meta({
      ...write,
      mcp: {
        name: 'add_journey_contributor',
        kind: 'write',
        description:
          'Let someone work on your journey (owner only): targetUserId or identifier (username or e-mail), role editor (writes entries and photos) or viewer (reads). Adding someone again sets their role.',
        example: { journeyId: 3, identifier: 'ben@example.com', role: 'editor' },
      },
    })
    .input(whoInput.safeExtend({ role: contributorRole }))
    .mutation(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'owner');
      const journey = await ctx.db.journey.findUniqueOrThrow({ where: { id: input.journeyId } });
      const user = await findUser(ctx.db, input);
      if (user.id === journey.ownerId) throw badRequest('errors.journeyContributorSelf', 'You own this journey already');
      await ctx.db.journeyContributor.upsert({
        where: { journeyId_userId: { journeyId: input.journeyId, userId: user.id } },
        create: { journeyId: input.journeyId, userId: user.id, role: input.role },
        update: { role: input.role },
      });
      await tellContributors(ctx, ctx.db, input.journeyId, journeyChanged(input.journeyId));
      return ok;
    }),

  updateJourneyContributorRole: authedProcedure
    .meta({ ...write, mcp: { name: 'update_journey_contributor_role', kind: 'idempotent', description: 'Change a contributor’s role to editor or viewer (owner only).' } })
    .input(z.object({ journeyId, targetUserId: id('user'), role: contributorRole }))
    .mutation(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'owner');
      const row = await ctx.db.journeyContributor.findUnique({ where: { journeyId_userId: { journeyId: input.journeyId, userId: input.targetUserId } } });
      if (!row) throw new DomainError('NOT_FOUND', 'errors.journeyContributorNotFound', 'This user is not a contributor of the journey');
      if (row.role === 'owner') throw badRequest('errors.journeyOwnerStays', 'The owner stays the journey’s owner');
      await ctx.db.journeyContributor.update({ where: { journeyId_userId: { journeyId: input.journeyId, userId: input.targetUserId } }, data: { role: input.role } });
      await tellContributors(ctx, ctx.db, input.journeyId, journeyChanged(input.journeyId));
      return ok;
    }),

  removeJourneyContributor: authedProcedure
    .meta({
      ...write,
      mcp: { name: 'remove_journey_contributor', kind: 'destructive', description: 'Take someone off a journey (owner only); they no longer see it or its live updates. The owner stays.' },
    })
    .input(z.object({ journeyId, targetUserId: id('user') }))
    .mutation(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'owner');
      const key = { journeyId_userId: { journeyId: input.journeyId, userId: input.targetUserId } };
      const row = await ctx.db.journeyContributor.findUnique({ where: key });
      if (!row) throw new DomainError('NOT_FOUND', 'errors.journeyContributorNotFound', 'This user is not a contributor of the journey');
      if (row.role === 'owner') throw badRequest('errors.journeyOwnerStays', 'The owner stays the journey’s owner');
      await ctx.db.$transaction([ctx.db.journeyContributor.delete({ where: key }), ctx.db.journeyPreference.deleteMany({ where: { journeyId: input.journeyId, userId: input.targetUserId } })]);
      await tellContributors(ctx, ctx.db, input.journeyId, journeyChanged(input.journeyId));
      ctx.emit(userChannel(input.targetUserId), journeyEvents.make('journey.removed', { journeyId: input.journeyId }));
      return ok;
    }),

  updateJourneyPreferences: authedProcedure
    .meta({
      ...write,
      mcp: { name: 'update_journey_preferences', kind: 'idempotent', description: 'Your own view settings for a journey: hideSkeletons hides the placeholder entries of linked trips (for you only).' },
    })
    .input(z.object({ journeyId, hideSkeletons: z.boolean({ error: 'must be true or false' }) }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      await requireJourneyRole(ctx.db, input.journeyId, userId);
      await ctx.db.journeyPreference.upsert({
        where: { journeyId_userId: { journeyId: input.journeyId, userId } },
        create: { journeyId: input.journeyId, userId, hideSkeletons: input.hideSkeletons },
        update: { hideSkeletons: input.hideSkeletons },
      });
      ctx.emit(userChannel(userId), journeyChanged(input.journeyId));
      return { success: true as const, hideSkeletons: input.hideSkeletons };
    }),
});

function availableTripJson(t: { id: number; title: string; startDate: Date | null; endDate: Date | null; currency: string }) {
  return {
    tripId: t.id,
    title: t.title,
    startDate: t.startDate ? toIsoDate(t.startDate) : null,
    endDate: t.endDate ? toIsoDate(t.endDate) : null,
    currency: t.currency,
  };
}
