// The typed realtime contract. An area declares its events once with defineEvents: each event's name, its payload
// type, and its browser-side handler (how it changes the cached queries it touches, and the notice it shows).
// Procedures can only emit an event built by such a declaration (`events.make(name, payload)`), so an event without
// a handler cannot be sent, and a declaration without a handler for one of its events does not compile.
import type { EventMeta } from './types';

export const INVALIDATE = 'invalidate' as const;
/** A view's new value, `undefined` for "nothing to change", or INVALIDATE when the payload is not enough: refetch. */
export type CacheChange<T> = T | undefined | typeof INVALIDATE;

/**
 * A query the browser keeps cached and events patch: the tRPC procedure path, and whether it is per trip (its input
 * carries the trip id of the channel the event came on) or per user (every cached input of it is patched).
 */
export interface CacheView<T> {
  readonly path: string;
  readonly scope: 'trip' | 'user';
  /** Carries T for type inference only. */
  readonly _data?: T;
}

export function cacheView<T>(path: string, scope: 'trip' | 'user'): CacheView<T> {
  return { path, scope };
}

/** Reads the cache as it was before the event (for notices and for handlers that need another view). */
export type CacheReader = <T>(view: CacheView<T>) => T | undefined;

export interface ViewChange<P> {
  view: CacheView<unknown>;
  apply(data: unknown, payload: P, before: CacheReader): CacheChange<unknown>;
}

/** One view an event changes, typed by the view's data. */
export function onView<T, P>(view: CacheView<T>, apply: (data: T, payload: P, before: CacheReader) => CacheChange<T>): ViewChange<P> {
  return { view: view as CacheView<unknown>, apply: apply as ViewChange<P>['apply'] };
}

export interface Notice {
  key: string;
  params: Record<string, unknown>;
}

export interface EventHandler<P> {
  /** Every cached view the event changes; views not listed are left as they are. */
  views: ViewChange<P>[];
  /** What the planner tells the other people on the trip (null: nothing). Namespace "realtime". */
  notice(payload: P, before: CacheReader): Notice | null;
}

/** An event ready to publish; only `make` of a declaration builds one. */
export interface RealtimeEvent {
  readonly name: string;
  readonly payload: Record<string, unknown>;
  readonly declared: true;
}

export interface EventDeclaration<M extends Record<string, object>> {
  handlers: { [E in keyof M & string]: EventHandler<M[E] & EventMeta> };
  make<E extends keyof M & string>(name: E, payload: M[E]): RealtimeEvent;
}

/** Declares an area's events: `defineEvents<{ 'place.created': { place: PlaceJson } }>()({ 'place.created': handler })`. */
export function defineEvents<M extends Record<string, object>>() {
  return (handlers: { [E in keyof M & string]: EventHandler<M[E] & EventMeta> }): EventDeclaration<M> => ({
    handlers,
    make: (name, payload) => ({ name, payload: payload as Record<string, unknown>, declared: true }),
  });
}

export type AnyEventHandlers = Record<string, EventHandler<never>>;

/** Joins the handlers of several declarations; two areas declaring one event name is a programming error. */
export function joinHandlers(declarations: readonly { handlers: object }[]): AnyEventHandlers {
  const all: AnyEventHandlers = {};
  for (const { handlers } of declarations) {
    for (const [name, handler] of Object.entries(handlers)) {
      if (all[name]) throw new Error(`two areas declare the realtime event ${name}`);
      all[name] = handler as EventHandler<never>;
    }
  }
  return all;
}

/**
 * What an event does to one cached value of a view: the pure core of the browser's handling, tested directly.
 * `before` reads the cache as it was before the event. An event no area declares (a newer server during an upgrade)
 * cannot be patched in: refetch. A declared event that does not list the view leaves it alone.
 */
export function applyEventToView<T>(
  handlers: AnyEventHandlers,
  view: CacheView<T>,
  data: T | undefined,
  name: string,
  payload: Record<string, unknown>,
  before: CacheReader,
): CacheChange<T> {
  if (data === undefined) return undefined;
  const handler = handlers[name] as EventHandler<Record<string, unknown>> | undefined;
  if (!handler) return INVALIDATE;
  const change = handler.views.find((c) => c.view.path === view.path);
  if (!change) return undefined;
  // A payload reduced to ids (too big for the realtime service) cannot patch anything: refetch what it touches.
  if (payload.refetch) return INVALIDATE;
  return change.apply(data, payload, before) as CacheChange<T>;
}
