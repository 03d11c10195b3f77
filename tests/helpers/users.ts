// Users and signed-in tRPC clients for integration tests, talking real HTTP to a TestServer.
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { createCaller, type AppRouter } from '~/trpc/root';
import { createContext } from '~/trpc/init';
import { createUser } from '~/auth/users.server';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { resolveBearerToken } from '~/auth/bearer.server';
import type { RunningServer } from '../../server.ts';

let counter = 0;

export async function makeUser(server: RunningServer, overrides: { email?: string; displayName?: string; admin?: boolean } = {}) {
  counter += 1;
  const tag = `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 6)}`;
  const user = await createUser(server.services.db, {
    email: overrides.email ?? `user-${tag}@example.test`,
    password: 'correct horse battery',
    displayName: overrides.displayName ?? `User ${counter}`,
    admin: overrides.admin,
  });
  const { token } = await createSession(server.services.db, user.id);
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { user, cookie, trpc: trpcClient(server, cookie) };
}

/** A typed tRPC client that sends the session cookie and a same-origin Origin header, like the browser does. */
export function trpcClient(server: RunningServer, cookie?: string, extraHeaders: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/api/trpc`,
        headers: () => ({ ...(cookie ? { Cookie: cookie } : {}), Origin: server.url, ...extraHeaders }),
      }),
    ],
  });
}

/**
 * A server-side tRPC caller acting as the actor /mcp makes of a bearer token. /api/trpc ignores bearer tokens, so this
 * is how a test reaches a procedure's own refusal of them (webSessionProcedure, adminProcedure).
 */
export async function bearerCaller(server: RunningServer, token: string) {
  const actor = await resolveBearerToken(server.services.database, token, { resource: `${server.config.appUrl}/mcp` });
  if (!actor) throw new Error('the bearer token was not accepted');
  return createCaller(createContext({ services: server.services, actor, origin: 'mcp' }));
}

/** Runs a call expected to fail and returns its tRPC error (code, message, data). */
export async function expectTrpcError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return { code: error.data?.code as string, message: error.message, data: error.data, httpStatus: error.data?.httpStatus as number };
    }
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** What a non-member (or anyone asking for a missing trip) is told: the same words either way. */
export const notMemberMessage = (tripId: number) => `Trip ${tripId} not found or you are not a member`;
