// Plugs the MCP server into the app's services (a ServiceExtension): the session closer the OAuth layer calls, the
// Node fast path for /mcp, and the Fetch handler the Remix route /mcp calls.
import type { Services } from '~/services/types.server';
import { handleMcpRequest } from './http';
import { mcpSessionCloser } from './runtime';
import { mcpHttpHook } from './node';
import { installSubscriptions } from './subscriptions';

export function installMcp(services: Services) {
  services.mcpSessions = mcpSessionCloser(services);
  services.mcpEndpoint = (request) => handleMcpRequest(request, services);
  services.httpHooks.push(mcpHttpHook(services));
  installSubscriptions(services);
}
