// The administrator's map settings, stored as instance settings: the Google Places API key (a secret: read here for
// the outbound requests, never sent to a browser beyond its last four characters, never logged) and the map's tile URL
// template with its attribution (the environment's MAP_TILE_URL / MAP_TILE_ATTRIBUTION stay the default).
import { z } from 'zod';
import type { Db } from '~/db/client.server';
import type { Config } from '~/env.server';

const GOOGLE_KEY_SETTING = 'googlePlaces';
const TILES_SETTING = 'mapTiles';

type SettingsDb = Pick<Db, 'instanceSetting'>;

export const TILE_ATTRIBUTION_MAX = 300;
/** http(s), no spaces, with {z}, {x} and {y} — the same rule as MAP_TILE_URL. */
export const isTileTemplate = (v: string) => /^https?:\/\/[^\s/]+\/\S*$/i.test(v) && v.includes('{z}') && v.includes('{x}') && v.includes('{y}');

const tilesSchema = z.object({ url: z.string().refine(isTileTemplate), attribution: z.string().max(TILE_ATTRIBUTION_MAX) });

async function readSetting(db: SettingsDb, key: string): Promise<unknown> {
  return (await db.instanceSetting.findUnique({ where: { key } }))?.value ?? null;
}

async function writeSetting(db: SettingsDb, key: string, value: object | null) {
  if (value === null) await db.instanceSetting.deleteMany({ where: { key } });
  else await db.instanceSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** The configured Google Places API key, or null (then Wikimedia / OpenStreetMap serve search, details and photos). */
export async function googlePlacesKey(db: SettingsDb): Promise<string | null> {
  const value = (await readSetting(db, GOOGLE_KEY_SETTING)) as { apiKey?: unknown } | null;
  return typeof value?.apiKey === 'string' && value.apiKey ? value.apiKey : null;
}

export const setGooglePlacesKey = (db: SettingsDb, apiKey: string | null) => writeSetting(db, GOOGLE_KEY_SETTING, apiKey ? { apiKey } : null);

/** What the admin page may see of the key: that there is one, and its last four characters. */
export const keyHint = (apiKey: string | null) => (apiKey ? `…${apiKey.slice(-4)}` : null);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The administrator's tile template and attribution (plain text), or null when the environment's apply. */
export async function customMapTiles(db: SettingsDb): Promise<{ url: string; attribution: string } | null> {
  const parsed = tilesSchema.safeParse(await readSetting(db, TILES_SETTING));
  return parsed.success ? parsed.data : null;
}

export const setMapTiles = (db: SettingsDb, tiles: { url: string; attribution: string } | null) => writeSetting(db, TILES_SETTING, tiles);

/** The tiles the map uses: the administrator's (attribution escaped into the HTML Leaflet shows), else the environment's. */
export async function mapTiles(db: SettingsDb, config: Pick<Config, 'mapTiles'>) {
  const custom = await customMapTiles(db);
  return custom ? { url: custom.url, attribution: escapeHtml(custom.attribution) } : config.mapTiles;
}
