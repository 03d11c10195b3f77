// Geo lookups for agents and the place form: place details (opening hours, website, phone, address, photo), reverse
// geocoding and map links → name and coordinates. Read-only: nothing is stored, nothing is published.
import { z } from 'zod';
import { adminProcedure, authedProcedure, router } from '~/trpc/init';
import { latitude, longitude } from '~/trpc/schemas';
import { badRequest } from '~/domain/errors';
import { LANGUAGE_CODES } from '~/i18n/config';
import { placeDetails, reverseGeocode } from '~/geo/nominatim.server';
import { resolveMapLink } from '~/geo/maps-link.server';
import { parseOsmRef } from '~/geo/osm-tags';
import { googlePlaceDetails, isGooglePlaceId } from '~/geo/google-places.server';
import { customMapTiles, googlePlacesKey, isTileTemplate, keyHint, mapTiles, setGooglePlacesKey, setMapTiles, TILE_ATTRIBUTION_MAX } from '~/geo/map-settings.server';

const URL_MAX = 2000;
const lang = z.enum(LANGUAGE_CODES, { error: `must be one of ${LANGUAGE_CODES.join(', ')}` }).optional();

export const geoRouter = router({
  getPlaceDetails: authedProcedure
    .meta({
      scope: 'geo:read',
      mcp: {
        name: 'get_place_details',
        kind: 'read',
        example: { placeId: 'N2460829571' },
        description:
          'Details of a place search_place found: placeId is its osmId ("N123", "W45", "R6", or "node:123") or, when the administrator configured Google Places, its Google placeId. Returns source (openstreetmap or google), name, address, lat/lng, website, phone, openingHours (OpenStreetMap syntax, or Google’s one line a day joined with "; "), rating (Google only; OpenStreetMap has none: null), the category and the matching Waymark categoryKey, photoUrl, and osmUrl or mapsUrl; fields the provider does not know are null. lang sets the language of names and address (default: yours).',
      },
    })
    .input(
      z.object({
        placeId: z
          .string({ error: 'must be text' })
          .trim()
          .max(300, 'must be at most 300 characters')
          .refine((v) => parseOsmRef(v) !== null || isGooglePlaceId(v), 'must be an OpenStreetMap id such as N123, W45, R6 or node:123, or a Google place id'),
        lang,
      }),
    )
    .query(async ({ ctx, input }) => {
      const language = input.lang ?? ctx.actor.user.language;
      if (parseOsmRef(input.placeId)) {
        const details = await placeDetails(ctx.services.config, input.placeId, language);
        if (!details) throw badRequest('errors.placeDetailsNotFound', `OpenStreetMap has no place ${input.placeId}`, { placeId: input.placeId });
        return { details };
      }
      const googleKey = await googlePlacesKey(ctx.db);
      if (!googleKey) {
        throw badRequest('errors.googlePlacesNotConfigured', 'placeId: a Google place id needs Google Places, which this installation has not configured; use an OpenStreetMap id', {
          placeId: input.placeId,
        });
      }
      const details = await googlePlaceDetails(ctx.services.config, googleKey, input.placeId, language);
      if (!details) throw badRequest('errors.googlePlaceNotFound', `Google Places has no place ${input.placeId}`, { placeId: input.placeId });
      return { details };
    }),

  reverseGeocode: authedProcedure
    .meta({
      scope: 'geo:read',
      mcp: {
        name: 'reverse_geocode',
        kind: 'read',
        description: 'The name and address at coordinates (OpenStreetMap). Both are null where nothing is there (open sea). lang as in get_place_details.',
      },
    })
    .input(z.object({ lat: latitude, lng: longitude, lang }))
    .query(async ({ ctx, input }) => reverseGeocode(ctx.services.config, input.lat, input.lng, input.lang ?? ctx.actor.user.language)),

  resolveMapsUrl: authedProcedure
    .meta({
      scope: 'geo:read',
      mcp: {
        name: 'resolve_maps_url',
        kind: 'read',
        description:
          'Reads a map link without adding anything: Google Maps links (also maps.app.goo.gl short links, expanded safely), OpenStreetMap, Apple Maps and geo: URIs → name, lat, lng and address (a missing name comes from reverse geocoding, missing coordinates from a place search). A shared Google Maps list gives kind "list" and all its places. Use import_places_from_url to add them to a trip.',
      },
    })
    .input(z.object({ url: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(URL_MAX, `must be at most ${URL_MAX} characters`), lang }))
    .query(async ({ ctx, input }) => {
      const resolved = await resolveMapLink(ctx.services.config, input.url, input.lang ?? ctx.actor.user.language);
      if (!resolved) {
        throw badRequest(
          'errors.mapUrlUnreadable',
          'url: not a map link Waymark can read; use a Google Maps, OpenStreetMap or Apple Maps link to a place or list, or a geo: URI',
        );
      }
      const [first] = resolved.places;
      return { ...resolved, name: first?.name ?? null, lat: first?.lat ?? null, lng: first?.lng ?? null, address: first?.address ?? null };
    }),

  mapSettings: authedProcedure
    .meta({ scope: 'none' })
    // routing: whether a router is configured, so the map asks for road lines only then
    .query(async ({ ctx }) => ({ tiles: await mapTiles(ctx.db, ctx.services.config), routing: ctx.services.config.osrmUrl !== null })),

  /** Admin → Map: the tile settings (custom or the environment's) and whether a Google Places key is set (its last 4 characters only). */
  getMapAdminSettings: adminProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const hint = keyHint(await googlePlacesKey(ctx.db));
    return { tiles: await customMapTiles(ctx.db), defaultTiles: ctx.services.config.mapTiles, googlePlaces: { configured: hint !== null, keyHint: hint } };
  }),

  /** The map's tile URL template and attribution (plain text); null goes back to the environment's MAP_TILE_URL. */
  setMapTiles: adminProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        tiles: z
          .object({
            url: z
              .string({ error: 'must be text' })
              .trim()
              .max(URL_MAX, `must be at most ${URL_MAX} characters`)
              .refine(isTileTemplate, 'must be an http(s) URL template with {z}, {x} and {y}'),
            attribution: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(TILE_ATTRIBUTION_MAX, `must be at most ${TILE_ATTRIBUTION_MAX} characters`),
          })
          .nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await setMapTiles(ctx.db, input.tiles);
      await ctx.services.audit({ action: 'admin.map_tiles', userId: ctx.actor.user.id, ip: ctx.ip, detail: { url: input.tiles?.url ?? null } });
      return { tiles: await mapTiles(ctx.db, ctx.services.config), custom: input.tiles !== null };
    }),

  /** Saves (or with null removes) the Google Places API key; the answer and the audit log show only its last 4 characters. */
  setGooglePlacesKey: adminProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        apiKey: z
          .string({ error: 'must be text' })
          .trim()
          .regex(/^[A-Za-z0-9_-]{20,200}$/, 'must be a Google API key (20 to 200 letters, digits, - and _)')
          .nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await setGooglePlacesKey(ctx.db, input.apiKey);
      const hint = keyHint(input.apiKey);
      await ctx.services.audit({ action: 'admin.google_places_key', userId: ctx.actor.user.id, ip: ctx.ip, detail: { configured: hint !== null } });
      return { googlePlaces: { configured: hint !== null, keyHint: hint } };
    }),
});
