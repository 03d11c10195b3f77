// tRPC context, middlewares and procedure builders. Authorization lives here and only here: who acts (authed),
// which scope the call needs (meta.scope), whether the addon is on (meta.addon), whether the actor is on the trip.
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { id } from './schemas';
import type { Services, PendingEvent } from '~/services/types.server';
import type { Actor } from '~/auth/actor.server';
import type { RealtimeEvent } from '~/realtime/events';
import { grantAllows, scopeToRequest, type RequiredScope } from '~/auth/scopes';
import type { AddonId } from '~/domain/addons';
import { DomainError, domainErrorOf, tripNotFound } from '~/domain/errors';
import { tripsVisibleTo } from '~/areas/trip-data.server';

export type Origin = 'ui' | 'mcp';

export interface McpToolMeta {
  name: string;
  description: string;
  /** read → readOnlyHint; idempotent → idempotentHint; destructive → destructiveHint; write → none. */
  kind: 'read' | 'write' | 'idempotent' | 'destructive';
  /** Also (or only) expose as a resource: URI template such as waymark://trips/{tripId}/places. */
  resource?: { uri: string; name: string; description: string; onlyResource?: boolean };
  /** One example argument set for the tool's description (mcp/descriptions.ts builds one from the input schema if absent). */
  example?: Record<string, unknown>;
}

export interface ProcedureMeta {
  scope: RequiredScope;
  addon?: AddonId;
  mcp?: McpToolMeta;
}

export interface Context {
  services: Services;
  db: Services['db'];
  actor: Actor | null;
  origin: Origin;
  /** pusher socket id of the calling browser, so it does not receive its own change. */
  socketId?: string;
  ip?: string | null;
  /** Buffers an event (declared with defineEvents); published after the procedure (and its transaction) succeeded. */
  emit(channel: string, event: RealtimeEvent): void;
  pendingEvents: PendingEvent[];
  /**
   * Users whose live connections are cut off once the call succeeded and its events went out (a removed member still
   * receives the trip.unshared that takes the trip off their dashboard, then nothing more).
   */
  disconnectAfterPublish: number[];
}

export function createContext(input: {
  services: Services;
  actor: Actor | null;
  origin: Origin;
  socketId?: string;
  ip?: string | null;
}): Context {
  const pendingEvents: PendingEvent[] = [];
  return {
    ...input,
    db: input.services.db,
    pendingEvents,
    disconnectAfterPublish: [],
    emit(channel, event) {
      pendingEvents.push({ channel, event: event.name, payload: event.payload });
    },
  };
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const zodError = cause instanceof ZodError ? z.flattenError(cause) : null;
      const domain = domainErrorOf(error);
      return {
        ...shape,
        message: zodError ? describeZodError(cause as ZodError) : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          zodError,
          i18n: domain ? { key: domain.i18nKey, params: domain.params } : undefined,
          insufficientScope: (error as { insufficientScope?: string }).insufficientScope,
        },
      };
    },
  });

/** "title: Too big: expected string to have <=200 characters" — names the field and the reason. */
export function describeZodError(error: ZodError) {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export class InsufficientScopeError extends TRPCError {
  constructor(readonly insufficientScope: string) {
    super({ code: 'FORBIDDEN', message: `This token lacks the ${insufficientScope} scope` });
  }
}

/** Publishes buffered events once the whole call succeeded; a failed call publishes nothing. */
const publishAfterSuccess = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok && ctx.pendingEvents.length > 0) {
    const actorName = ctx.actor?.user.displayName ?? null;
    // An event may hide who caused it (a vote in an anonymous poll): its payload says hideActor.
    const events = ctx.pendingEvents.splice(0).map((e) => ({
      ...e,
      payload: { ...e.payload, origin: ctx.origin, actor: actorName && !e.payload.hideActor ? { id: ctx.actor!.user.id, name: actorName } : null },
    }));
    await ctx.services.realtime.publish(events, { socketId: ctx.socketId });
  }
  if (result.ok) for (const userId of ctx.disconnectAfterPublish.splice(0)) await ctx.services.realtime.disconnectUser?.(userId);
  return result;
});

/** Where in the raw input a string holds a NUL character (PostgreSQL text cannot store one): "place.name", or null. */
export function findNulCharacter(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'input' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNulCharacter(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Refuses text that could not be stored, with the same kind of message as any other invalid field. */
const refuseNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const field = findNulCharacter(await getRawInput().catch(() => undefined));
  if (field) {
    throw new DomainError('BAD_REQUEST', 'errors.nulCharacter', `${field}: must not contain the NUL character (U+0000)`, { field });
  }
  return next();
});

/** A domain error (app/domain knows nothing of tRPC) becomes a tRPC error with its code; the domain error stays the cause. */
const domainErrorsAsTrpc = t.middleware(async ({ next }) => {
  const result = await next();
  const domain = result.ok ? null : domainErrorOf(result.error);
  if (domain) throw new TRPCError({ code: domain.code, message: domain.message, cause: domain });
  return result;
});

export const publicProcedure = t.procedure.use(domainErrorsAsTrpc).use(refuseNulCharacters).use(publishAfterSuccess);

const requireActor = t.middleware(async ({ ctx, meta, next }) => {
  if (!ctx.actor) throw new DomainError('UNAUTHORIZED', 'errors.signInRequired', 'Please sign in first');
  if (!meta) throw new Error('every procedure declares meta.scope');
  if (!grantAllows(ctx.actor.scopes, meta.scope)) {
    throw new InsufficientScopeError(scopeToRequest(meta.scope) ?? 'unknown');
  }
  if (meta.addon && !(await ctx.services.addons.isEnabled(meta.addon))) {
    throw new DomainError('FORBIDDEN', 'errors.addonDisabled', `The ${meta.addon} addon is turned off by the administrator`, {
      addon: meta.addon,
    });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export const authedProcedure = publicProcedure.use(requireActor);

export const adminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.actor.user.isAdmin || ctx.actor.via !== 'web') {
    throw new DomainError('FORBIDDEN', 'errors.adminOnly', 'Only administrators can do this');
  }
  return next();
});

/** Web-session only: account settings, token management. Never reachable with a bearer token. */
export const webSessionProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (ctx.actor.via !== 'web') {
    throw new DomainError('FORBIDDEN', 'errors.webOnly', 'This can only be done in the Waymark web app');
  }
  return next();
});

export const tripIdSchema = id('trip');

/** Loads the trip if the actor owns it or is a member; otherwise the same "not found" as for a missing trip. */
export async function loadTripForActor(ctx: Context & { actor: Actor }, tripId: number) {
  const trip = await ctx.db.trip.findFirst({
    where: { id: tripId, ...tripsVisibleTo(ctx.actor.user.id) },
  });
  if (!trip) throw tripNotFound(tripId);
  return trip;
}

export const tripMemberProcedure = authedProcedure
  .input(z.object({ tripId: tripIdSchema }))
  .use(async ({ ctx, input, next }) => {
    const trip = await loadTripForActor(ctx, input.tripId);
    return next({ ctx: { ...ctx, trip, isOwner: trip.ownerId === ctx.actor.user.id } });
  });
