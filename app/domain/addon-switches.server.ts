// Addon on/off switches, stored in the database and cached for two seconds so hot paths do not query every call.
import type { Db } from '~/db/client.server';
import { ADDONS, type AddonId } from './addons';
import type { AddonSwitches } from '~/services.server';

const TTL_MS = 2000;

export function createAddonSwitches(db: Db): AddonSwitches {
  let cache: { at: number; values: Record<AddonId, boolean> } | undefined;
  async function load() {
    if (cache && Date.now() - cache.at < TTL_MS) return cache.values;
    const rows = await db.addon.findMany();
    const values = Object.fromEntries(ADDONS.map((a) => [a.id, a.defaultEnabled])) as Record<AddonId, boolean>;
    for (const row of rows) if (row.id in values) values[row.id as AddonId] = row.enabled;
    cache = { at: Date.now(), values };
    return values;
  }
  return {
    async isEnabled(id) {
      return (await load())[id];
    },
    all: load,
    async set(id, enabled) {
      await db.addon.upsert({ where: { id }, update: { enabled }, create: { id, enabled } });
      cache = undefined;
    },
  };
}
