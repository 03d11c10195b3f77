// POST /oauth/token — see app/oauth/token.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { getServices } from '~/utils/request.server';
import { handleTokenRequest } from '~/oauth/token.server';
import { corsPreflight, oauthError } from '~/oauth/http.server';

export const loader = ({ request }: LoaderFunctionArgs) => corsPreflight(request) ?? oauthError('invalid_request', 'Use POST', 405, { Allow: 'POST' });
export const action = ({ request, context }: ActionFunctionArgs) => corsPreflight(request) ?? handleTokenRequest(request, getServices(context));
