// Browser side of real time: one pusher-js connection per page (configuration from the root loader), trip channels
// while the planner is open, events applied to the react-query cache, presence avatars and short notices.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useRouteLoaderData } from '@remix-run/react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type PusherType from 'pusher-js';
import { realtimeSocket, useTRPC } from '~/utils/trpc';
import { eventHandlers } from './events-to-cache';
import { placeListView, tripSummaryView } from '~/areas/views';
import { applyEventToView, type CacheChange, type CacheReader, type CacheView, type Notice as EventNotice } from './events';
import { writeViewChange } from './cache-write';
import { presenceChannel as presenceChannelName, tripChannel as tripChannelName, userChannel } from './channels';
import type { RealtimeClientConfig } from './types';
import { colorOf, initialsOf } from '~/components/ui/Avatar';

/* ------------------------------------------------------------------ tiny stores */

function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const l of listeners) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface PresenceMember {
  id: string;
  name: string;
}
interface Notice {
  id: number;
  key: string;
  params: Record<string, unknown>;
  viaAi: boolean;
}

const presenceStore = createStore<Record<number, PresenceMember[]>>({});
const noticeStore = createStore<Notice[]>([]);
const statusStore = createStore<'idle' | 'connecting' | 'connected' | 'unavailable'>('idle');
let noticeCounter = 0;

function pushNotice(notice: Omit<Notice, 'id'>) {
  noticeCounter += 1;
  const id = noticeCounter;
  noticeStore.set([...noticeStore.get(), { ...notice, id }].slice(-3));
  setTimeout(() => dismissNotice(id), 5000);
}

function dismissNotice(id: number) {
  noticeStore.set(noticeStore.get().filter((n) => n.id !== id));
}

/* ------------------------------------------------------------------ the shared connection */

let shared: { pusher: Promise<PusherType>; users: number; key: string; closeTimer?: ReturnType<typeof setTimeout> } | null = null;

function pusherOptions(config: RealtimeClientConfig) {
  const secure = window.location.protocol === 'https:';
  const base = {
    disableStats: true,
    enabledTransports: ['ws', 'wss'] as ('ws' | 'wss')[],
    channelAuthorization: { endpoint: '/api/realtime/auth', transport: 'ajax' as const },
    // Signing in tells the Pusher server whose connection this is, so losing access closes it at once (hosted mode).
    userAuthentication: { endpoint: '/api/realtime/user-auth', transport: 'ajax' as const },
  };
  if (config.mode === 'embedded') {
    const port = Number(window.location.port || (secure ? 443 : 80));
    return { ...base, cluster: 'embedded', wsHost: window.location.hostname, wsPort: port, wssPort: port, forceTLS: secure };
  }
  return {
    ...base,
    cluster: config.cluster ?? 'mt1',
    forceTLS: config.forceTLS,
    ...(config.wsHost ? { wsHost: config.wsHost, wsPort: config.wsPort, wssPort: config.wsPort } : {}),
  };
}

function acquire(config: RealtimeClientConfig): Promise<PusherType> {
  if (shared && shared.key !== config.key) {
    const old = shared;
    shared = null;
    void old.pusher.then((p) => p.disconnect());
  }
  if (!shared) {
    statusStore.set('connecting');
    const pusher = import('pusher-js').then(({ default: Pusher }) => {
      const client = new Pusher(config.key, pusherOptions(config));
      // Hosted Pusher learns the connection's user only by sign-in; the embedded server already binds it when the
      // user's channels are authorized (every signed-in page subscribes the user's channel).
      if (config.mode === 'hosted') client.signin();
      client.connection.bind('state_change', ({ current }: { current: string }) => {
        realtimeSocket.id = current === 'connected' ? client.connection.socket_id : undefined;
        if (current === 'connected' || current === 'unavailable') statusStore.set(current);
        else if (current === 'connecting') statusStore.set('connecting');
      });
      return client;
    });
    shared = { pusher, users: 0, key: config.key };
  }
  if (shared.closeTimer) clearTimeout(shared.closeTimer);
  shared.closeTimer = undefined;
  shared.users += 1;
  return shared.pusher;
}

function release() {
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  const current = shared;
  // Navigating from one trip to another re-acquires right away; keep the socket for a moment.
  current.closeTimer = setTimeout(() => {
    if (shared !== current || current.users > 0) return;
    shared = null;
    realtimeSocket.id = undefined;
    statusStore.set('idle');
    void current.pusher.then((p) => p.disconnect());
  }, 2000);
}

let fetchedConfig: Promise<RealtimeClientConfig | null> | null = null;

