// GET /auth/oidc/callback — the provider sends the browser back here with a code. Success: a web session marked as a
// single sign-on one (Waymark's own two-factor step is skipped: the provider is the factor). Any failure: the login
// page with a translated message, never an error page. A step-up (decision 041) starts no session: it goes back to
// Settings, with the deletion ready to confirm or the reason it was refused. So does any failure for a browser already
// signed in (a replayed or expired step-up leaves no record of its purpose): the login page would pass it on unexplained.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { clearStateCookie, finishOidcLogin, STEP_UP_RETURN } from '~/auth/oidc.server';
import { startWebSession } from '~/auth/session.server';
import { clientIp, getServices, getWebActor } from '~/utils/request.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const services = getServices(context);
  const result = await finishOidcLogin(services, request, clientIp(request));
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  headers.append('Set-Cookie', clearStateCookie(services));
  if (result.purpose === 'reauthenticate') {
    return redirect(`${result.redirectTo}?${result.ok ? 'stepup=done' : `stepup_error=${result.error}`}`, { headers });
  }
  if (!result.ok) {
    const { actor } = await getWebActor(request, services);
    return redirect(actor ? `${STEP_UP_RETURN}?stepup_error=${result.error}` : `/login?sso_error=${result.error}`, { headers });
  }
  headers.append('Set-Cookie', await startWebSession(services, result.userId, 'sso'));
  return redirect(result.redirectTo, { headers });
}
