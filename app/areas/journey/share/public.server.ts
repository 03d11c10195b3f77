// What a journey's public page may show, decided on the server: only the parts the link switches on, only public,
// written entries (never private or contributor-only ones, never skeletons), photos only with the gallery on and only
// of the gallery or of such entries, and no people at all (no names, no e-mails).
import { toIsoDate } from '~/domain/dates';
import { hashSecret } from '~/auth/tokens.server';
import { DomainError } from '~/domain/errors';
import type { JourneyShareLink } from '~/generated/prisma/client';
import type { DbLike } from '../../trip-data.server';
import { journeyPhotoJson, photoOrder, publicPhotos } from '../photos/photos.server';
import { JOURNEY_SHARE_TOKEN_PATTERN, journeySharePath } from './rules';

export const journeyLinkGone = () =>
  new DomainError('NOT_FOUND', 'errors.journeyShareLinkNotFound', 'This journey link does not exist or was revoked');

/** The link a token opens, while the journey addon is on; otherwise the same "gone" for every reason. */
export async function journeyLinkOfToken(db: DbLike, token: string, addonOn: boolean): Promise<JourneyShareLink> {
  if (!addonOn || !JOURNEY_SHARE_TOKEN_PATTERN.test(token)) throw journeyLinkGone();
  const link = await db.journeyShareLink.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!link) throw journeyLinkGone();
  return link;
}

/** Where the public page serves a photo's bytes (the token is the permission, checked again on every download). */
export const publicPhotoBase = (token: string) => `${journeySharePath(token)}/photos`;

/** The public entries, for the timeline and the map. */
const publicEntryWhere = (journeyId: number) => ({ journeyId, visibility: 'public', type: { not: 'skeleton' } });

export async function publicJourney(db: DbLike, link: JourneyShareLink, token: string) {
  const journey = await db.journey.findUniqueOrThrow({ where: { id: link.journeyId } });
  const base = publicPhotoBase(token);
  const photos = link.showGallery
    ? (await db.journeyPhoto.findMany({ where: { journeyId: journey.id, ...publicPhotos }, orderBy: photoOrder })).map((p) => journeyPhotoJson(p, base))
    : [];
  const needEntries = link.showTimeline || link.showMap;
  const entries = needEntries
    ? await db.journeyEntry.findMany({ where: publicEntryWhere(journey.id), orderBy: [{ entryDate: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }] })
    : [];
  const cover = photos.find((p) => p.id === journey.coverPhotoId) ?? null;
  return {
    journey: {
      title: journey.title,
      subtitle: journey.subtitle,
      coverGradient: journey.coverGradient,
      coverUrl: cover?.url ?? null,
    },
    parts: { timeline: link.showTimeline, gallery: link.showGallery, map: link.showMap },
    timeline: link.showTimeline
      ? entries.map((e) => ({
          id: e.id,
          type: e.type,
          title: e.title,
          story: e.story,
          entryDate: toIsoDate(e.entryDate),
          entryTime: e.entryTime,
          locationName: e.locationName,
          mood: e.mood,
          weather: e.weather,
          tags: e.tags,
          pros: e.pros,
          cons: e.cons,
          photos: photos.filter((p) => p.entryId === e.id),
        }))
      : null,
    gallery: link.showGallery ? photos : null,
    map: link.showMap
      ? entries
          .filter((e) => e.lat !== null && e.lng !== null)
          .map((e) => ({ id: e.id, title: e.title || e.locationName, entryDate: toIsoDate(e.entryDate), lat: e.lat!, lng: e.lng! }))
      : null,
  };
}
export type PublicJourney = Awaited<ReturnType<typeof publicJourney>>;

/** The photo a public download names, when the link shows it; null otherwise. */
export async function publicPhotoOf(db: DbLike, link: JourneyShareLink, photoId: number) {
  if (!link.showGallery) return null;
  return db.journeyPhoto.findFirst({ where: { id: photoId, journeyId: link.journeyId, ...publicPhotos } });
}
