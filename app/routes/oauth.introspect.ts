// POST /oauth/introspect — RFC 7662 token introspection for confidential clients, see app/oauth/revoke.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { getServices } from '~/utils/request.server';
import { handleIntrospection } from '~/oauth/revoke.server';
import { corsPreflight, oauthError } from '~/oauth/http.server';

export const loader = ({ request }: LoaderFunctionArgs) => corsPreflight(request) ?? oauthError('invalid_request', 'Use POST', 405, { Allow: 'POST' });
export const action = ({ request, context }: ActionFunctionArgs) => corsPreflight(request) ?? handleIntrospection(request, getServices(context));
