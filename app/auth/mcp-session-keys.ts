// The strings that say who opened an MCP session, built only here: the OAuth layer and the token settings close
// sessions by them, mcp/ stores and matches sessions by them, and the MCP rate limit counts per user and client by them.
import type { Actor } from './actor.server';

/** A static API token's client key; it is also the clientId of the Actor such a token resolves to. */
export function staticTokenClientKey(tokenId: number) {
  return `static:${tokenId}`;
}

/** The client key of the sessions opened with an OAuth client's tokens. */
export function oauthClientKey(clientId: string) {
  return `oauth:${clientId}`;
}

/** The client key of the sessions an actor opens (static tokens carry theirs as clientId). */
export function mcpClientKey(actor: Actor) {
  return actor.via === 'static' ? actor.clientId! : oauthClientKey(actor.clientId ?? '');
}

/** The rate-window key of a user–client pair (MCP_RATE_LIMIT counts per pair). */
export function mcpRateKey(userId: number, clientKey: string) {
  return `mcp:${userId}:${clientKey}`;
}
