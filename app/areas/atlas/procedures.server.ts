// Atlas: where the signed-in user has been, per user (not per trip). Countries visited on trips are computed from
// the trips' place coordinates against offline boundaries (never from address text); countries and ISO 3166-2
// regions marked by hand are stored apart from them, so unmarking never removes what another source shows. Plus the
// bucket list and the stats. Events go to the user's own channel.
import { z } from 'zod';
import { authedProcedure, router } from '~/trpc/init';
import { id, isoDate, latitude, longitude, text, title } from '~/trpc/schemas';
import { fromIsoDate, isIsoDate } from '~/domain/dates';
import { DomainError, badRequest, notFound } from '~/domain/errors';
import { userChannel } from '~/realtime/channels';
import type { DbLike } from '../trip-data.server';
import { atlasEvents } from './events';
import { atlasStatsJson, bucketItemJson, loadAtlasFacts, regionJson, visitedCountriesJson } from './atlas-data.server';
import { countryAt, countryName, findRegion, isCountryCode, regionsOf } from './geo.server';

const NOTES_MAX = 1000;

const countryCode = z
  .string({ error: 'must be a two-letter country code' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code such as FR')
  .refine(isCountryCode, 'is not an ISO 3166-1 country code');

const regionCode = z
  .string({ error: 'must be an ISO 3166-2 region code' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 region code such as US-CA or FR-75');

/** For updates, where "" clears a field as null does. */
const clearableCountryCode = z
  .string({ error: 'must be a two-letter country code' })
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || (/^[A-Z]{2}$/.test(v) && isCountryCode(v)), 'must be a two-letter ISO 3166-1 country code such as FR, or "" to clear');
const clearableDate = z
  .string({ error: 'must be a date (YYYY-MM-DD)' })
  .refine((v) => v === '' || isIsoDate(v), 'must be a real date in the form YYYY-MM-DD, or "" to clear');

const READ = { scope: 'atlas:read', addon: 'atlas' } as const;
const WRITE = { scope: 'atlas:write', addon: 'atlas' } as const;

const unknownRegion = (code: string) =>
  badRequest('errors.atlasUnknownRegion', `regionCode: ${code} is not an ISO 3166-2 region code`, { code });

async function ownBucketItem(db: DbLike, userId: number, itemId: number) {
  const item = await db.bucketListItem.findFirst({ where: { id: itemId, userId } });
  if (!item) throw notFound('Bucket list item', itemId);
  return item;
}

/** Coordinates come in pairs; a country is taken from them when none is given. */
function placeOf(input: { lat?: number | null; lng?: number | null; countryCode?: string | null }) {
  const hasLat = input.lat !== undefined && input.lat !== null;
  const hasLng = input.lng !== undefined && input.lng !== null;
  if (hasLat !== hasLng) throw badRequest('errors.atlasCoordinatesPair', 'lat, lng: give both coordinates or neither');
  const fromPoint = hasLat && hasLng ? countryAt(input.lat!, input.lng!) : null;
  return { countryCode: input.countryCode === undefined && fromPoint ? fromPoint : input.countryCode };
}

const bucketFields = {
  lat: latitude.nullish(),
  lng: longitude.nullish(),
  notes: text(NOTES_MAX).optional(),
  targetDate: isoDate.nullish(),
};

export const atlasRouter = router({
  getAtlasStats: authedProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'get_atlas_stats',
        kind: 'read',
        description:
          'Your travel atlas: visited countries (from your trips’ place coordinates, checked against offline country boundaries — never guessed from address text — plus countries and regions you marked by hand, each source flagged), totals (countries, regions, continents, trips, places, days travelled, cities), continents, most visited, first, latest and next trip, yearly streak and trips per year. Trips count once they have begun. Reading never writes.',
        resource: { uri: 'waymark://atlas/stats', name: 'atlas-stats', description: 'Your travel statistics' },
      },
    })
    .query(async ({ ctx }) => ({ stats: atlasStatsJson(await loadAtlasFacts(ctx.db, ctx.actor.user.id)) })),

  listVisitedCountries: authedProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'list_visited_countries',
        kind: 'read',
        description: 'Visited countries with their sources',
        resource: {
          uri: 'waymark://visited-countries',
          name: 'visited-countries',
          description: 'Countries you visited: from trips (place coordinates), marked by hand, or through regions marked by hand — each flagged',
          onlyResource: true,
        },
      },
    })
    .query(async ({ ctx }) => ({ countries: visitedCountriesJson(await loadAtlasFacts(ctx.db, ctx.actor.user.id)) })),

  markCountryVisited: authedProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'mark_country_visited',
        kind: 'write',
        description: 'Mark a country as visited by hand (ISO 3166-1 alpha-2 code, any case). Kept apart from the countries your trips show; marking twice changes nothing.',
      },
    })
    .input(z.object({ countryCode }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const existing = await ctx.db.atlasCountryMark.findUnique({ where: { userId_countryCode: { userId, countryCode: input.countryCode } } });
      if (!existing) {
        await ctx.db.atlasCountryMark.create({ data: { userId, countryCode: input.countryCode } });
        ctx.emit(userChannel(userId), atlasEvents.make('atlas.country.marked', { countryCode: input.countryCode }));
      }
      return { success: true, countryCode: input.countryCode, alreadyMarked: !!existing };
    }),

  unmarkCountryVisited: authedProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'unmark_country_visited',
        kind: 'destructive',
        description:
          'Remove your hand-made mark of a country and the regions of it you marked. Countries your trips show stay visited (stillVisitedFromTrips tells); not marked → NOT_FOUND.',
      },
    })
    .input(z.object({ countryCode }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const code = input.countryCode;
      const regions = await ctx.db.atlasRegionMark.findMany({ where: { userId, countryCode: code }, select: { regionCode: true } });
      const removed = await ctx.db.atlasCountryMark.deleteMany({ where: { userId, countryCode: code } });
      if (removed.count === 0 && regions.length === 0) {
        throw new DomainError('NOT_FOUND', 'errors.atlasCountryNotMarked', `${code} is not marked as visited by hand`, { code });
      }
      await ctx.db.atlasRegionMark.deleteMany({ where: { userId, countryCode: code } });
      const regionCodes = regions.map((r) => r.regionCode);
      ctx.emit(userChannel(userId), atlasEvents.make('atlas.country.unmarked', { countryCode: code, regionCodes }));
      const facts = await loadAtlasFacts(ctx.db, userId);
      const stillVisitedFromTrips = visitedCountriesJson(facts).some((c) => c.code === code && c.fromTrips);
      return { success: true, countryCode: code, removedRegions: regionCodes, stillVisitedFromTrips };
    }),

  listVisitedRegions: authedProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'list_visited_regions',
        kind: 'read',
        description: 'The ISO 3166-2 regions you marked as visited by hand (regionCode, regionName, countryCode), by code.',
        resource: { uri: 'waymark://atlas/regions', name: 'atlas-regions', description: 'Regions you marked as visited' },
      },
    })
    .query(async ({ ctx }) => {
      const rows = await ctx.db.atlasRegionMark.findMany({ where: { userId: ctx.actor.user.id }, orderBy: { regionCode: 'asc' } });
      return { regions: rows.map(regionJson) };
    }),

  listCountryRegions: authedProcedure
    .meta(READ)
    .input(z.object({ countryCode }))
    .query(async ({ ctx, input }) => {
      const marked = new Set(
        (await ctx.db.atlasRegionMark.findMany({ where: { userId: ctx.actor.user.id, countryCode: input.countryCode }, select: { regionCode: true } })).map((r) => r.regionCode),
      );
      const regions = regionsOf(input.countryCode).map((r) => ({ ...r, visited: marked.has(r.code) }));
      return { countryCode: input.countryCode, regions };
    }),

  markRegionVisited: authedProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'mark_region_visited',
        kind: 'write',
        description:
          'Mark an ISO 3166-2 region (regionCode such as US-CA, FR-75, DE-BY; any case) as visited. The region must exist in ISO 3166-2 and belong to countryCode; regionName defaults to its ISO name. Its country then counts as visited through the region, without becoming a hand-marked country.',
      },
    })
    .input(z.object({ regionCode, regionName: title().optional(), countryCode: countryCode.optional() }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const region = findRegion(input.regionCode);
      if (!region) throw unknownRegion(input.regionCode);
      if (input.countryCode && input.countryCode !== region.countryCode) {
        throw badRequest('errors.atlasRegionCountryMismatch', `countryCode: ${region.code} lies in ${region.countryCode}, not ${input.countryCode}`, {
          region: region.code,
          country: input.countryCode,
        });
      }
      const regionName = input.regionName ?? region.name;
      const key = { userId_regionCode: { userId, regionCode: region.code } };
      const existing = await ctx.db.atlasRegionMark.findUnique({ where: key });
      const row =
        existing && existing.regionName === regionName
          ? existing
          : await ctx.db.atlasRegionMark.upsert({ where: key, create: { userId, regionCode: region.code, regionName, countryCode: region.countryCode }, update: { regionName } });
      if (row !== existing) ctx.emit(userChannel(userId), atlasEvents.make('atlas.region.marked', { region: regionJson(row) }));
      return { region: regionJson(row), alreadyMarked: !!existing };
    }),

  unmarkRegionVisited: authedProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'unmark_region_visited',
        kind: 'destructive',
        description:
          'Remove a region you marked. A country you marked by hand, or that your trips show, stays visited even when its last region goes (countryStillVisited tells).',
      },
    })
    .input(z.object({ regionCode }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const code = findRegion(input.regionCode)?.code ?? input.regionCode;
      const row = await ctx.db.atlasRegionMark.findUnique({ where: { userId_regionCode: { userId, regionCode: code } } });
      if (!row) throw new DomainError('NOT_FOUND', 'errors.atlasRegionNotMarked', `${code} is not marked as visited`, { code });
      await ctx.db.atlasRegionMark.delete({ where: { id: row.id } });
      ctx.emit(userChannel(userId), atlasEvents.make('atlas.region.unmarked', { regionCode: code, countryCode: row.countryCode }));
      const countryStillVisited = visitedCountriesJson(await loadAtlasFacts(ctx.db, userId)).some((c) => c.code === row.countryCode);
      return { success: true, regionCode: code, countryCode: row.countryCode, countryStillVisited };
    }),

  getCountryAtlasPlaces: authedProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'get_country_atlas_places',
        kind: 'read',
        description:
          'The places of your trips that lie in a country (by their coordinates against offline boundaries), the trips they are on, whether you marked the country by hand, and the regions of it you marked.',
      },
    })
    .input(z.object({ countryCode }))
    .query(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const facts = await loadAtlasFacts(ctx.db, userId);
      const places = facts.places.filter((p) => p.countryCode === input.countryCode);
      const tripIds = new Set(places.map((p) => p.tripId));
      const regions = facts.regionMarks.filter((r) => r.countryCode === input.countryCode);
      return {
        countryCode: input.countryCode,
        name: countryName(input.countryCode),
        places: places.map(({ id: placeId, name, address, lat, lng, tripId }) => ({ id: placeId, name, address, lat, lng, tripId })),
        trips: facts.trips.filter((t) => tripIds.has(t.id)),
        markedByHand: facts.countryMarks.includes(input.countryCode),
        regions: regions.map(regionJson),
      };
    }),

  listBucketList: authedProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'list_bucket_list',
        kind: 'read',
        description: 'Your bucket list',
        resource: { uri: 'waymark://bucket-list', name: 'bucket-list', description: 'Places and countries you want to visit, newest first', onlyResource: true },
      },
    })
    .query(async ({ ctx }) => {
      const rows = await ctx.db.bucketListItem.findMany({ where: { userId: ctx.actor.user.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return { items: rows.map(bucketItemJson) };
    }),

  createBucketListItem: authedProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'create_bucket_list_item',
        kind: 'write',
        description:
          'Add a place or a country to your bucket list: name (1–200), optional lat+lng (both or neither; the country is then found from them), countryCode, notes (≤1000) and targetDate (YYYY-MM-DD).',
      },
    })
    .input(z.object({ name: title(), countryCode: countryCode.nullish(), ...bucketFields }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      // No country given: it is found from the coordinates, if any.
      const { countryCode: code } = placeOf({ ...input, countryCode: input.countryCode ?? undefined });
      const row = await ctx.db.bucketListItem.create({
        data: {
          userId,
          name: input.name,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          countryCode: code ?? null,
          notes: input.notes ?? '',
          targetDate: input.targetDate ? fromIsoDate(input.targetDate) : null,
        },
      });
      const item = bucketItemJson(row);
      ctx.emit(userChannel(userId), atlasEvents.make('atlas.bucket.created', { item }));
      return { item };
    }),

  updateBucketListItem: authedProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'update_bucket_list_item',
        kind: 'idempotent',
        description: 'Change an item of your bucket list: only the fields given change; null (or "" for notes) clears lat/lng, countryCode, notes, targetDate.',
      },
    })
    .input(z.object({ itemId: id('bucket list item'), name: title().optional(), ...bucketFields, countryCode: clearableCountryCode.nullish(), targetDate: clearableDate.nullish() }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const current = await ownBucketItem(ctx.db, userId, input.itemId);
      const lat = input.lat === undefined ? current.lat : input.lat;
      const lng = input.lng === undefined ? current.lng : input.lng;
      const moved = input.lat !== undefined || input.lng !== undefined;
      const keptCountry = moved ? undefined : current.countryCode;
      const givenCountry = input.countryCode === '' ? null : input.countryCode;
      const { countryCode: code } = placeOf({ lat, lng, countryCode: givenCountry !== undefined ? givenCountry : keptCountry });
      const row = await ctx.db.bucketListItem.update({
        where: { id: current.id },
        data: {
          name: input.name,
          lat,
          lng,
          countryCode: code ?? null,
          notes: input.notes,
          targetDate: input.targetDate === undefined ? undefined : input.targetDate ? fromIsoDate(input.targetDate) : null,
        },
      });
      const item = bucketItemJson(row);
      ctx.emit(userChannel(userId), atlasEvents.make('atlas.bucket.updated', { item }));
      return { item };
    }),

  deleteBucketListItem: authedProcedure
    .meta({ ...WRITE, mcp: { name: 'delete_bucket_list_item', kind: 'destructive', description: 'Delete an item of your bucket list (your own items only).' } })
    .input(z.object({ itemId: id('bucket list item') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      await ownBucketItem(ctx.db, userId, input.itemId);
      await ctx.db.bucketListItem.delete({ where: { id: input.itemId } });
      ctx.emit(userChannel(userId), atlasEvents.make('atlas.bucket.deleted', { itemId: input.itemId }));
      return { success: true, deleted: true, itemId: input.itemId };
    }),
});
