// /invite/<token> — an invitation link. The token moves into a short-lived HttpOnly cookie and the visitor
// goes on to the registration form, so the secret leaves the address bar and history (and any Referer) at once.
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { INVITE_COOKIE } from '~/auth/registration.server';
import { getServices } from '~/utils/request.server';

export function loader({ params, context }: LoaderFunctionArgs) {
  const token = (params.token ?? '').slice(0, 100);
  const attrs = [`${INVITE_COOKIE}=${encodeURIComponent(token)}`, 'HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=3600'];
  if (getServices(context).config.appUrlIsHttps) attrs.push('Secure');
  return redirect('/register', { headers: { 'Set-Cookie': attrs.join('; '), 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' } });
}
