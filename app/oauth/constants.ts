// OAuth facts shared by the server and the settings UI: lifetimes, client presets, scope defaults.
import { ALL_SCOPES, READ_SCOPES, type Scope } from '~/auth/scopes';

export const ACCESS_TOKEN_LIFETIME_S = 60 * 60;
export const REFRESH_TOKEN_LIFETIME_S = 30 * 24 * 60 * 60;
export const AUTHORIZATION_CODE_LIFETIME_MS = 2 * 60 * 1000;
/** A rotated refresh token still works this long, so two concurrent refreshes do not break a client. */
export const REFRESH_GRACE_MS = 30 * 1000;

export const MAX_CLIENTS_PER_USER = 10;
export const MAX_OWNERLESS_CLIENTS = 500;
export const REGISTRATIONS_PER_MINUTE_PER_IP = 10;
/** A registered client that obtained no token within this time is deleted (frees its place under the cap). */
export const UNUSED_REGISTRATION_TTL_MS = 24 * 60 * 60_000;
/** Token requests per minute for one client from one IP address. */
export const TOKEN_REQUESTS_PER_MINUTE = 600;
/** Failed client authentications per minute from one IP address before the token endpoint answers 429. */
export const FAILED_CLIENT_AUTH_PER_MINUTE = 30;

const ALL_EXCEPT_TRIP_DELETE: Scope[] = ALL_SCOPES.filter((s) => s !== 'trips:delete');
/** What a dynamically registered client gets when it asks for no scope. */
export const DEFAULT_REGISTRATION_SCOPES = ALL_EXCEPT_TRIP_DELETE;

export type PresetId = 'claude-ai' | 'claude-desktop' | 'cursor' | 'vscode' | 'windsurf' | 'zed';

export const CLIENT_PRESETS: Array<{ id: PresetId; name: string; redirectUris: string[]; scopes: Scope[] }> = [
  { id: 'claude-ai', name: 'Claude.ai', redirectUris: ['https://claude.ai/api/mcp/auth_callback'], scopes: ALL_EXCEPT_TRIP_DELETE },
  { id: 'claude-desktop', name: 'Claude Desktop', redirectUris: ['http://localhost'], scopes: ALL_EXCEPT_TRIP_DELETE },
  { id: 'cursor', name: 'Cursor', redirectUris: ['http://localhost'], scopes: ALL_EXCEPT_TRIP_DELETE },
  { id: 'vscode', name: 'VS Code', redirectUris: ['http://localhost'], scopes: READ_SCOPES },
  { id: 'windsurf', name: 'Windsurf', redirectUris: ['http://localhost'], scopes: ALL_EXCEPT_TRIP_DELETE },
  { id: 'zed', name: 'Zed', redirectUris: ['http://localhost'], scopes: ALL_EXCEPT_TRIP_DELETE },
];

export function presetById(id: string | undefined | null) {
  return CLIENT_PRESETS.find((p) => p.id === id);
}
