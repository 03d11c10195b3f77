// Who hears a journey's realtime events: every current contributor, on their private user channel (decision 022).
import type { Context } from '~/trpc/init';
import { userChannel } from '~/realtime/channels';
import type { DbLike } from '../trip-data.server';
import { journeyEvents } from './events';

export async function contributorIds(db: DbLike, journeyId: number) {
  return (await db.journeyContributor.findMany({ where: { journeyId }, select: { userId: true } })).map((c) => c.userId);
}

/** Sends an event to every current contributor of the journey (and any extra users). */
export async function tellContributors(ctx: Pick<Context, 'emit'>, db: DbLike, journeyId: number, event: ReturnType<typeof journeyEvents.make>, extra: number[] = []) {
  for (const userId of new Set([...(await contributorIds(db, journeyId)), ...extra])) ctx.emit(userChannel(userId), event);
}

export const entriesChanged = (journeyId: number, entryIds: number[]) => journeyEvents.make('journey.entries.changed', { journeyId, entryIds });
export const journeyChanged = (journeyId: number) => journeyEvents.make('journey.changed', { journeyId });
