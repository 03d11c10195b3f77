// The publishers behind the one RealtimePublisher interface: the `pusher` server SDK for hosted Pusher or any
// Pusher-compatible server, and a direct hand-over to the embedded server living in this process (no HTTP per write).
// Both send the same encoded payloads.
import type Pusher from 'pusher';
import type { PendingEvent, RealtimePublisher } from '~/services/types.server';
import { MAX_EVENT_DATA_BYTES, SOCKET_ID } from './signatures.server';

/** Payloads are kept a little under Pusher's 10 KB limit to leave room for the envelope. */
export const MAX_PAYLOAD_BYTES = MAX_EVENT_DATA_BYTES - 256;

const KEEP_KEYS = new Set(['origin', 'actor', 'tripId', 'dayId', 'fromDayId', 'daysChanged']);

/** Reduces an object to what identifies it: its id plus the ids it points to. */
function idsOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(idsOnly).filter((v) => v !== undefined);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' || k.endsWith('Id')) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (typeof value === 'number' || typeof value === 'string') return value;
  return undefined;
}

/**
 * Payloads beyond Pusher's 10 KB limit become ids only, flagged `refetch: true`, so the browser refetches instead of
 * patching. Returns the JSON string to send.
 */
export function encodePayload(payload: Record<string, unknown>): string {
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json, 'utf8') <= MAX_PAYLOAD_BYTES) return json;
  const trimmed: Record<string, unknown> = { refetch: true };
  for (const [k, v] of Object.entries(payload)) {
    if (KEEP_KEYS.has(k) || k.endsWith('Id')) trimmed[k] = v;
    else if (k.endsWith('Ids') && Array.isArray(v)) trimmed[k] = v;
    else {
      const ids = idsOnly(v);
      if (ids !== undefined) trimmed[k] = ids;
    }
  }
  let out = JSON.stringify(trimmed);
  if (Buffer.byteLength(out, 'utf8') > MAX_PAYLOAD_BYTES) {
    // Still too big (thousands of ids): only the scalars that say where to refetch.
    const minimal: Record<string, unknown> = { refetch: true };
    for (const [k, v] of Object.entries(trimmed)) if (typeof v !== 'object' || v === null || k === 'actor') minimal[k] = v;
    out = JSON.stringify(minimal);
  }
  return out;
}

export function createPublisher(
  getPusher: () => Pusher | null,
  log: (level: 'info' | 'error', message: string) => void,
): RealtimePublisher {
  return {
    async publish(events: PendingEvent[], options: { socketId?: string }) {
      if (events.length === 0) return;
      try {
        const pusher = getPusher();
        if (!pusher) {
          log('error', `realtime: ${events.length} event(s) dropped, the realtime server is not ready yet`);
          return;
        }
        const socketId = options.socketId && SOCKET_ID.test(options.socketId) ? options.socketId : undefined;
        const batch = events.map((e) => ({
          channel: e.channel,
          name: e.event,
          data: encodePayload(e.payload),
          ...(socketId ? { socket_id: socketId } : {}),
        }));
        // One HTTP call per 10 events (the batch limit), in order.
        for (let i = 0; i < batch.length; i += 10) {
          const chunk = batch.slice(i, i + 10);
          if (chunk.length === 1) {
            const [e] = chunk;
            await pusher.trigger(e.channel, e.name, e.data, socketId ? { socket_id: socketId } : undefined);
          } else {
            await pusher.triggerBatch(chunk);
          }
        }
      } catch (error) {
        const e = error as { status?: number; message?: string };
        log('error', `realtime: publishing ${events.map((x) => x.event).join(', ')} failed (${e.status ?? ''} ${e.message ?? 'error'})`);
      }
    },
  };
}

/** Embedded mode: the server runs in this process, so events go straight to its subscribers. */
export function createInProcessPublisher(
  server: { deliver(channel: string, event: string, data: string, exceptSocketId?: string): number },
  log: (level: 'info' | 'error', message: string) => void,
): RealtimePublisher {
  return {
    async publish(events: PendingEvent[], options: { socketId?: string }) {
      const socketId = options.socketId && SOCKET_ID.test(options.socketId) ? options.socketId : undefined;
      for (const e of events) {
        try {
          server.deliver(e.channel, e.event, encodePayload(e.payload), socketId);
        } catch (error) {
          log('error', `realtime: publishing ${e.event} failed (${(error as Error).message})`);
        }
      }
    },
  };
}