/** The configuration from the root loader; if the root loader does not carry it, asked once from the auth route. */
function useRealtimeConfig() {
  const root = useRouteLoaderData('root') as { realtime?: RealtimeClientConfig | null; user?: { id: number } | null } | undefined;
  const fromRoot = root?.realtime;
  const signedIn = !!root?.user;
  const [fetched, setFetched] = useState<RealtimeClientConfig | null>(null);
  useEffect(() => {
    if (fromRoot !== undefined || !signedIn) return;
    fetchedConfig ??= fetch('/api/realtime/auth', { credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<{ realtime: RealtimeClientConfig | null }>) : { realtime: null }))
      .then((body) => body.realtime)
      .catch(() => {
        fetchedConfig = null;
        return null;
      });
    let live = true;
    void fetchedConfig.then((config) => live && setFetched(config));
    return () => {
      live = false;
    };
  }, [fromRoot, signedIn]);
  return { config: fromRoot !== undefined ? fromRoot : fetched, userId: root?.user?.id ?? null };
}

/* ------------------------------------------------------------------ notices */

type Payload = Record<string, any>;
type TrpcProxy = ReturnType<typeof useTRPC>;
type QueryClient = ReturnType<typeof useQueryClient>;

/** The cache key of a view: for a trip view, its query for this trip; for a user view, every cached input of it. */
function viewKey(trpc: TrpcProxy, view: CacheView<unknown>, tripId: number | undefined): QueryKey | null {
  const procedure = view.path.split('.').reduce<any>((node, key) => node[key], trpc) as { queryKey(input: unknown): QueryKey; pathKey(): QueryKey };
  if (view.scope === 'user') return procedure.pathKey();
  return tripId === undefined ? null : procedure.queryKey({ tripId });
}

type Channel = ReturnType<PusherType['subscribe']>;

/**
 * Calls `fn` each time the connection came back after it was lost (not on the first connect) and pusher-js has
 * subscribed every one of `channels` again. Refetching then, rather than on "connected", misses no change made while
 * the channels were still being authorised. Returns the unbind.
 */
function whenResubscribed(pusher: PusherType, channels: Channel[], fn: () => void) {
  let wasConnected = pusher.connection.state === 'connected';
  let pending: Set<Channel> | null = null;
  const onState = ({ current }: { current: string }) => {
    if (current === 'connected') wasConnected = true;
    else if (wasConnected && !pending && (current === 'unavailable' || current === 'connecting' || current === 'disconnected')) pending = new Set(channels);
  };
  const onSubscribed = channels.map((channel) => () => {
    if (!pending?.delete(channel) || pending.size > 0) return;
    pending = null;
    fn();
  });
  pusher.connection.bind('state_change', onState);
  channels.forEach((channel, i) => channel.bind('pusher:subscription_succeeded', onSubscribed[i]));
  return () => {
    pusher.connection.unbind('state_change', onState);
    channels.forEach((channel, i) => channel.unbind('pusher:subscription_succeeded', onSubscribed[i]));
  };
}

/** The per-user views any declared event patches (the dashboard's trip list, the user's tags, …). */
function userViews() {
  const byPath = new Map<string, CacheView<unknown>>();
  for (const handler of Object.values(eventHandlers)) for (const { view } of handler.views) if (view.scope === 'user') byPath.set(view.path, view);
  return [...byPath.values()];
}

/** An event of ours with a payload (not pusher's own protocol events). */
const isAppEvent = (event: string, data: unknown): data is Payload =>
  !event.startsWith('pusher:') && !event.startsWith('pusher_internal:') && !!data && typeof data === 'object';

/**
 * Applies one event to the cached queries through the handler its area declared (app/areas/<area>/events.ts); every
 * change is worked out from the cache as it was before the event, then written. Returns the notice to show.
 */
function handleEvent(queryClient: QueryClient, trpc: TrpcProxy, tripId: number | undefined, event: string, data: Payload): EventNotice | null {
  const before: CacheReader = <T,>(view: CacheView<T>) => {
    const key = viewKey(trpc, view as CacheView<unknown>, tripId);
    return key ? (queryClient.getQueriesData<T>({ queryKey: key })[0]?.[1] as T | undefined) : undefined;
  };
  const handler = eventHandlers[event];
  const views = handler ? handler.views.map((v) => v.view) : [];
  const writes: { key: QueryKey; change: CacheChange<unknown> }[] = [];
  for (const view of views) {
    const key = viewKey(trpc, view, tripId);
    if (!key) continue;
    for (const [cachedKey, value] of queryClient.getQueriesData({ queryKey: key })) {
      writes.push({ key: cachedKey, change: applyEventToView(eventHandlers, view, value, event, data, before) });
    }
  }
  const notice = handler ? handler.notice(data as never, before) : tripId !== undefined ? { key: 'notice.other', params: {} } : null;
  if (!handler && tripId !== undefined) {
    // Sent by a newer server (during an upgrade): nothing here knows how to patch it in, so the planner refetches.
    for (const view of [tripSummaryView, placeListView]) void queryClient.invalidateQueries({ queryKey: viewKey(trpc, view, tripId)! });
  }
  for (const { key, change } of writes) writeViewChange(queryClient, key, change);
  return notice;
}

