// Places of a trip: list with filters, create (optionally straight onto a day), update, delete, bulk delete,
// categories, place search (Nominatim) and import from a map link.
import { z } from 'zod';
import { authedProcedure, router, tripMemberProcedure } from '~/trpc/init';
import { LIMITS, id, idList, latitude, longitude, text, timeOfDay, title } from '~/trpc/schemas';
import { assignmentJson, categoryJson, placeJson } from '~/trpc/shape';
import { badRequest } from '~/domain/errors';
import { timesInOrder } from '~/domain/day-notes';
import { coordinateName } from '~/domain/maps-url';
import { checkCategory, checkOwnTags, compactDayAssignments, createPlaceRow, findDay, findPlace, insertAssignment, notInTrip, placeInclude, type DbLike } from '../trip-data.server';
import { searchPlaces } from '~/geo/place-search.server';
import { resolveMapLink } from '~/geo/maps-link.server';
import { photoFromUrl, reResolvePhoto } from '~/geo/place-photos.server';
import { searchGooglePlaces } from '~/geo/google-places.server';
import { googlePlacesKey } from '~/geo/map-settings.server';
import { roadRoute } from '~/geo/road-route.server';
import { tripChannel } from '~/realtime/channels';
import { assignmentEvents } from '~/areas/assignments/events';
import { placeEvents } from './events';
import { syncTripSkeletons } from '../journey/skeletons.server';
import { formatOfFileName, readPlaceFile } from './place-files.server';
import { releaseUpload, uploadsOfPlaces, UPLOAD_SOURCE } from './place-uploads.server';
import { reportProgress } from '~/utils/progress.server';

const URL_MAX = 2000;
const PHONE_MAX = 50;
/** Map files travel inside a tRPC or MCP request (1 MB at most). */
const FILE_CONTENT_MAX = 900_000;

const link = z
  .string({ error: 'must be text' })
  .trim()
  .max(URL_MAX, `must be at most ${URL_MAX} characters`)
  .refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v)), 'must be a web address starting with http:// or https://');

const placeFields = {
  description: text().optional(),
  address: text(LIMITS.shortText).optional(),
  lat: latitude.nullish(),
  lng: longitude.nullish(),
  categoryId: id('category').nullish(),
  url: link.optional(),
  phone: z.string({ error: 'must be text' }).trim().max(PHONE_MAX, `must be at most ${PHONE_MAX} characters`).optional(),
  notes: text().optional(),
  tagIds: idList('tag').optional(),
  /** a photo URL from search_place ("" removes the photo) */
  photoUrl: link.optional(),
};

/** What createPlaceRow stores for a photo URL the caller sent. */
const photoOf = (url: string | undefined) => (url ? photoFromUrl(url) : null);

const coordsTogether = (v: { lat?: number | null; lng?: number | null }, ctx: z.RefinementCtx) => {
  if (v.lat !== undefined && v.lng !== undefined && (v.lat === null) !== (v.lng === null)) {
    ctx.addIssue({ code: 'custom', path: ['lng'], message: 'lat and lng go together (give both or neither)' });
  } else if ((v.lat === undefined) !== (v.lng === undefined)) {
    ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'lat and lng go together (give both or neither)' });
  }
};

const createPlaceInput = z.object({ name: title(), ...placeFields });
/** Prisma's `contains` hands % and _ to LIKE as wildcards; escape them (and the escape character) so a search is literal. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Deletes places and closes the gaps they leave in their days' order. A transport leg's end at one of them keeps the
 * place's name and spot as they are now (the link becomes null; decision 044), not those it was saved with.
 */
async function deletePlacesAndCompact(tx: DbLike, placeIds: number[]) {
  const assignments = await tx.assignment.findMany({ where: { placeId: { in: placeIds } }, select: { dayId: true } });
  await tx.$executeRaw`UPDATE "TransportLeg" AS l SET "fromName" = p."name", "fromLat" = p."lat", "fromLng" = p."lng"
    FROM "Place" AS p WHERE l."fromPlaceId" = p."id" AND p."id" = ANY(${placeIds}::int[])`;
  await tx.$executeRaw`UPDATE "TransportLeg" AS l SET "toName" = p."name", "toLat" = p."lat", "toLng" = p."lng"
    FROM "Place" AS p WHERE l."toPlaceId" = p."id" AND p."id" = ANY(${placeIds}::int[])`;
  await tx.place.deleteMany({ where: { id: { in: placeIds } } });
  for (const dayId of new Set(assignments.map((a) => a.dayId))) await compactDayAssignments(tx, dayId);
}

