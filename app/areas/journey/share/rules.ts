// A journey's public link, the pure part: what its token looks like, where its page is, and how flags change.

export const JOURNEY_SHARE_TOKEN_PREFIX = 'wmj_';
/** prefix + 32 base32 characters (160 random bits); anything else is refused before any lookup */
export const JOURNEY_SHARE_TOKEN_PATTERN = /^wmj_[a-z2-7]{32}$/;
/** kept in clear so people can tell links apart: the prefix and 4 of 32 characters */
export const JOURNEY_TOKEN_HINT_LENGTH = JOURNEY_SHARE_TOKEN_PREFIX.length + 4;

export const journeySharePath = (token: string) => `/public/journey/${token}`;

/** The three parts of the public page, each switched on the link and enforced by the server. */
export const JOURNEY_SHARE_PARTS = ['timeline', 'gallery', 'map'] as const;
export type JourneySharePart = (typeof JOURNEY_SHARE_PARTS)[number];

export interface JourneyShareFlags {
  shareTimeline: boolean;
  shareGallery: boolean;
  shareMap: boolean;
}

/** Flags after a change: omitted flags keep the link's current value; a new link starts with every part on. */
export function applyShareFlags(current: JourneyShareFlags | null, given: Partial<JourneyShareFlags>): JourneyShareFlags {
  const base = current ?? { shareTimeline: true, shareGallery: true, shareMap: true };
  return {
    shareTimeline: given.shareTimeline ?? base.shareTimeline,
    shareGallery: given.shareGallery ?? base.shareGallery,
    shareMap: given.shareMap ?? base.shareMap,
  };
}
