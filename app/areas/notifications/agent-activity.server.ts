// Agents' changes, summarised: after a successful MCP tool call that changes a trip, the user the agent acts for gets
// (or has updated) one notification per agent client and trip per AGENT_SUMMARY_MINUTES window, counting the changes
// — never one per call. Called by mcp/dispatch.ts, where tool calls are audited.
import { enqueueDeliveries } from './delivery.server';
import type { Actor } from '~/auth/actor.server';
import type { AuditEntry, Services } from '~/services/types.server';
import { auditInsertSql, auditParams } from '~/db/audit-sql.server';
import { userChannel } from '~/realtime/channels';
import { tripsVisibleTo } from '../trip-data.server';
import { notificationEvents } from './events';
import { optedOut } from './notify.server';
import { AGENT_SUMMARY_MINUTES } from './types';

/** The trip a call changed: its tripId argument, or the trip it created (create_trip, copy_trip). */
function tripOf(args: unknown, output: unknown): number | null {
  const fromArgs = (args as { tripId?: unknown } | null)?.tripId;
  if (typeof fromArgs === 'number' && Number.isInteger(fromArgs)) return fromArgs;
  const created = (output as { trip?: { id?: unknown } } | null)?.trip?.id;
  return typeof created === 'number' ? created : null;
}

/** The name people know the agent by: its OAuth client's name or the static token's name. */
async function clientName(services: Services, actor: Actor) {
  const clientId = actor.clientId ?? '';
  if (clientId.startsWith('static:')) {
    const token = await services.db.apiToken.findUnique({ where: { id: Number(clientId.slice('static:'.length)) || 0 }, select: { name: true } });
    return token?.name ?? null;
  }
  if (!clientId) return null;
  return (await services.db.oAuthClient.findUnique({ where: { clientId }, select: { name: true } }))?.name ?? null;
}

/**
 * The common case, in one statement: the window's notification exists, so its count, tools, trip title and unread
 * state are updated in place — only while the trip is still the user's and the type is switched on, as below.
 * `audit` (the call's audit row) is inserted by the same statement, whatever the update finds: one round trip for
 * both on every write call after the first of a window. Answers whether it updated (false: no open notification, or
 * the checks say no; the full path decides). Raw SQL on the pool: no Prisma query planning on the hot path.
 */
async function addToOpenSummary(services: Services, userId: number, tripId: number, groupKey: string, since: Date, tool: string, audit: AuditEntry) {
  const tools = `COALESCE(n."params"->'tools', '[]'::jsonb)`;
  const rows = await services.database.sql.query(
    `WITH audit AS (${auditInsertSql(7)}) UPDATE "Notification" n
    SET "readAt" = NULL, "updatedAt" = $1::timestamp,
        "params" = n."params" || jsonb_build_object(
          'trip', t."title",
          'count', COALESCE((n."params"->>'count')::int, 0) + 1,
          'tools', CASE WHEN ${tools} ? $2::text OR jsonb_array_length(${tools}) >= 20 THEN ${tools} ELSE ${tools} || to_jsonb($2::text) END)
    FROM "Trip" t
    WHERE n."id" = (SELECT "id" FROM "Notification" WHERE "userId" = $3::int AND "groupKey" = $4::text AND "createdAt" >= $5::timestamp ORDER BY "id" DESC LIMIT 1)
      AND t."id" = $6::int
      AND (t."ownerId" = $3::int OR EXISTS (SELECT 1 FROM "TripMember" m WHERE m."tripId" = t."id" AND m."userId" = $3::int))
      AND NOT EXISTS (SELECT 1 FROM "NotificationPreference" p WHERE p."userId" = $3::int AND p."type" = 'agent_activity' AND NOT p."enabled")
    RETURNING n."id"`,
    [new Date(), tool, userId, groupKey, since, tripId, ...auditParams(audit)],
  );
  return rows.length > 0;
}

async function announce(services: Services, userId: number) {
  const event = notificationEvents.make('notification.created', { type: 'agent_activity' });
  await services.realtime.publish([{ channel: userChannel(userId), event: event.name, payload: { ...event.payload, origin: 'mcp' } }], {});
}

/**
 * `audit`: the call's audit row, written here (in the same statement as the common case's update; on its own
 * otherwise), so a write call waits for one round trip for both. Never throws.
 */
export async function recordAgentActivity(services: Services, actor: Actor, call: { tool: string; args: unknown; output: unknown }, audit: AuditEntry) {
  let audited = false;
  try {
    if (actor.via === 'web') return;
    const tripId = tripOf(call.args, call.output);
    if (tripId === null) return;
    const db = services.db;
    const userId = actor.user.id;
    const groupKey = `agent:${actor.clientId ?? actor.via}:${tripId}`;
    const since = new Date(Date.now() - AGENT_SUMMARY_MINUTES * 60_000);
    // Every call after the first of a window takes this one round trip (tool calls are the hot path).
    const updated = await addToOpenSummary(services, userId, tripId, groupKey, since, call.tool, audit);
    audited = true;
    if (updated) return await announce(services, userId);
    // A deleted trip, or one the user just left, has nothing to link to.
    const trip = await db.trip.findFirst({ where: { id: tripId, ...tripsVisibleTo(userId) }, select: { title: true } });
    if (!trip || (await optedOut(db, [userId], 'agent_activity')).has(userId)) return;
    const name = await clientName(services, actor);
    await db.$transaction(async (tx) => {
      // Concurrent calls of one agent on one trip add to the same row instead of each opening one.
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`${userId}:${groupKey}`}))`;
      const open = await tx.notification.findFirst({ where: { userId, groupKey, createdAt: { gte: since } }, orderBy: { id: 'desc' } });
      const before = (open?.params ?? {}) as { count?: number; tools?: string[] };
      const tools = [...new Set([...(before.tools ?? []), call.tool])].slice(0, 20);
      const params = { ...(name ? { client: name } : {}), trip: trip.title, count: (before.count ?? 0) + 1, tools };
      if (open) await tx.notification.update({ where: { id: open.id }, data: { params, readAt: null } });
      else {
        const row = await tx.notification.create({ data: { userId, type: 'agent_activity', tripId, groupKey, params, link: `/trips/${tripId}` } });
        await enqueueDeliveries(tx, [row]);
      }
    });
    await announce(services, userId);
  } catch (error) {
    console.error('[waymark] recording agent activity failed:', error);
  } finally {
    // Not on the one-statement path (a web actor, no trip, or that statement failed): the audit row on its own.
    if (!audited) await services.audit(audit);
  }
}
