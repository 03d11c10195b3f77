// POST|GET|DELETE /mcp — the MCP server (Streamable HTTP), served by the adapter in mcp/ that the server plugs into
// services. Under server.ts a Node hook answers /mcp before Remix; this route serves hosts without that hook.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import type { Services } from '~/services/types.server';
import { getServices } from '~/utils/request.server';

function answerMcp(request: Request, services: Services) {
  if (!services.mcpEndpoint) return new Response('Not Found', { status: 404 });
  return services.mcpEndpoint(request);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  return answerMcp(request, getServices(context));
}

export async function action({ request, context }: ActionFunctionArgs) {
  return answerMcp(request, getServices(context));
}
