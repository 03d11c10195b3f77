// Addon on/off switches, stored in the database and cached for two seconds so hot paths do not query every call.
// A part of an addon (collab.notes) reads as on only while its own switch and its addon's switch are both on.
// Concurrent readers share one in-flight load; set() refreshes the cache at once for this process.
import type { Db } from '~/db/client.server';
import { ADDONS, addonPartOf, type AddonId } from './addons';
import type { AddonSwitches } from '~/services/types.server';

const TTL_MS = 2000;

export function createAddonSwitches(db: Db): AddonSwitches {
  let cache: { at: number; values: Record<AddonId, boolean> } | undefined;
  let loading: Promise<Record<AddonId, boolean>> | undefined;
  let version = 0;
  async function read(): Promise<Record<AddonId, boolean>> {
    const started = version;
    const rows = await db.addon.findMany();
    const values = Object.fromEntries(ADDONS.map((a) => [a.id, a.defaultEnabled])) as Record<AddonId, boolean>;
    for (const row of rows) if (row.id in values) values[row.id as AddonId] = row.enabled;
    for (const a of ADDONS) {
      const whole = addonPartOf(a.id);
      if (whole) values[a.id] = values[a.id] && values[whole];
    }
    // A set() that finished while this read ran wins: its value is not overwritten by an older read.
    if (started === version) cache = { at: Date.now(), values };
    return values;
  }
  function load() {
    if (cache && Date.now() - cache.at < TTL_MS) return Promise.resolve(cache.values);
    if (!loading) {
      const pending = read();
      loading = pending;
      const clear = () => {
        if (loading === pending) loading = undefined;
      };
      pending.then(clear, clear);
    }
    return loading;
  }
  return {
    async isEnabled(id) {
      return (await load())[id];
    },
    all: load,
    refresh() {
      version += 1;
      cache = undefined;
      loading = undefined;
    },
    async set(id, enabled) {
      await db.addon.upsert({ where: { id }, update: { enabled }, create: { id, enabled } });
      version += 1;
      cache = undefined;
      loading = undefined;
    },
  };
}