export const placesRouter = router({
  listPlaces: tripMemberProcedure
    .meta({
      scope: 'places:read',
      mcp: {
        name: 'list_places',
        kind: 'read',
        description:
          'The trip’s places. Filter with assigned (all, assigned = on some day, unassigned), categoryId, tagId, and search (matches name, address, description and notes).',
        resource: { uri: 'waymark://trips/{tripId}/places', name: 'trip-places', description: 'Places of a trip' },
      },
    })
    .input(
      z.object({
        assigned: z.enum(['all', 'assigned', 'unassigned'], { error: 'must be all, assigned or unassigned' }).default('all'),
        categoryId: id('category').optional(),
        tagId: id('tag').optional(),
        search: z.string({ error: 'must be text' }).trim().max(LIMITS.title, `must be at most ${LIMITS.title} characters`).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const search = input.search?.trim();
      const places = await ctx.db.place.findMany({
        where: {
          tripId: input.tripId,
          ...(input.assigned === 'assigned' ? { assignments: { some: {} } } : {}),
          ...(input.assigned === 'unassigned' ? { assignments: { none: {} } } : {}),
          ...(input.categoryId ? { categoryId: input.categoryId } : {}),
          ...(input.tagId ? { tags: { some: { tagId: input.tagId } } } : {}),
          ...(search
            ? {
                OR: (['name', 'address', 'description', 'notes'] as const).map((field) => ({
                  [field]: { contains: escapeLike(search), mode: 'insensitive' as const },
                })),
              }
            : {}),
        },
        include: placeInclude,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
      return { places: places.map(placeJson) };
    }),

  createPlace: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'create_place',
        kind: 'write',
        description:
          'Add a place to the trip (not yet on any day). lat/lng in decimal degrees; categoryId from list_categories; tagIds from list_tags (your own tags).',
      },
    })
    .input(createPlaceInput.superRefine(coordsTogether))
    .mutation(async ({ ctx, input }) => {
      // No interactive transaction: the checks only read, and Prisma writes the place with its tags atomically itself
      // (an interactive one costs a BEGIN and a COMMIT round trip on every call; MCP's create_place is a hot path).
      const place = await createPlaceRow(ctx.db, input.tripId, ctx.actor.user.id, { ...input, photo: photoOf(input.photoUrl) });
      const json = placeJson(place);
      ctx.emit(tripChannel(input.tripId), placeEvents.make('place.created', { place: json }));
      return { place: json };
    }),

  createAndAssignPlace: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'create_and_assign_place',
        kind: 'write',
        description:
          'Add a new place to the trip and put it on a day in one step. dayId is the day; startTime/endTime are optional HH:MM; other fields as in create_place.',
      },
    })
    .input(
      createPlaceInput
        .extend({ dayId: id('day'), startTime: timeOfDay.nullish(), endTime: timeOfDay.nullish() })
        .superRefine((v, c) => {
          coordsTogether(v, c);
          if (!timesInOrder(v.startTime, v.endTime)) c.addIssue({ code: 'custom', path: ['endTime'], message: 'must not be before startTime' });
        }),
    )
    .mutation(async ({ ctx, input }) => {
      await findDay(ctx.db, input.tripId, input.dayId);
      const { place, assignment } = await ctx.db.$transaction(async (tx) => {
        const created = await createPlaceRow(tx, input.tripId, ctx.actor.user.id, { ...input, photo: photoOf(input.photoUrl) });
        const a = await insertAssignment(tx, { dayId: input.dayId, placeId: created.id, startTime: input.startTime, endTime: input.endTime });
        await syncTripSkeletons(ctx, tx, input.tripId);
        const withDays = await tx.place.findUniqueOrThrow({ where: { id: created.id }, include: placeInclude });
        return { place: withDays, assignment: a };
      });
      const placeOut = placeJson(place);
      const assignmentOut = assignmentJson(assignment);
      ctx.emit(tripChannel(input.tripId), placeEvents.make('place.created', { place: placeOut }));
      ctx.emit(tripChannel(input.tripId), assignmentEvents.make('assignment.created', { assignment: assignmentOut }));
      return { place: placeOut, assignment: assignmentOut };
    }),

  updatePlace: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'update_place',
        kind: 'idempotent',
        description:
          'Change a place’s fields; only the fields you send change. tagIds replaces your own tags on the place (other members’ tags stay).',
      },
    })
    .input(z.object({ placeId: id('place'), name: title().optional(), ...placeFields }).superRefine(coordsTogether))
    .mutation(async ({ ctx, input }) => {
      const before = await findPlace(ctx.db, input.tripId, input.placeId);
      const userId = ctx.actor.user.id;
      const place = await ctx.db.$transaction(async (tx) => {
        await checkCategory(tx, input.categoryId);
        const tagIds = input.tagIds ? await checkOwnTags(tx, userId, input.tagIds) : null;
        await tx.place.update({
          where: { id: input.placeId },
          data: {
            name: input.name,
            description: input.description,
            address: input.address,
            lat: input.lat,
            lng: input.lng,
            categoryId: input.categoryId,
            url: input.url,
            phone: input.phone,
            notes: input.notes,
            ...(input.photoUrl !== undefined
              ? (({ url, source, ref }) => ({ photoUrl: url, photoSource: source, photoRef: ref }))(photoOf(input.photoUrl) ?? { url: '', source: '', ref: '' })
              : {}),
          },
        });
        if (tagIds) {
          await tx.placeTag.deleteMany({ where: { placeId: input.placeId, tag: { userId } } });
          if (tagIds.length) await tx.placeTag.createMany({ data: tagIds.map((tagId) => ({ placeId: input.placeId, tagId })) });
        }
        await syncTripSkeletons(ctx, tx, input.tripId);
        return tx.place.findUniqueOrThrow({ where: { id: input.placeId }, include: placeInclude });
      });
      // A replaced or removed uploaded photo's file goes (unless a trip copy still shows it).
      if (input.photoUrl !== undefined && before.photoRef !== place.photoRef) await releaseUpload(ctx.services, before);
      const json = placeJson(place);
      ctx.emit(tripChannel(input.tripId), placeEvents.make('place.updated', { place: json }));
      return { place: json };
    }),

  refreshPlacePhoto: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'refresh_place_photo',
        kind: 'idempotent',
        description:
          'When a place’s photo no longer loads (provider links expire): asks the photo’s provider again and stores the fresh URL. photoUrl is the new URL, or null when the provider has nothing new (then the photo is removed if the provider no longer has it at all). failedUrl is the URL that failed, if known.',
      },
    })
    .input(z.object({ placeId: id('place'), failedUrl: z.string({ error: 'must be text' }).max(URL_MAX, `must be at most ${URL_MAX} characters`).optional() }))
    .mutation(async ({ ctx, input }) => {
      const current = await findPlace(ctx.db, input.tripId, input.placeId);
      // Uploaded photos are served by Waymark itself and do not expire: nothing to ask a provider.
      if (!current.photoSource || current.photoSource === UPLOAD_SOURCE) return { photoUrl: null, place: placeJson(current) };
      const googleKey = current.photoSource === 'google' ? await googlePlacesKey(ctx.db) : null;
      const fresh = await reResolvePhoto(ctx.services.config, { source: current.photoSource, ref: current.photoRef }, googleKey);
      const failed = input.failedUrl ?? current.photoUrl;
      if (fresh === current.photoUrl && fresh !== failed) return { photoUrl: fresh, place: placeJson(current) };
      if (fresh === failed && fresh !== null) return { photoUrl: null, place: placeJson(current) };
      // A fresh URL replaces the stored one; a provider with nothing any more means no photo (every viewer stops retrying).
      const place = await ctx.db.place.update({
        where: { id: input.placeId },
        data: fresh ? { photoUrl: fresh } : { photoUrl: '', photoSource: '', photoRef: '' },
        include: placeInclude,
      });
      const json = placeJson(place);
      ctx.emit(tripChannel(input.tripId), placeEvents.make('place.updated', { place: json }));
      return { photoUrl: fresh, place: json };
    }),

  deletePlace: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'delete_place',
        kind: 'destructive',
        description: 'Delete a place from the trip, together with its day assignments and accommodations.',
      },
    })
    .input(z.object({ placeId: id('place') }))
    .mutation(async ({ ctx, input }) => {
      const place = await findPlace(ctx.db, input.tripId, input.placeId);
      await ctx.db.$transaction(async (tx) => {
        await deletePlacesAndCompact(tx, [input.placeId]);
        await syncTripSkeletons(ctx, tx, input.tripId);
      });
      await releaseUpload(ctx.services, place);
      ctx.emit(tripChannel(input.tripId), placeEvents.make('place.deleted', { placeId: input.placeId }));
      return { deleted: true as const, placeId: input.placeId };
    }),

  bulkDeletePlaces: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'bulk_delete_places',
        kind: 'destructive',
        description:
          'Delete several places of the trip at once (1 to 500 ids). Nothing is deleted if any id is not a place of this trip.',
      },
    })
    .input(z.object({ placeIds: idList('place').min(1, 'must list at least one place id') }))
    .mutation(async ({ ctx, input }) => {
      const placeIds = [...new Set(input.placeIds)];
      const uploads = await ctx.db.$transaction(async (tx) => {
        const found = await tx.place.findMany({ where: { id: { in: placeIds }, tripId: input.tripId }, select: { id: true } });
        const foundIds = new Set(found.map((p) => p.id));
        const missing = placeIds.find((p) => !foundIds.has(p));
        if (missing !== undefined) throw notInTrip('Place', missing, input.tripId);
        const photos = await uploadsOfPlaces(tx, { id: { in: placeIds } });
        reportProgress(0, placeIds.length);
        await deletePlacesAndCompact(tx, placeIds);
        await syncTripSkeletons(ctx, tx, input.tripId);
        reportProgress(placeIds.length, placeIds.length);
        return photos;
      });
      for (const photo of uploads) await releaseUpload(ctx.services, photo);
      ctx.emit(tripChannel(input.tripId), placeEvents.make('places.deleted', { placeIds }));
      return { deleted: placeIds.length, placeIds };
    }),

  /** The map's line through a day's places along roads, when an OSRM router is configured (OSRM_URL); else null. */
  getDayRoute: tripMemberProcedure
    .meta({ scope: 'places:read' })
    .input(z.object({ dayId: id('day') }))
    .query(async ({ ctx, input }) => {
      await findDay(ctx.db, input.tripId, input.dayId);
      // the stops come from the plan, never from the caller: the router is asked only about the trip's own places
      const assignments = await ctx.db.assignment.findMany({
        where: { dayId: input.dayId },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { place: { select: { lat: true, lng: true } } },
      });
      const stops = assignments.flatMap(({ place }) => (place.lat != null && place.lng != null ? [[place.lat, place.lng] as [number, number]] : []));
      return { dayId: input.dayId, route: await roadRoute(ctx.services.config, stops) };
    }),

  listCategories: authedProcedure
    .meta({
      scope: 'places:read',
      mcp: { name: 'list_categories', kind: 'read', description: 'The place categories (id, key, name, icon, color) to use as categoryId.' },
    })
    .query(async ({ ctx }) => {
      const categories = await ctx.db.category.findMany({ orderBy: { position: 'asc' } });
      return { categories: categories.map(categoryJson) };
    }),

  categoriesResource: authedProcedure
    .meta({
      scope: 'none',
      mcp: {
        name: 'categories',
        kind: 'read',
        description: 'The place categories.',
        resource: { uri: 'waymark://categories', name: 'categories', description: 'Place categories', onlyResource: true },
      },
    })
    .query(async ({ ctx }) => {
      const categories = await ctx.db.category.findMany({ orderBy: { position: 'asc' } });
      return { categories: categories.map(categoryJson) };
    }),

  searchPlace: authedProcedure
    .meta({
      scope: 'places:read',
      mcp: {
        name: 'search_place',
        kind: 'read',
        description:
          'Look up places by name or address: in Google Places when the administrator configured a key (each result has placeId, a Google place id, and category is Google’s place type), else in OpenStreetMap (each result has osmId). Pass placeId or osmId to get_place_details. Returns name, address, lat/lng, the category with the matching Waymark categoryKey and categoryId (null when none fits) and photoUrl when the place has a photo (Google or Wikimedia Commons); use the result with create_place (pass photoUrl unchanged to keep the photo — Waymark renews it when it expires). limit is 1–20 (default 8).',
      },
    })
    .input(
      z.object({
        query: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(LIMITS.title, `must be at most ${LIMITS.title} characters`),
        limit: z.number({ error: 'must be a number' }).int().min(1, 'must be at least 1').max(20, 'must be at most 20').default(8),
      }),
    )
    .query(async ({ ctx, input }) => {
      const googleKey = await googlePlacesKey(ctx.db);
      const results = googleKey
        ? await searchGooglePlaces(ctx.services.config, googleKey, input.query, input.limit, ctx.actor.user.language)
        : await searchPlaces(ctx.services.config, input.query, input.limit);
      const categoryIds = new Map((await ctx.db.category.findMany({ select: { id: true, key: true } })).map((c) => [c.key, c.id]));
      return { results: results.map((r) => ({ ...r, categoryId: (r.categoryKey && categoryIds.get(r.categoryKey)) || null })) };
    }),

  importPlacesFromUrl: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'import_places_from_url',
        kind: 'write',
        description:
          'Add the place a map link points at: Google Maps links (also maps.app.goo.gl short links), OpenStreetMap, Apple Maps or a geo: URI; a missing name or coordinates is looked up. A shared Google Maps list link adds every place in the list (up to 500) in one step. Returns the created places; nothing is added when the link cannot be read.',
      },
    })
    .input(z.object({ url: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(URL_MAX, `must be at most ${URL_MAX} characters`) }))
    .mutation(async ({ ctx, input }) => {
      const resolved = await resolveMapLink(ctx.services.config, input.url, ctx.actor.user.language);
      if (!resolved || resolved.places.length === 0) {
        throw badRequest(
          'errors.mapUrlUnreadable',
          'url: not a map link Waymark can read; use a Google Maps, OpenStreetMap or Apple Maps link to a place or list, or a geo: URI',
        );
      }
      const webLink = (link: string) => (/^https?:\/\//i.test(link) && link.length <= URL_MAX ? link : '');
      const rows = resolved.places.map((p) => ({
        name: (p.name ?? (p.lat !== null && p.lng !== null ? coordinateName(p.lat, p.lng) : 'Imported place')).slice(0, LIMITS.title),
        lat: p.lat,
        lng: p.lng,
        address: (p.address ?? '').slice(0, LIMITS.shortText),
        // one place: the link itself; a list: each place's own link would need Google ids, so none
        url: resolved.kind === 'place' ? webLink(input.url) : '',
      }));
      const places = await ctx.db.$transaction(async (tx) => {
        const created = [];
        for (const row of rows) {
          created.push(await createPlaceRow(tx, input.tripId, ctx.actor.user.id, row));
          reportProgress(created.length, rows.length);
        }
        return created;
      });
      const json = places.map(placeJson);
      for (const place of json) ctx.emit(tripChannel(input.tripId), placeEvents.make('place.created', { place }));
      return { kind: resolved.kind, listName: resolved.listName, places: json };
    }),

  importPlacesFromFile: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'import_places_from_file',
        kind: 'write',
        description:
          'Add the points of a map file as places: GPX waypoints, KML placemarks with a point, KMZ (zipped KML, send as base64), GeoJSON points. fileName tells the format by its ending (.gpx, .kml, .kmz, .geojson or .json); content is the file text (encoding "text") or base64 (encoding "base64"), at most 900,000 characters. Tracks, routes, lines and areas are skipped (counted in skipped). Up to 500 places; nothing is added if the file cannot be read.',
      },
    })
    .input(
      z.object({
        fileName: z
          .string({ error: 'must be text' })
          .trim()
          .min(1, 'must not be empty')
          .max(LIMITS.title, `must be at most ${LIMITS.title} characters`)
          .refine((v) => formatOfFileName(v) !== null, 'must end in .gpx, .kml, .kmz, .geojson or .json'),
        content: z.string({ error: 'must be text' }).min(1, 'must not be empty').max(FILE_CONTENT_MAX, `must be at most ${FILE_CONTENT_MAX} characters`),
        encoding: z.enum(['text', 'base64'], { error: 'must be text or base64' }).default('text'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const format = formatOfFileName(input.fileName)!;
      const bytes = input.encoding === 'base64' ? Buffer.from(input.content, 'base64') : Buffer.from(input.content, 'utf8');
      const { places: found, skipped } = readPlaceFile(format, new Uint8Array(bytes));
      const places = await ctx.db.$transaction(async (tx) => {
        const created = [];
        for (const p of found) {
          created.push(await createPlaceRow(tx, input.tripId, ctx.actor.user.id, { name: p.name, lat: p.lat, lng: p.lng, description: p.description }));
          reportProgress(created.length, found.length);
        }
        return created;
      });
      const json = places.map(placeJson);
      for (const place of json) ctx.emit(tripChannel(input.tripId), placeEvents.make('place.created', { place }));
      return { format, places: json, skipped };
    }),
});
