// GET /.well-known/oauth-authorization-server — RFC 8414 metadata ("[.well-known]" escapes the dot in flat routes).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { getServices } from '~/utils/request.server';
import { authorizationServerMetadata } from '~/oauth/metadata.server';

export function loader({ context }: LoaderFunctionArgs) {
  return new Response(JSON.stringify(authorizationServerMetadata(getServices(context))), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  });
}
