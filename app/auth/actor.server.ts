// Who is acting on a request, and with which grant. Web sessions and static tokens carry every scope (null).
import type { User } from '~/generated/prisma/client';
import type { Scope } from './scopes';

export type ActorVia = 'web' | 'oauth' | 'machine' | 'static';

export interface Actor {
  user: User;
  /** null = every scope */
  scopes: Scope[] | null;
  via: ActorVia;
  /** OAuth client id, or `static:<tokenId>` for static tokens. */
  clientId?: string;
  /** Refresh-token family (OAuth) so revocation can close MCP sessions. */
  tokenFamily?: string;
  /** The web session behind a browser request (so a password change can keep it). */
  sessionId?: string;
  /** When that web session last confirmed at the sign-in provider (decision 041); read with the session. */
  reauthenticatedAt?: Date | null;
}
