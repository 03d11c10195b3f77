// "Download my data" (Settings → Profile, before deleting the account): everything the user owns or wrote, as one JSON
// document — the profile without secrets, the trips they own with their contents, the trips they are a member of,
// places, notes and messages they wrote in other trips, journeys, atlas marks and bucket list, vacation plan and days,
// packing templates and notification settings. Secrets never appear: hashes and token columns are not selected,
// and as a safety net every key naming a hash, secret or token is dropped from the document.
import type { Db } from '~/db/client.server';

export const EXPORT_FORMAT = 'waymark-account-export/1';

const SECRET_KEY = /hash|secret|token|password/i;

/** A copy of the value without keys that could hold a secret (dates become ISO strings). */
function withoutSecrets(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEY.test(key)).map(([key, v]) => [key, withoutSecrets(v)]));
  }
  return typeof value === 'bigint' ? value.toString() : value;
}

const publicUser = { select: { id: true, username: true, displayName: true } } as const;

export async function exportAccount(db: Db, userId: number) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, username: true, displayName: true, language: true, temperatureUnit: true, isAdmin: true, createdAt: true },
  });
  const [ownedTrips, memberships, placesElsewhere, notesElsewhere, messagesElsewhere, journeys, contributions] = await Promise.all([
    db.trip.findMany({
      where: { ownerId: userId },
      orderBy: { id: 'asc' },
      include: {
        members: { include: { user: publicUser } },
        days: true,
        places: true,
        accommodations: true,
        reservations: true,
        budgetItems: { include: { members: true, payers: true } },
        budgetCategories: true,
        budgetSettlements: true,
        collabNotes: true,
        collabPolls: { include: { options: true } },
        collabMessages: true,
        packingItems: true,
        packingBags: true,
        todos: true,
      },
    }),
    db.tripMember.findMany({ where: { userId, trip: { ownerId: { not: userId } } }, include: { trip: { select: { id: true, title: true, startDate: true, endDate: true, owner: publicUser } } } }),
    db.place.findMany({ where: { createdById: userId, trip: { ownerId: { not: userId } } } }),
    db.collabNote.findMany({ where: { authorId: userId, trip: { ownerId: { not: userId } } } }),
    db.collabMessage.findMany({ where: { authorId: userId, trip: { ownerId: { not: userId } } } }),
    db.journey.findMany({ where: { ownerId: userId }, include: { entries: true, trips: true, contributors: { include: { user: publicUser } } } }),
    db.journeyEntry.findMany({ where: { authorId: userId, journey: { ownerId: { not: userId } } } }),
  ]);
  const [atlasCountries, atlasRegions, bucketList, vacayPlan, vacayEntries, vacayAllowances, packingTemplates, notificationPreferences] = await Promise.all([
    db.atlasCountryMark.findMany({ where: { userId } }),
    db.atlasRegionMark.findMany({ where: { userId } }),
    db.bucketListItem.findMany({ where: { userId } }),
    db.vacayPlan.findUnique({ where: { ownerId: userId } }),
    db.vacayEntry.findMany({ where: { userId } }),
    db.vacayAllowance.findMany({ where: { userId } }),
    db.packingTemplate.findMany({ where: { ownerId: userId }, include: { items: true } }),
    db.notificationPreference.findMany({ where: { userId } }),
  ]);
  return withoutSecrets({
    format: EXPORT_FORMAT,
    exportedAt: new Date(),
    profile: user,
    ownedTrips,
    memberOf: memberships.map((m) => ({ addedAt: m.addedAt, trip: m.trip })),
    inOtherTrips: { places: placesElsewhere, notes: notesElsewhere, messages: messagesElsewhere, journeyEntries: contributions },
    journeys,
    atlas: { countries: atlasCountries, regions: atlasRegions, bucketList },
    vacay: { plan: vacayPlan, entries: vacayEntries, allowances: vacayAllowances },
    packingTemplates,
    notificationPreferences,
  }) as Record<string, unknown>;
}
