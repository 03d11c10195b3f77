// Journey, the pure part: the allowed values, the cover gradients, and how a timeline groups and orders entries.
// Shared by the procedures and the UI (no I/O).

export const JOURNEY_STATUSES = ['draft', 'active', 'completed', 'archived'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

/** Entry types a person or an agent can create; "skeleton" is made only by a linked trip. */
export const ENTRY_TYPES = ['entry', 'checkin'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number] | 'skeleton';

/**
 * private: only its author sees it; shared: every contributor; public: contributors and the journey's public page.
 */
export const VISIBILITIES = ['private', 'shared', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The moods and weathers the UI offers (agents may send other short words; they are shown as written). */
export const MOODS = ['amazing', 'good', 'neutral', 'tired', 'rough'] as const;
export const WEATHERS = ['sunny', 'partly', 'cloudy', 'rainy', 'stormy', 'snowy', 'hot', 'cold'] as const;

export const COVER_GRADIENTS = ['sunset', 'ocean', 'forest', 'dusk', 'sand', 'berry'] as const;
export type CoverGradient = (typeof COVER_GRADIENTS)[number];

/** The gradient a new journey gets: stable per seed (the first trip's id, else the title), so covers differ. */
export function coverGradientFor(seed: number | string): CoverGradient {
  const n = typeof seed === 'number' ? seed : [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return COVER_GRADIENTS[n % COVER_GRADIENTS.length];
}

/** A suggestion is a trip that ended within this many days (and today is not before its end). */
export const SUGGESTION_WINDOW_DAYS = 30;

interface Orderable {
  id: number;
  entryDate: string;
  entryTime: string | null;
  sortOrder: number;
}

/** Timeline order: by date, then the manual order, then time of day, then creation. */
export function compareEntries(a: Orderable, b: Orderable) {
  return (
    a.entryDate.localeCompare(b.entryDate) ||
    a.sortOrder - b.sortOrder ||
    (a.entryTime ?? '99:99').localeCompare(b.entryTime ?? '99:99') ||
    a.id - b.id
  );
}

/** Entries grouped by day in timeline order: [{ date, entries }]. */
export function groupByDay<T extends Orderable>(entries: readonly T[]): { date: string; entries: T[] }[] {
  const days: { date: string; entries: T[] }[] = [];
  for (const entry of [...entries].sort(compareEntries)) {
    const last = days[days.length - 1];
    if (last && last.date === entry.entryDate) last.entries.push(entry);
    else days.push({ date: entry.entryDate, entries: [entry] });
  }
  return days;
}

/** Whether an edit writes something into the entry, which turns a skeleton into a real entry. */
export function writesContent(fields: { story?: string; mood?: string; weather?: string; tags?: string[]; pros?: string[]; cons?: string[] }) {
  return !!(fields.story?.trim() || fields.mood?.trim() || fields.weather?.trim() || fields.tags?.length || fields.pros?.length || fields.cons?.length);
}
