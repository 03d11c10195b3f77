// POST /oauth/register — RFC 7591 dynamic client registration, see app/oauth/register.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { getServices } from '~/utils/request.server';
import { handleRegistration } from '~/oauth/register.server';
import { corsPreflight, oauthError } from '~/oauth/http.server';

export const loader = ({ request }: LoaderFunctionArgs) => corsPreflight(request) ?? oauthError('invalid_request', 'Use POST', 405, { Allow: 'POST' });
export const action = ({ request, context }: ActionFunctionArgs) => corsPreflight(request) ?? handleRegistration(request, getServices(context));
