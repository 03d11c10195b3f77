// The switchable addons. `mcp` and `journey` start off; the rest start on.
export const ADDONS = [
  { id: 'lists', defaultEnabled: true },
  { id: 'budget', defaultEnabled: true },
  { id: 'collab', defaultEnabled: true },
  { id: 'atlas', defaultEnabled: true },
  { id: 'vacay', defaultEnabled: true },
  { id: 'journey', defaultEnabled: false },
  { id: 'mcp', defaultEnabled: false },
] as const;

export type AddonId = (typeof ADDONS)[number]['id'];
export const ADDON_IDS = ADDONS.map((a) => a.id) as [AddonId, ...AddonId[]];

export function isAddonId(value: string): value is AddonId {
  return (ADDON_IDS as string[]).includes(value);
}
