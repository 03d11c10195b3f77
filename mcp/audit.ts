// The audit trail of MCP tool calls: one row per call, success or the error code, never the arguments.
import type { Actor } from '~/auth/actor.server';
import type { Services } from '~/services/types.server';

export function auditToolCall(services: Services, actor: Actor, call: { tool: string; error?: string; ip: string | null }) {
  return services.audit({
    action: 'mcp.tool_call',
    userId: actor.user.id,
    clientId: actor.clientId ?? null,
    success: !call.error,
    detail: call.error ? { tool: call.tool, error: call.error } : { tool: call.tool },
    ip: call.ip,
  });
}
