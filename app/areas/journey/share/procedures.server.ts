// A journey's public read-only link (/public/journey/<token>): one per journey, made and revoked by the owner, read by
// every contributor. Like a trip's link (decision 018), the token is random and stored only as its SHA-256: the full
// link is shown once, when it is made or rotated. The page itself reads through getPublicJourney, without a signed-in
// user: the token is the permission, and public.server.ts decides what it shows.
import { z } from 'zod';
import { authedProcedure, publicProcedure } from '~/trpc/init';
import { id } from '~/trpc/schemas';
import { newLinkToken } from '~/auth/tokens.server';
import type { JourneyShareLink } from '~/generated/prisma/client';
import { requireJourneyRole } from '../access.server';
import { tellContributors } from '../announce.server';
import { journeyMediaEvents } from '../photos/events';
import { applyShareFlags, JOURNEY_SHARE_TOKEN_PREFIX, JOURNEY_TOKEN_HINT_LENGTH, journeySharePath } from './rules';
import { journeyLinkOfToken, publicJourney } from './public.server';

function journeyShareLinkJson(link: JourneyShareLink) {
  return {
    journeyId: link.journeyId,
    /** the token's first characters: enough to tell links apart, far too few to open one */
    tokenHint: link.tokenHint,
    shareTimeline: link.showTimeline,
    shareGallery: link.showGallery,
    shareMap: link.showMap,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
  };
}
export type JourneyShareLinkJson = ReturnType<typeof journeyShareLinkJson>;

const journeyInput = z.object({ journeyId: id('journey') });
const flag = (what: string) => z.boolean({ error: `must be true or false (show ${what} on the public page)` }).optional();

export const journeyShareProcedures = {
  getJourneyShareLink: authedProcedure
    .meta({
      scope: 'journey:share',
      addon: 'journey',
      mcp: {
        name: 'get_journey_share_link',
        kind: 'read',
        description:
          'The journey’s public read-only link, if it has one (contributors only): which parts it shows (shareTimeline, shareGallery, shareMap) and tokenHint, the start of its token. The full link is never shown again after it was made (only a hash is stored): to hand it out again, rotate it with create_journey_share_link rotate: true (the old link stops working). {shareLink: null} when the journey has none.',
      },
    })
    .input(journeyInput)
    .query(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'viewer');
      const link = await ctx.db.journeyShareLink.findUnique({ where: { journeyId: input.journeyId } });
      return { journeyId: input.journeyId, shareLink: link ? journeyShareLinkJson(link) : null };
    }),

  createJourneyShareLink: authedProcedure
    .meta({
      scope: 'journey:share',
      addon: 'journey',
      mcp: {
        name: 'create_journey_share_link',
        // not idempotent: rotate: true makes a new token each time (as create_share_link, decision 018)
        kind: 'write',
        description:
          'Make the journey’s public read-only link (owner only), or change what it shows. Anyone with it sees, without signing in, the parts switched on: shareTimeline (public entries only — never private or contributor-only ones), shareGallery (photos of the gallery and of public entries), shareMap (where public entries were written). No names or e-mails are shown. A new link starts with every part on; on an existing link omitted flags keep their value. url (the full link) is returned only when a link is made or rotated: it cannot be read again. rotate: true replaces the token and the old link stops working at once.',
      },
    })
    .input(journeyInput.extend({ shareTimeline: flag('the timeline'), shareGallery: flag('the gallery'), shareMap: flag('the map'), rotate: z.boolean({ error: 'must be true or false' }).default(false) }))
    .mutation(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'owner');
      const existing = await ctx.db.journeyShareLink.findUnique({ where: { journeyId: input.journeyId } });
      const flags = applyShareFlags(existing && { shareTimeline: existing.showTimeline, shareGallery: existing.showGallery, shareMap: existing.showMap }, input);
      const data = { showTimeline: flags.shareTimeline, showGallery: flags.shareGallery, showMap: flags.shareMap };
      const fresh = !existing || input.rotate ? newLinkToken(JOURNEY_SHARE_TOKEN_PREFIX, JOURNEY_TOKEN_HINT_LENGTH) : null;
      const tokenFields = fresh ? { tokenHash: fresh.tokenHash, tokenHint: fresh.tokenHint } : {};
      const link = existing
        ? await ctx.db.journeyShareLink.update({ where: { id: existing.id }, data: { ...data, ...tokenFields } })
        : await ctx.db.journeyShareLink.create({ data: { journeyId: input.journeyId, ...data, tokenHash: fresh!.tokenHash, tokenHint: fresh!.tokenHint, createdById: ctx.actor.user.id } });
      const shareLink = journeyShareLinkJson(link);
      const rotated = !!existing && !!fresh;
      const event = journeyMediaEvents.make('journey.share.changed', { journeyId: input.journeyId, shareLink, rotated });
      await tellContributors(ctx, ctx.db, input.journeyId, event);
      return {
        created: !existing,
        rotated,
        url: fresh ? `${ctx.services.config.appUrl.replace(/\/$/, '')}${journeySharePath(fresh.token)}` : null,
        shareLink,
      };
    }),

  deleteJourneyShareLink: authedProcedure
    .meta({
      scope: 'journey:share',
      addon: 'journey',
      mcp: { name: 'delete_journey_share_link', kind: 'destructive', description: 'Revoke the journey’s public link (owner only): it stops working at once, photos included. deleted: false when the journey had none.' },
    })
    .input(journeyInput)
    .mutation(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'owner');
      const { count } = await ctx.db.journeyShareLink.deleteMany({ where: { journeyId: input.journeyId } });
      if (count > 0) {
        const event = journeyMediaEvents.make('journey.share.changed', { journeyId: input.journeyId, shareLink: null, rotated: false });
        await tellContributors(ctx, ctx.db, input.journeyId, event);
      }
      return { deleted: count > 0 };
    }),

  /** The public page's data, for anyone holding the token (no sign-in, no MCP tool). */
  getPublicJourney: publicProcedure
    .meta({ scope: 'none' })
    .input(z.object({ token: z.string({ error: 'must be a share token' }).max(100, 'must be at most 100 characters') }))
    .query(async ({ ctx, input }) => {
      const link = await journeyLinkOfToken(ctx.db, input.token, await ctx.services.addons.isEnabled('journey'));
      return publicJourney(ctx.db, link, input.token);
    }),
};
