// GET/POST /oauth/authorize — the consent page. Login first; then the user sees who is asking, where they will be
// sent back to, and the requested scopes grouped in plain language, and may untick any of them.
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useActionData } from '@remix-run/react';
import { AppShell } from '~/components/AppShell';
import { ConsentForm, AuthorizeErrorPage } from '~/components/oauth/Consent';
import { pageTitle, translateForMeta } from '~/components/pageTitle';
import { getServices, getWebActor, clientIp, assertSameOrigin } from '~/utils/request.server';
import {
  approve,
  checkAuthorizeRequest,
  consentCsrfToken,
  denyLocation,
  readAuthorizeParams,
  rememberedConsent,
  type AuthorizePageError,
} from '~/oauth/authorize.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title:
      data?.kind === 'consent'
        ? translateForMeta(matches, 'oauth', 'consent.title', 'Allow {{client}} to use your Waymark account?', { client: data.clientName })
        : pageTitle(matches, 'oauth', 'authorizeError.title', 'This authorization request cannot be used'),
  },
  { name: 'referrer', content: 'same-origin' },
];

/** Remix sends a document's loader headers only through this export: the consent page (it carries the CSRF value) must not be cached or framed. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const out = new Headers();
  for (const name of ['Cache-Control', 'X-Frame-Options']) {
    const value = actionHeaders.get(name) ?? loaderHeaders.get(name);
    if (value) out.set(name, value);
  }
  return out;
};

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const services = getServices(context);
  const params = readAuthorizeParams(new URL(request.url).searchParams);
  const check = await checkAuthorizeRequest(services, params);
  if (check.kind === 'page_error') return json({ kind: 'error' as const, error: check.error }, { status: 400 });
  if (check.kind === 'redirect_error') return redirect(check.location);

  const { actor } = await getWebActor(request, services);
  if (!actor) throw loginRedirect(request);

  const remembered = await rememberedConsent(services, actor.user.id, check.client.clientId);
  if (remembered && check.scopes.every((s) => remembered.includes(s))) {
    // Nothing new is asked: straight back to the client.
    return redirect(await approve(services, check, actor.user.id, check.scopes, { recordConsent: false, ip: clientIp(request) }));
  }
  return json(
    {
      kind: 'consent' as const,
      clientName: check.client.name,
      redirectHost: new URL(check.redirectUri).host || check.redirectUri.split(':')[0],
      scopes: check.scopes,
      remembered: remembered ?? [],
      params: { ...params, redirect_uri: check.redirectUri },
      csrf: consentCsrfToken(request, check.client.clientId, services.config.appUrlIsHttps),
      userName: actor.user.displayName,
    },
    { headers: { 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  const form = await request.formData();
  const params = readAuthorizeParams(form);
  const { actor } = await getWebActor(request, services);
  if (!actor) throw loginRedirect(request);
  if (!params.client_id || form.get('csrf') !== consentCsrfToken(request, params.client_id, services.config.appUrlIsHttps)) {
    throw new Response('Cross-site request refused', { status: 403 });
  }
  const check = await checkAuthorizeRequest(services, params);
  if (check.kind === 'page_error') return json({ kind: 'error' as const, error: check.error }, { status: 400 });
  if (check.kind === 'redirect_error') return redirect(check.location);
  if (form.get('decision') !== 'approve') return redirect(denyLocation(services, check));
  const ticked = form.getAll('grant').map(String);
  const granted = check.scopes.filter((s) => ticked.includes(s));
  return redirect(await approve(services, check, actor.user.id, granted, { recordConsent: true, ip: clientIp(request) }));
}

export default function AuthorizeRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { kind: 'error'; error: AuthorizePageError } | undefined;
  const shown = actionData ?? data;
  return (
    <AppShell>
      <div className="mx-auto w-full max-w-xl py-4 sm:py-10">
        {shown.kind === 'error' ? <AuthorizeErrorPage error={shown.error} /> : data.kind === 'consent' ? <ConsentForm {...data} /> : null}
      </div>
    </AppShell>
  );
}
