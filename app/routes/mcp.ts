// POST|GET|DELETE /mcp — the MCP server (Streamable HTTP). Bearer tokens only; the adapter lives in mcp/.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { handleMcpRequest } from '../../mcp/http';
import { getServices } from '~/utils/request.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return handleMcpRequest(request, getServices(context));
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleMcpRequest(request, getServices(context));
}
