// POST /auth/oidc/start — "Sign in with <provider>": off to the provider's authorization page (PKCE, state, nonce kept
// on the server). A failure (provider down, not configured) comes back to the login page with a translated message.
// With purpose=reauthenticate a signed-in user confirms at the provider before deleting their account (decision 041);
// a failure then comes back to Settings.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { startOidcLogin, STEP_UP_RETURN } from '~/auth/oidc.server';
import { safeRedirectPath } from '~/auth/web-auth.server';
import { assertSameOrigin, getServices, requireWebActor } from '~/utils/request.server';

export const loader = () => redirect('/login');

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  const form = await request.formData();
  if (form.get('purpose') === 'reauthenticate') {
    const { actor } = await requireWebActor(request, context);
    const started = await startOidcLogin(services, STEP_UP_RETURN, { kind: 'reauthenticate', sessionId: actor.sessionId ?? '' });
    if (!started.ok) return redirect(`${STEP_UP_RETURN}?stepup_error=${started.error}`);
    return redirect(started.location, { headers: { 'Set-Cookie': started.cookie, 'Cache-Control': 'no-store' } });
  }
  const redirectTo = safeRedirectPath(form.get('redirectTo'));
  const started = await startOidcLogin(services, redirectTo);
  if (!started.ok) return redirect(`/login?sso_error=${started.error}`);
  return redirect(started.location, { headers: { 'Set-Cookie': started.cookie, 'Cache-Control': 'no-store' } });
}
