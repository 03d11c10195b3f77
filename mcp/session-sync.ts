// A session's subscriptions are kept with the session (McpSession.subscriptions), so the instance that serves its GET
// stream sends the updates whichever instance took the resources/subscribe. That instance is told at once: a NOTIFY on
// SESSION_CHANNEL names the session, and the instance holding its stream (./resume.ts) subscribes it there too.
import type { Services } from '~/services/types.server';
import { log } from '~/utils/log.server';
import type { CallContext } from './dispatch';
import { mcpRuntime } from './runtime';

/** The PostgreSQL NOTIFY channel on which instances say "this session's subscriptions changed". */
export const SESSION_CHANNEL = 'waymark_mcp_sessions';

/** Tells the other instances (with a shared PostgreSQL) that a session's subscriptions changed. */
export async function announceSessionChange(services: Services, sessionId: string) {
  if (services.database.kind !== 'postgres') return;
  await services.database.sql
    .query('SELECT pg_notify($1, $2)', [SESSION_CHANNEL, sessionId])
    .catch((error: Error) => log(services.config, 'error', `mcp: NOTIFY of a session change failed (${error.message})`));
}

/** After resources/subscribe or unsubscribe: a successful change is kept with the session and announced. */
export async function keepSubscription<T extends object>(call: CallContext, params: Record<string, unknown>, reply: T, remove = false): Promise<T> {
  const uri = typeof params.uri === 'string' ? params.uri : '';
  if ('error' in reply || !uri) return reply;
  await mcpRuntime(call.services).store.update(call.sessionId, remove ? { unsubscribe: uri } : { subscribe: uri });
  await announceSessionChange(call.services, call.sessionId);
  return reply;
}
