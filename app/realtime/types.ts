// Shapes shared by the server and the browser side of real time.

/** What the browser needs to build its pusher-js client (handed over by the root loader). No secrets. */
export type RealtimeClientConfig =
  | { mode: 'embedded'; key: string }
  | { mode: 'hosted'; key: string; cluster?: string; wsHost?: string; wsPort?: number; forceTLS: boolean };

export interface RealtimeActor {
  id: number;
  name: string;
}

/** Every event payload carries these, added by the publishAfterSuccess middleware. */
export interface EventMeta {
  origin?: 'ui' | 'mcp';
  actor?: RealtimeActor | null;
  /** Set when the payload was too big for Pusher and was reduced to ids: refetch instead of patching. */
  refetch?: boolean;
}
