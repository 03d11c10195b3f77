// The audit trail of MCP tool calls: one row per call, success or the error code, never the arguments.
import type { Actor } from '~/auth/actor.server';
import type { AuditEntry, Services } from '~/services/types.server';

export type ToolCallObserver = (tool: string, success: boolean) => void;

// On the services object under a global symbol: the server bundle (/metrics) and the Remix build each hold this module.
const OBSERVERS = Symbol.for('waymark.mcp.toolCallObservers');

function observersOf(services: Services): ToolCallObserver[] {
  const holder = services as unknown as Record<symbol, ToolCallObserver[] | undefined>;
  let list = holder[OBSERVERS];
  if (!list) Object.defineProperty(services, OBSERVERS, { value: (list = []), enumerable: false });
  return list;
}

/** Runs `observer` on every audited tool call (the /metrics counter). */
export function onToolCall(services: Services, observer: ToolCallObserver) {
  observersOf(services).push(observer);
}

type ToolCall = { tool: string; error?: string; ip: string | null };

/** Counts the call (observers) and answers its audit row, for a caller that writes the row with something else. */
export function toolCallAudit(services: Services, actor: Actor, call: ToolCall): AuditEntry {
  for (const observe of observersOf(services)) observe(call.tool, !call.error);
  return {
    action: 'mcp.tool_call',
    userId: actor.user.id,
    clientId: actor.clientId ?? null,
    success: !call.error,
    detail: call.error ? { tool: call.tool, error: call.error } : { tool: call.tool },
    ip: call.ip,
  };
}

export function auditToolCall(services: Services, actor: Actor, call: ToolCall) {
  return services.audit(toolCallAudit(services, actor, call));
}
