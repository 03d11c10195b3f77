// Shared set-up for the MCP integration tests: tokens written straight into the database, SDK clients, raw requests.
import crypto from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { hashSecret, randomSecret, TOKEN_PREFIX } from '~/auth/tokens.server';
import type { RunningServer } from '../../server.ts';

export async function enableMcp(server: RunningServer) {
  await server.services.addons.set('mcp', true);
}

export async function createStaticToken(server: RunningServer, userId: number, name = 'test token') {
  const token = randomSecret(TOKEN_PREFIX.staticToken);
  const row = await server.services.db.apiToken.create({
    data: { userId, name, tokenHash: hashSecret(token), prefix: token.slice(0, 8) },
  });
  return { token, row };
}

export async function createOAuthToken(
  server: RunningServer,
  userId: number,
  scopes: string[],
  options: { grantType?: string; resource?: string; expiresInMs?: number; revoked?: boolean; clientId?: string } = {},
) {
  const clientId = options.clientId ?? `wmc_${crypto.randomBytes(8).toString('hex')}`;
  await server.services.db.oAuthClient.upsert({
    where: { clientId },
    update: {},
    create: { clientId, name: 'Test client', ownerId: userId, redirectUris: ['http://localhost/cb'], allowedScopes: scopes },
  });
  const token = randomSecret(TOKEN_PREFIX.accessToken);
  const familyId = crypto.randomUUID();
  await server.services.db.oAuthToken.create({
    data: {
      accessTokenHash: hashSecret(token),
      familyId,
      clientId,
      userId,
      scopes,
      resource: options.resource ?? `${server.url}/mcp`,
      grantType: options.grantType ?? 'authorization_code',
      accessTokenExpiresAt: new Date(Date.now() + (options.expiresInMs ?? 3600_000)),
      revokedAt: options.revoked ? new Date() : null,
    },
  });
  return { token, clientId, familyId };
}

export async function connect(server: RunningServer, token: string) {
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: 'waymark-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

export async function rawMcp(
  server: RunningServer,
  body: unknown,
  options: { token?: string; sessionId?: string; method?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    ...(options.sessionId ? { 'Mcp-Session-Id': options.sessionId } : {}),
    ...options.headers,
  };
  const method = options.method ?? 'POST';
  return fetch(`${server.url}/mcp`, { method, headers, body: method === 'POST' ? JSON.stringify(body) : undefined });
}

export const initializeMessage = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

/** Opens a session with a raw initialize and returns its id. */
export async function rawSession(server: RunningServer, token: string) {
  const res = await rawMcp(server, initializeMessage, { token });
  if (res.status !== 200) throw new Error(`initialize answered ${res.status}: ${await res.text()}`);
  return res.headers.get('mcp-session-id')!;
}

/** Row counts of every table (except the audit log, which records the attempts themselves, and MCP bookkeeping). */
export async function tableCounts(server: RunningServer) {
  const rows = await server.services.database.sql.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('AuditLog', 'McpSession', 'RateWindow', '_prisma_migrations', '_waymark_migrations') ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const row of rows as Array<{ table_name: string }>) {
    const [c] = (await server.services.database.sql.query(`SELECT count(*)::int AS n FROM "${row.table_name}"`)) as Array<{ n: number }>;
    counts[row.table_name] = c.n;
  }
  return counts;
}

/**
 * The trip-core tools MCP-SURFACE.md names, with the scope each needs. Every one must exist; `optional` ones are in
 * the surface but need outside services (place search, URL import), so they may be absent.
 */
export const TRIP_CORE_TOOLS: Array<{ name: string; scope: string; optional?: boolean }> = [
  { name: 'create_trip', scope: 'trips:write' },
  { name: 'update_trip', scope: 'trips:write' },
  { name: 'delete_trip', scope: 'trips:delete' },
  { name: 'list_trips', scope: 'none' },
  { name: 'get_trip_summary', scope: 'none' },
  { name: 'list_trip_members', scope: 'trips:any' },
  { name: 'add_trip_member', scope: 'trips:write' },
  { name: 'remove_trip_member', scope: 'trips:write' },
  { name: 'copy_trip', scope: 'trips:write' },
  { name: 'export_trip_ics', scope: 'trips:any' },
  { name: 'create_place', scope: 'places:write' },
  { name: 'create_and_assign_place', scope: 'places:write' },
  { name: 'update_place', scope: 'places:write' },
  { name: 'delete_place', scope: 'places:write' },
  { name: 'list_places', scope: 'places:read' },
  { name: 'list_categories', scope: 'places:read' },
  { name: 'search_place', scope: 'places:read', optional: true },
  { name: 'import_places_from_url', scope: 'places:write', optional: true },
  { name: 'import_places_from_file', scope: 'places:write' },
  { name: 'refresh_place_photo', scope: 'places:write' },
  { name: 'bulk_delete_places', scope: 'places:write' },
  { name: 'update_day', scope: 'trips:write' },
  { name: 'create_day', scope: 'trips:write' },
  { name: 'delete_day', scope: 'trips:write' },
  { name: 'create_accommodation', scope: 'trips:write' },
  { name: 'create_place_accommodation', scope: 'trips:write' },
  { name: 'update_accommodation', scope: 'trips:write' },
  { name: 'delete_accommodation', scope: 'trips:write' },
  { name: 'create_day_note', scope: 'trips:write' },
  { name: 'update_day_note', scope: 'trips:write' },
  { name: 'delete_day_note', scope: 'trips:write' },
  { name: 'assign_place_to_day', scope: 'places:write' },
  { name: 'unassign_place', scope: 'places:write' },
  { name: 'update_assignment_time', scope: 'places:write' },
  { name: 'move_assignment', scope: 'places:write' },
  { name: 'get_assignment_participants', scope: 'places:read' },
  { name: 'set_assignment_participants', scope: 'places:write' },
  { name: 'reorder_day_assignments', scope: 'places:write' },
  { name: 'list_tags', scope: 'places:read' },
  { name: 'create_tag', scope: 'places:write' },
  { name: 'update_tag', scope: 'places:write' },
  { name: 'delete_tag', scope: 'places:write' },
];
