// Share links, the pure part: which optional sections a link can show, and what a token looks like.

/**
 * The sections a link may show besides the itinerary and the map, which every link shows. A new section (packing, …)
 * is one more entry here, its flag in the tools' input, and its part of the shared page.
 */
export const SHARE_SECTIONS = ['bookings', 'budget', 'packing'] as const;
export type ShareSection = (typeof SHARE_SECTIONS)[number];

/** The tool/procedure flag of each section: shareBookings, shareBudget, sharePacking. */
export const SECTION_FLAGS = { bookings: 'shareBookings', budget: 'shareBudget', packing: 'sharePacking' } as const satisfies Record<ShareSection, string>;
export type SectionFlag = (typeof SECTION_FLAGS)[ShareSection];

export const SHARE_TOKEN_PREFIX = 'wms_';
/** What a token looks like (prefix + 32 base32 characters); anything else is refused before any lookup. */
export const SHARE_TOKEN_PATTERN = /^wms_[a-z2-7]{32}$/;
/** The characters of the token kept in clear so people can tell links apart: the prefix and 4 of 32 (20 of 160 bits). */
export const TOKEN_HINT_LENGTH = SHARE_TOKEN_PREFIX.length + 4;

export const sharePath = (token: string) => `/s/${token}`;

/** The sections after applying the flags that were given; omitted flags keep what the link had (unlike the original). */
export function applySectionFlags(current: readonly string[], flags: Partial<Record<SectionFlag, boolean | undefined>>): ShareSection[] {
  return SHARE_SECTIONS.filter((section) => {
    const wanted = flags[SECTION_FLAGS[section]];
    return wanted === undefined ? current.includes(section) : wanted;
  });
}

export function sectionFlags(sections: readonly string[]): Record<SectionFlag, boolean> {
  return Object.fromEntries(SHARE_SECTIONS.map((s) => [SECTION_FLAGS[s], sections.includes(s)])) as Record<SectionFlag, boolean>;
}
