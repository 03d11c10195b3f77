// Share links: a trip's public read-only link. The token is random and stored only as its SHA-256, so the full link
// is shown once, when it is made or rotated; afterwards the link's settings and a short hint of its token can be read
// (docs/decisions/018-share-links-and-notifications.md). The shared page reads through getSharedTrip, without a
// signed-in user: the token is the permission.
import { z } from 'zod';
import { publicProcedure, router, tripMemberProcedure } from '~/trpc/init';
import { hashSecret, newLinkToken } from '~/auth/tokens.server';
import { DomainError } from '~/domain/errors';
import { toIsoDate } from '~/domain/dates';
import { tripChannel } from '~/realtime/channels';
import type { DbLike } from '../trip-data.server';
import { budgetTotals } from '../budget/budget-data.server';
import { bookingInclude, bookingJson, byTime } from '../reservations/shape';
import { shareEvents } from './events';
import {
  SHARE_SECTIONS,
  SHARE_TOKEN_PATTERN,
  SHARE_TOKEN_PREFIX,
  TOKEN_HINT_LENGTH,
  applySectionFlags,
  sectionFlags,
  sharePath,
  type ShareSection,
} from './rules';
import type { ShareLink } from '~/generated/prisma/client';

function shareLinkJson(link: ShareLink) {
  return {
    tripId: link.tripId,
    /** the token's first characters: enough to tell links apart, far too few to open one */
    tokenHint: link.tokenHint,
    sections: link.sections.filter((s): s is ShareSection => (SHARE_SECTIONS as readonly string[]).includes(s)),
    ...sectionFlags(link.sections),
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
  };
}
export type ShareLinkJson = ReturnType<typeof shareLinkJson>;

const newToken = () => newLinkToken(SHARE_TOKEN_PREFIX, TOKEN_HINT_LENGTH);

const flag = (what: string) => z.boolean({ error: `must be true or false (show ${what} on the shared page)` }).optional();

const linkGone = () =>
  new DomainError('NOT_FOUND', 'errors.shareLinkNotFound', 'This share link does not exist or was revoked');

/** The public view of a trip: itinerary and map always, the chosen sections; no e-mails, codes, prices or notes of bookings. */
async function sharedTrip(db: DbLike, tripId: number, sections: readonly string[], addonOn: Record<'budget' | 'lists', boolean>) {
  const budgetOn = sections.includes('budget') && addonOn.budget;
  const packingOn = sections.includes('packing') && addonOn.lists;
  const trip = await db.trip.findUniqueOrThrow({
    where: { id: tripId },
    include: {
      days: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        include: {
          assignments: { orderBy: [{ position: 'asc' }, { id: 'asc' }], include: { place: true } },
          notes: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
        },
      },
      places: { orderBy: { id: 'asc' } },
      accommodations: { include: { place: true }, orderBy: { id: 'asc' } },
    },
  });
  const days = trip.days.map((d) => ({ id: d.id, position: d.position, date: d.date ? toIsoDate(d.date) : null }));
  const showBookings = sections.includes('bookings');
  const bookings = showBookings
    ? (
        await db.reservation.findMany({
          where: { tripId },
          include: bookingInclude,
        })
      )
        .map((row) => bookingJson(row, days))
        .sort(byTime)
        .map((b) => ({
          id: b.id,
          type: b.type,
          isTransport: b.isTransport,
          title: b.title,
          status: b.status,
          reservationTime: b.reservationTime,
          reservationEndTime: b.reservationEndTime,
          timeZone: b.timeZone,
          startsAt: b.startsAt,
          dayIds: b.dayIds,
          placeName: b.placeName,
          location: b.location,
          provider: b.provider,
          legs: b.legs.map((l) => ({
            from: { name: l.from.name, code: l.from.code },
            to: { name: l.to.name, code: l.to.code },
            departureTime: l.departureTime,
            departureTimeZone: l.departureTimeZone,
            departsAt: l.departsAt,
            arrivalTime: l.arrivalTime,
            arrivalTimeZone: l.arrivalTimeZone,
            carrier: l.carrier,
            number: l.number,
          })),
        }))
    : null;
  const publicPlace = (p: { id: number; name: string; address: string; description: string; lat: number | null; lng: number | null }) => ({
    id: p.id,
    name: p.name,
    address: p.address,
    description: p.description,
    lat: p.lat,
    lng: p.lng,
  });
  return {
    trip: {
      title: trip.title,
      description: trip.description,
      startDate: trip.startDate ? toIsoDate(trip.startDate) : null,
      endDate: trip.endDate ? toIsoDate(trip.endDate) : null,
      currency: trip.currency,
    },
    sections: SHARE_SECTIONS.filter((s) => (s === 'budget' ? budgetOn : s === 'packing' ? packingOn : sections.includes(s))),
    days: trip.days.map((d) => ({
      id: d.id,
      position: d.position,
      date: d.date ? toIsoDate(d.date) : null,
      title: d.title,
      assignments: d.assignments.map((a) => ({ id: a.id, startTime: a.startTime, endTime: a.endTime, notes: a.notes, place: publicPlace(a.place) })),
      notes: d.notes.map((n) => ({ id: n.id, text: n.text, time: n.time, icon: n.icon })),
    })),
    places: trip.places.map(publicPlace),
    accommodations: showBookings
      ? trip.accommodations.map((a) => ({
          id: a.id,
          placeName: a.place.name,
          checkInDayId: a.checkInDayId,
          checkOutDayId: a.checkOutDayId,
          checkInTime: a.checkInTime,
          checkOutTime: a.checkOutTime,
        }))
      : null,
    bookings,
    budget: budgetOn ? await budgetTotals(db, tripId) : null,
    // The list only: what, how many, packed or not — no bags, weights or who is responsible.
    packing: packingOn
      ? (await db.packingItem.findMany({ where: { tripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, name: true, category: true, quantity: true, checked: true } }))
      : null,
  };
}
export type SharedTrip = Awaited<ReturnType<typeof sharedTrip>>;

