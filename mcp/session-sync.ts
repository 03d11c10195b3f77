// A session's subscriptions are kept with the session (McpSession.subscriptions), so the instance that serves its GET
// stream sends the updates whichever instance took the resources/subscribe. That instance is told at once: a NOTIFY on
// SESSION_CHANNEL names the session, and the instance holding its stream (./resume.ts) subscribes it there too.
import type { CallContext } from './dispatch';
import { mcpRuntime } from './runtime';
import { notifyInstances, SESSION_CHANNEL } from './subscriptions';

/** After resources/subscribe or unsubscribe: a successful change is kept with the session and announced. */
export async function keepSubscription<T extends object>(call: CallContext, params: Record<string, unknown>, reply: T, remove = false): Promise<T> {
  const uri = typeof params.uri === 'string' ? params.uri : '';
  if ('error' in reply || !uri) return reply;
  await mcpRuntime(call.services).store.update(call.sessionId, remove ? { unsubscribe: uri } : { subscribe: uri });
  await notifyInstances(call.services, SESSION_CHANNEL, call.sessionId);
  return reply;
}