/* ------------------------------------------------------------------ the hook */

/**
 * Keeps the planner's cached queries (trips.getTripSummary and places.listPlaces for this trip) current while mounted:
 * subscribes to private-trip-<id> and presence-trip-<id>, patches or invalidates on each event, refetches after a
 * reconnect, and unsubscribes on unmount.
 */
export function useTripRealtime(tripId: number) {
  const { config, userId } = useRealtimeConfig();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useSyncExternalStore(statusStore.subscribe, statusStore.get, () => 'idle' as const);
  const summaryKey = trpc.trips.getTripSummary.queryKey({ tripId });
  const placesKey = trpc.places.listPlaces.queryKey({ tripId });

  useEffect(() => {
    if (!config || !Number.isInteger(tripId) || tripId <= 0) return;
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    const keys = { summary: summaryKey as QueryKey, places: placesKey as QueryKey };
    const refetchAll = () => {
      void queryClient.invalidateQueries({ queryKey: keys.summary });
      void queryClient.invalidateQueries({ queryKey: keys.places });
    };

    void acquire(config).then((pusher) => {
      if (cancelled) return;
      const tripChannel = pusher.subscribe(tripChannelName(tripId));
      const presenceChannel = pusher.subscribe(presenceChannelName(tripId));

      const onEvent = (event: string, data: Payload) => {
        if (!isAppEvent(event, data)) return;
        const notice = handleEvent(queryClient, trpc, tripId, event, data);
        const mine = data.actor?.id === userId && data.origin !== 'mcp';
        if (notice && !mine) {
          pushNotice({ ...notice, params: { ...notice.params, actor: data.actor?.name ?? '' }, viaAi: data.origin === 'mcp' });
        }
      };
      tripChannel.bind_global(onEvent);
      // Short-lived signals (someone is typing) go only to the people who have the trip open: the presence channel.
      presenceChannel.bind_global(onEvent);

      type Members = { me?: { id: string }; each(fn: (m: { id: string; info?: { name?: string } }) => void): void };
      const members = () => (presenceChannel as unknown as { members: Members }).members;
      const syncPresence = () => {
        const list: PresenceMember[] = [];
        const me = members().me?.id;
        members().each((m) => {
          if (m.id !== me) list.push({ id: m.id, name: m.info?.name ?? '' });
        });
        presenceStore.set({ ...presenceStore.get(), [tripId]: list });
      };
      presenceChannel.bind('pusher:subscription_succeeded', syncPresence);
      presenceChannel.bind('pusher:member_added', syncPresence);
      presenceChannel.bind('pusher:member_removed', syncPresence);

      // After a drop the connection comes back with a new socket: once the channels are back, whatever happened meanwhile
      // is refetched.
      const stopWatching = whenResubscribed(pusher, [tripChannel, presenceChannel], () => {
        refetchAll();
        pushNotice({ key: 'reconnected', params: {}, viaAi: false });
      });

      cleanup = () => {
        tripChannel.unbind_global(onEvent);
        presenceChannel.unbind_global(onEvent);
        presenceChannel.unbind('pusher:subscription_succeeded', syncPresence);
        presenceChannel.unbind('pusher:member_added', syncPresence);
        presenceChannel.unbind('pusher:member_removed', syncPresence);
        stopWatching();
        pusher.unsubscribe(tripChannelName(tripId));
        pusher.unsubscribe(presenceChannelName(tripId));
        const { [tripId]: _gone, ...rest } = presenceStore.get();
        presenceStore.set(rest);
      };
    });

    return () => {
      cancelled = true;
      cleanup?.();
      release();
    };
    // The query keys are derived from tripId; listing them would resubscribe on every render.
  }, [config?.key, tripId, userId, queryClient]);

  return { connected: status === 'connected', status };
}

/**
 * For the dashboard: listens on private-user-<id> (trip.created, trip.shared, trip.unshared, trip.deleted, tags) and
 * applies each event through its declared handler.
 */