export const shareLinksRouter = router({
  getShareLink: tripMemberProcedure
    .meta({
      scope: 'trips:share',
      mcp: {
        name: 'get_share_link',
        kind: 'read',
        description:
          'The trip’s public read-only link, if it has one: which sections it shows (itinerary and map always; shareBookings, shareBudget) and tokenHint, the start of its token. The full link is never shown again after it was made (only a hash is stored): to hand out a link again, rotate it with create_share_link rotate: true (the old link stops working). {link: null} when the trip has none.',
      },
    })
    .query(async ({ ctx, input }) => {
      const link = await ctx.db.shareLink.findUnique({ where: { tripId: input.tripId } });
      return { link: link ? shareLinkJson(link) : null };
    }),

  createShareLink: tripMemberProcedure
    .meta({
      scope: 'trips:share',
      mcp: {
        name: 'create_share_link',
        kind: 'write',
        description:
          'Make a public read-only link to the trip (anyone with it sees the itinerary and the map without signing in; no e-mails or confirmation codes), or change what an existing link shows. shareBookings: also bookings and stays; shareBudget: also budget totals; sharePacking: also the packing list (items and whether they are packed). Omitted flags keep their current value (a new link starts with all off). url (the full link) is returned only when a link is made or rotated: it cannot be read again. rotate: true replaces the token, and the old link stops working at once.',
      },
    })
    .input(z.object({ shareBookings: flag('bookings'), shareBudget: flag('budget totals'), sharePacking: flag('the packing list'), rotate: z.boolean({ error: 'must be true or false' }).default(false) }))
    .mutation(async ({ ctx, input }) => {
      const existing = await ctx.db.shareLink.findUnique({ where: { tripId: input.tripId } });
      const sections = applySectionFlags(existing?.sections ?? [], input);
      const fresh = !existing || input.rotate ? newToken() : null;
      const link = existing
        ? await ctx.db.shareLink.update({
            where: { id: existing.id },
            data: { sections, ...(fresh ? { tokenHash: fresh.tokenHash, tokenHint: fresh.tokenHint } : {}) },
          })
        : await ctx.db.shareLink.create({
            data: { tripId: input.tripId, sections, tokenHash: fresh!.tokenHash, tokenHint: fresh!.tokenHint, createdById: ctx.actor.user.id },
          });
      const json = shareLinkJson(link);
      ctx.emit(tripChannel(input.tripId), shareEvents.make('share.link.changed', { tripId: input.tripId, link: json, rotated: !!existing && !!fresh }));
      return {
        created: !existing,
        rotated: !!existing && !!fresh,
        url: fresh ? `${ctx.services.config.appUrl.replace(/\/$/, '')}${sharePath(fresh.token)}` : null,
        link: json,
      };
    }),

  deleteShareLink: tripMemberProcedure
    .meta({
      scope: 'trips:share',
      mcp: { name: 'delete_share_link', kind: 'destructive', description: 'Revoke the trip’s public link: it stops working at once. Answers deleted: false when the trip had none.' },
    })
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.shareLink.deleteMany({ where: { tripId: input.tripId } });
      if (count > 0) ctx.emit(tripChannel(input.tripId), shareEvents.make('share.link.changed', { tripId: input.tripId, link: null, rotated: false }));
      return { deleted: count > 0 };
    }),

  /** The shared page's data, for anyone holding the token (no sign-in, no MCP tool). */
  getSharedTrip: publicProcedure
    .meta({ scope: 'none' })
    .input(z.object({ token: z.string({ error: 'must be a share token' }).max(100, 'must be at most 100 characters') }))
    .query(async ({ ctx, input }) => {
      if (!SHARE_TOKEN_PATTERN.test(input.token)) throw linkGone();
      const link = await ctx.db.shareLink.findUnique({ where: { tokenHash: hashSecret(input.token) } });
      if (!link) throw linkGone();
      const addonOn = { budget: await ctx.services.addons.isEnabled('budget'), lists: await ctx.services.addons.isEnabled('lists') };
      return sharedTrip(ctx.db, link.tripId, link.sections, addonOn);
    }),
});
