// What the services are: everything stateful a request needs, created once per process by createServices
// (./create.server.ts) and handed to routes through Remix's load context. Nothing else in app/ keeps module-level
// state, so the same code runs in tests side by side.
import type { Config } from '~/env.server';
import type { Database, Db } from '~/db/client.server';
import type { Actor } from '~/auth/actor.server';
import type { AddonId } from '~/domain/addons';
import type { FileStorage } from '~/storage/types';
import type { Mailer } from '~/mail/mailer.server';

export interface PendingEvent {
  channel: string;
  event: string;
  payload: Record<string, unknown>;
}

export interface RealtimePublisher {
  /** Publishes events that were buffered during a successful procedure call. Never throws. */
  publish(events: PendingEvent[], options: { socketId?: string }): Promise<void>;
  /**
   * Cuts off every live connection of the user (membership removed, user deleted, signed out, password changed);
   * the client reconnects and each channel is authorized afresh. Never throws.
   */
  disconnectUser?(userId: number): Promise<void>;
}

export interface AuditEntry {
  action: string;
  userId?: number | null;
  clientId?: string | null;
  success?: boolean;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export interface Services {
  config: Config;
  database: Database;
  db: Db;
  realtime: RealtimePublisher;
  addons: AddonSwitches;
  audit(entry: AuditEntry): Promise<void>;
  /** Open MCP sessions; the OAuth layer closes them when tokens are revoked or rotated. */
  mcpSessions: McpSessionCloser;
  /** Uploaded files (place photos): the filesystem under DATA_DIR/uploads by default. */
  storage: FileStorage;
  /** Outgoing e-mail over SMTP (SMTP_URL); `mail.configured` is false without it. */
  mail: Mailer;
  /** Answers /mcp (Fetch Request in, Response out), once an MCP server is plugged in; see ServiceExtension. */
  mcpEndpoint?: (request: Request) => Promise<Response>;
  /** Called by server.ts before the Remix handler is mounted (embedded realtime server, raw endpoints). */
  httpHooks: HttpHook[];
  /** Closes everything opened by createServices. */
  close(): Promise<void>;
}

/**
 * Plugs an adapter into freshly created services (createServices runs each once, last). This is how mcp/ joins in
 * without app/ importing it: app/entry.server.tsx, the server bundle's root, hands mcp's installer to createServices.
 */
export type ServiceExtension = (services: Services) => void;

export type HttpHook = (app: import('express').Express, server: import('node:http').Server) => void;

export interface AddonSwitches {
  isEnabled(id: AddonId): Promise<boolean>;
  /** Drops the cached values (another instance changed a switch). */
  refresh?(): void;
  all(): Promise<Record<AddonId, boolean>>;
  set(id: AddonId, enabled: boolean): Promise<void>;
}

export type { Actor };

export interface McpSessionCloser {
  /** Closes every open MCP session matching all given fields; returns how many were closed. */
  close(filter: { userId?: number; clientKey?: string; tokenFamily?: string }): Promise<number>;
}
