// A client's answers to the requests the server sent it (elicitation/create), wherever they land. The request waits in
// the process that sent it; behind a load balancer without sticky sessions the client's answer POST may reach another
// instance, which passes it on through PostgreSQL (a NOTIFY on ANSWER_CHANNEL, heard by every instance; only the one
// holding the request id resolves it).
import type { Services } from '~/services/types.server';
import { log } from '~/utils/log.server';
import { mcpRuntime } from './runtime';
import { deliverAnswer, REQUEST_ID_PREFIX } from './session-state';
import { ANSWER_CHANNEL, notifyInstances, onInstanceNotice } from './subscriptions';

/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_900;

/** A client's JSON-RPC response (no method) for its session: to the request waiting here, or to the other instances. */
export async function routeAnswer(services: Services, sessionId: string, message: Record<string, unknown>) {
  if (deliverAnswer(mcpRuntime(services), sessionId, message)) return;
  const id = message.id;
  // Only ids this server hands out can have an asker elsewhere.
  if (typeof id !== 'string' || !id.startsWith(REQUEST_ID_PREFIX) || id.length > 100) return;
  let payload = JSON.stringify({ sessionId, message });
  if (payload.length > MAX_PAYLOAD) {
    // (An answer to a yes/no question is a few bytes; the asker still learns that it came, and changes nothing.)
    log(services.config, 'error', `mcp: an answer of ${payload.length} bytes is too large to pass to another instance`);
    payload = JSON.stringify({ sessionId, message: { jsonrpc: '2.0', id, error: { code: -32600, message: 'The answer is too large' } } });
  }
  await notifyInstances(services, ANSWER_CHANNEL, payload);
}

/** Makes this instance resolve its waiting requests with answers other instances pass on; resolves once it listens. */
export function followAnswers(services: Services) {
  return onInstanceNotice(services, ANSWER_CHANNEL, (payload) => {
    try {
      const { sessionId, message } = JSON.parse(payload) as { sessionId: string; message: Record<string, unknown> };
      deliverAnswer(mcpRuntime(services), sessionId, message);
    } catch {
      // not ours
    }
  });
}
