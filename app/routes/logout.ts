// POST /logout — ends the web session (deletes it from the database) and clears the cookie. GET does nothing.
// With `everywhere=1` (Settings → Sign out everywhere) it ends every session, app grant and MCP session of the user.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { clearSessionCookie, invalidateSession, readSessionToken, validateSessionToken } from '~/auth/session.server';
import { signOutEverywhere } from '~/auth/sign-out-everywhere.server';
import { assertSameOrigin, clientIp, getServices } from '~/utils/request.server';

export function loader() {
  return new Response('Use POST to log out', { status: 405, headers: { Allow: 'POST' } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  if (request.method !== 'POST') return loader();
  assertSameOrigin(request, services);
  const token = readSessionToken(request, services.config.appUrlIsHttps);
  const everywhere = (await request.formData().catch(() => null))?.get('everywhere') === '1';
  if (token && everywhere) {
    const session = await validateSessionToken(services.db, token);
    if (session) await signOutEverywhere(services, session.user.id, clientIp(request));
  } else if (token) {
    const userId = await invalidateSession(services.db, token);
    // This browser's realtime socket must stop hearing the user's channels; other browsers reconnect and re-authorize.
    if (userId !== null) await services.realtime.disconnectUser?.(userId);
  }
  return redirect('/login', { headers: { 'Set-Cookie': clearSessionCookie(services.config.appUrlIsHttps) } });
}
