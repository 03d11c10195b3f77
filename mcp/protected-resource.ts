// RFC 9728 protected-resource metadata for /mcp.
import { ALL_SCOPES } from '~/auth/scopes';
import type { Services } from '~/services.server';

export function protectedResourceMetadata(services: Services) {
  const appUrl = services.config.appUrl;
  return {
    resource: `${appUrl}/mcp`,
    authorization_servers: [appUrl],
    bearer_methods_supported: ['header'],
    scopes_supported: ALL_SCOPES,
    resource_name: 'Waymark MCP server',
    resource_documentation: `${appUrl}/settings/integrations`,
  };
}

export function protectedResourceResponse(services: Services) {
  return new Response(JSON.stringify(protectedResourceMetadata(services)), {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  });
}
