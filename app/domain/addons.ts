// The switchable addons. `mcp` and `journey` start off; the rest start on.
export const ADDONS = [
  { id: 'lists', defaultEnabled: true },
  { id: 'budget', defaultEnabled: true },
  { id: 'collab', defaultEnabled: true },
  { id: 'atlas', defaultEnabled: true },
  { id: 'vacay', defaultEnabled: true },
  { id: 'journey', defaultEnabled: false },
  { id: 'mcp', defaultEnabled: false },
  // Parts of an addon that an admin can switch off separately; a part is on only while its addon is on too.
  { id: 'collab.notes', defaultEnabled: true, partOf: 'collab' },
  { id: 'collab.polls', defaultEnabled: true, partOf: 'collab' },
  { id: 'collab.chat', defaultEnabled: true, partOf: 'collab' },
] as const;

export type AddonId = (typeof ADDONS)[number]['id'];
export const ADDON_IDS = ADDONS.map((a) => a.id) as [AddonId, ...AddonId[]];

/** The addon a part belongs to, or undefined for a whole addon. */
export function addonPartOf(id: AddonId): AddonId | undefined {
  const entry = ADDONS.find((a) => a.id === id);
  return entry && 'partOf' in entry ? entry.partOf : undefined;
}

export function isAddonId(value: string): value is AddonId {
  return (ADDON_IDS as string[]).includes(value);
}
