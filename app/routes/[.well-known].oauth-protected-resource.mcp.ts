// RFC 9728 protected-resource metadata (JSON, never the app's HTML). The MCP SDK asks for the path-suffixed form.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { protectedResourceResponse } from '~/oauth/metadata.server';
import { getServices } from '~/utils/request.server';

export function loader({ context }: LoaderFunctionArgs) {
  return protectedResourceResponse(getServices(context));
}
