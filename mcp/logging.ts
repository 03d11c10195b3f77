// The MCP logging capability: logging/setLevel per session, and notifications/message for what an agent should see
// (such as the deprecation of the static API token it authenticated with, once per session). A session receives log
// messages once its client set a level: setting one is how a client says it reads them, and a client that never does
// keeps receiving plain JSON replies as before (the static-token notice still comes as text with its first tool result).
import type { CallContext } from './dispatch';
import { STATIC_TOKEN_NOTICE } from './prompts';
import { mcpRuntime } from './runtime';
import { sessionState } from './session-state';

export const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** logging/setLevel: the result, or the reason the level is refused. The level is kept with the session (any instance). */
export async function setLogLevel(call: CallContext, params: Record<string, unknown>): Promise<{ ok: true } | { ok: false; message: string }> {
  const index = LOG_LEVELS.indexOf(params.level as LogLevel);
  if (index < 0) return { ok: false, message: `Invalid params: level must be one of ${LOG_LEVELS.join(', ')}` };
  const rt = mcpRuntime(call.services);
  sessionState(rt, call.sessionId).logLevel = index;
  await rt.store.update(call.sessionId, { logLevel: index });
  return { ok: true };
}

/** Sends notifications/message when the session's level lets it through and the client reads this POST's stream. */
export function logToClient(call: CallContext, level: LogLevel, data: unknown, logger = 'waymark') {
  if (!call.outbox) return false;
  const threshold = sessionState(mcpRuntime(call.services), call.sessionId).logLevel;
  if (threshold === undefined || LOG_LEVELS.indexOf(level) < threshold) return false;
  call.outbox.send({ jsonrpc: '2.0', method: 'notifications/message', params: { level, logger, data } });
  return true;
}

/**
 * The warnings a session receives once, with the first request after its client set a log level (the logging/setLevel
 * itself included). Today: a static API token is deprecated.
 */
export function sessionWarnings(call: CallContext) {
  if (!call.outbox || call.actor.via !== 'static') return;
  const state = sessionState(mcpRuntime(call.services), call.sessionId);
  if (state.logLevel === undefined || state.warned.has('static-token')) return;
  // Counted as shown even below the session's level: the agent chose not to hear warnings.
  state.warned.add('static-token');
  logToClient(call, 'warning', { message: STATIC_TOKEN_NOTICE, code: 'deprecated_static_token' }, 'waymark.auth');
}
