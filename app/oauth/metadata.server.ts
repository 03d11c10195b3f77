// What the OAuth endpoints publish about themselves: RFC 8414 authorization-server metadata and RFC 9728
// protected-resource metadata for /mcp.
import type { Services } from '~/services/types.server';
import { ALL_SCOPES } from '~/auth/scopes';

export function authorizationServerMetadata(services: Services) {
  const issuer = services.config.appUrl;
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    registration_endpoint: `${issuer}/oauth/register`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    introspection_endpoint: `${issuer}/oauth/introspect`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: ALL_SCOPES,
    authorization_response_iss_parameter_supported: true,
  };
}

function protectedResourceMetadata(services: Services) {
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
