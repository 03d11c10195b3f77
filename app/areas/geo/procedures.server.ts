// Geo lookups for agents and the place form: place details (opening hours, website, phone, address, photo), reverse
// geocoding and map links → name and coordinates. Read-only: nothing is stored, nothing is published.
import { z } from 'zod';
import { authedProcedure, router } from '~/trpc/init';
import { latitude, longitude } from '~/trpc/schemas';
import { badRequest } from '~/domain/errors';
import { LANGUAGE_CODES } from '~/i18n/config';
import { placeDetails, reverseGeocode } from '~/geo/nominatim.server';
import { resolveMapLink } from '~/geo/maps-link.server';
import { parseOsmRef } from '~/geo/osm-tags';

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
          'Details of an OpenStreetMap place: placeId is the osmId search_place returns ("N123", "W45", "R6", or "node:123"). Returns name, address, lat/lng, website, phone, openingHours (OpenStreetMap syntax), the OSM category and the matching Waymark categoryKey, photoUrl (Wikimedia Commons) and the osmUrl; fields the map does not know are null (OpenStreetMap has no ratings: rating is null). lang sets the language of names and address (default: yours).',
      },
    })
    .input(
      z.object({
        placeId: z
          .string({ error: 'must be text' })
          .trim()
          .max(40, 'must be at most 40 characters')
          .refine((v) => parseOsmRef(v) !== null, 'must be an OpenStreetMap id such as N123, W45, R6 or node:123'),
        lang,
      }),
    )
    .query(async ({ ctx, input }) => {
      const details = await placeDetails(ctx.services.config, input.placeId, input.lang ?? ctx.actor.user.language);
      if (!details) throw badRequest('errors.placeDetailsNotFound', `OpenStreetMap has no place ${input.placeId}`, { placeId: input.placeId });
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
    .query(({ ctx }) => ({ tiles: ctx.services.config.mapTiles, routing: ctx.services.config.osrmUrl !== null })),
});