export function useUserRealtime() {
  const { config, userId } = useRealtimeConfig();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!config || !userId) return;
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    void acquire(config).then((pusher) => {
      if (cancelled) return;
      const name = userChannel(userId);
      const channel = pusher.subscribe(name);
      const onEvent = (event: string, data: Payload) => {
        if (!isAppEvent(event, data)) return;
        handleEvent(queryClient, trpc, undefined, event, data);
      };
      channel.bind_global(onEvent);
      // Events sent while the connection was down (a network drop, or the server cutting this user's sockets when
      // their access changed) are not replayed: after a reconnect every per-user view is read afresh.
      const stopWatching = whenResubscribed(pusher, [channel], () => {
        for (const view of userViews()) void queryClient.invalidateQueries({ queryKey: viewKey(trpc, view, undefined)! });
      });
      cleanup = () => {
        channel.unbind_global(onEvent);
        stopWatching();
        pusher.unsubscribe(name);
      };
    });
    return () => {
      cancelled = true;
      cleanup?.();
      release();
    };
  }, [config?.key, userId, queryClient]);
}

/* ------------------------------------------------------------------ components */

/** Avatars of the other people who have this trip open. */
export function PresenceAvatars({ tripId }: { tripId: number }) {
  const { t } = useTranslation('realtime');
  const all = useSyncExternalStore(presenceStore.subscribe, presenceStore.get, () => ({}) as Record<number, PresenceMember[]>);
  const others = all[tripId] ?? [];
  if (others.length === 0) return null;
  const shown = others.slice(0, 5);
  const names = others.map((m) => m.name).join(', ');
  return (
    <ul className="flex items-center -space-x-2 rtl:space-x-reverse" aria-label={t('presence.label', { names })} data-testid="presence-avatars">
      {shown.map((m) => (
        <li key={m.id}>
          <span
            title={m.name}
            className={`flex h-8 w-8 items-center justify-center rounded-full text-xs font-semibold text-white ring-2 ring-white ${colorOf(m.name)}`}
            data-testid="presence-avatar"
          >
            {initialsOf(m.name)}
          </span>
        </li>
      ))}
      {others.length > shown.length && (
        <li>
          <span className="flex h-8 w-8 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700 ring-2 ring-white">
            {t('presence.more', { n: others.length - shown.length })}
          </span>
        </li>
      )}
    </ul>
  );
}

/** Short unobtrusive notices for changes made by others ("Sam added Louvre to day 2"). */
export function RealtimeNotices() {
  const { t } = useTranslation('realtime');
  const notices = useSyncExternalStore(noticeStore.subscribe, noticeStore.get, () => [] as Notice[]);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={t('region')}
      className="pointer-events-none fixed bottom-4 end-4 z-50 flex max-w-sm flex-col gap-2"
      data-testid="realtime-notices"
    >
      {notices.map((n) => {
        const actor = (n.params.actor as string) || t('someone');
        const fallbackName = n.key.startsWith('notice.member') ? t('aMember') : t('aPlace');
        const params = { ...n.params, actor, name: (n.params.name as string) || fallbackName };
        const text = t(n.key, params);
        return (
          <div
            key={n.id}
            className="pointer-events-auto flex items-start gap-3 rounded-md bg-slate-900/90 px-3 py-2 text-sm text-white shadow-lg"
          >
            <span className="flex-1">{n.viaAi ? t('viaAi', { text }) : text}</span>
            <button
              type="button"
              onClick={() => dismissNotice(n.id)}
              className="rounded px-1 text-slate-300 hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-white"
              aria-label={t('dismiss')}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}

/**
 * Listens to the trip channels of several trips without joining their presence (for pages outside the planner that
 * show something computed from trips, such as the Atlas): calls `onEvent` for each event, and after a reconnect.
 */
export function useTripChannelEvents(tripIds: readonly number[], onEvent: (event: string, data: Payload) => void) {
  const { config } = useRealtimeConfig();
  const key = [...tripIds].sort((a, b) => a - b).join(',');
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    const ids = key ? key.split(',').map(Number) : [];
    if (!config || ids.length === 0) return;
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    void acquire(config).then((pusher) => {
      if (cancelled) return;
      const handler = (event: string, data: Payload) => {
        if (!isAppEvent(event, data)) return;
        latest.current(event, data);
      };
      const channels = ids.map((id) => pusher.subscribe(tripChannelName(id)));
      for (const channel of channels) channel.bind_global(handler);
      const stopWatching = whenResubscribed(pusher, channels, () => latest.current('reconnected', {}));
      cleanup = () => {
        for (const channel of channels) channel.unbind_global(handler);
        stopWatching();
        for (const id of ids) pusher.unsubscribe(tripChannelName(id));
      };
    });
    return () => {
      cancelled = true;
      cleanup?.();
      release();
    };
  }, [config?.key, key]);
}
