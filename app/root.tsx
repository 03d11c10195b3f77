import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { QueryClient, QueryClientProvider, notifyManager } from '@tanstack/react-query';
import stylesheet from '~/tailwind.css';
import { detectLanguage, loadResources } from '~/i18n/i18n.server';
import { directionOf } from '~/i18n/config';
import { useI18nInstance } from '~/i18n/client';
import { getServices, getWebActor } from '~/utils/request.server';
import { TrpcProvider } from '~/utils/trpc';
import { realtimeClientConfig } from '~/realtime/create.server';
import { pageTitle } from '~/components/pageTitle';
import { AppShell } from '~/components/AppShell';
import { buttonClasses } from '~/components/ui';
import { useNonce } from '~/utils/csp';
import { OfflineSupport } from '~/offline/OfflineSupport';
import { THEME_COLOR, pwaLinks } from '~/offline/pwa';
import { displayPreferencesOf, regionalLocale, resolveDisplay } from '~/domain/display-preferences';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  ...pwaLinks,
];

// Routes replace this with their own title; the root's own error page (404, 500) names the problem in the tab.
export const meta: MetaFunction = ({ error, matches }) => {
  if (!error) return [{ title: 'Waymark' }];
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return [{ title: notFound ? pageTitle(matches, 'common', 'error.notFoundTitle', 'Page not found') : pageTitle(matches, 'common', 'error.title', 'Something went wrong') }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor, setCookie } = await getWebActor(request, services);
  const locale = detectLanguage(request, actor?.user.language);
  // The region's customs, worked out once: what "automatic" means, and all a signed-out visitor sees.
  const regional = regionalLocale(locale, request.headers.get('accept-language'));
  const displayDefaults = resolveDisplay(null, regional);
  const data = {
    locale,
    dir: directionOf(locale),
    resources: { [locale]: loadResources(locale), ...(locale === 'en' ? {} : { en: loadResources('en') }) },
    user: actor
      ? {
          id: actor.user.id,
          email: actor.user.email,
          username: actor.user.username,
          displayName: actor.user.displayName,
          language: actor.user.language,
          isAdmin: actor.user.isAdmin,
        }
      : null,
    addons: await services.addons.all(),
    display: actor ? resolveDisplay(displayPreferencesOf(actor.user), regional) : displayDefaults,
    displayDefaults,
    realtime: actor ? realtimeClientConfig(services) : null,
  };
  return Response.json(data, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined) as unknown as typeof data;
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root') as RootData | undefined;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root') as RootData | undefined;
  const locale = data?.locale ?? 'en';
  const nonce = useNonce();
  return (
    <html lang={locale} dir={directionOf(locale)} className={data?.display.theme === 'dark' ? 'h-full dark' : 'h-full'} data-theme={data?.display.theme ?? 'system'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content={THEME_COLOR} />
        <Meta />
        <Links />
      </head>
      <body className="h-full bg-slate-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

// A change written into the query cache (an optimistic tick, say) reaches the components in the same task as the click
// that made it. With React Query's default timer, a controlled checkbox shows its old value in between, and on a busy
// machine a quick second look (a person's, or Playwright's `check()`) sees the click undone.
notifyManager.setScheduler(queueMicrotask);

export default function App() {
  const data = useLoaderData<typeof loader>() as RootData;
  const i18n = useI18nInstance(data.locale, data.resources);
  // Queries are sent even while the browser says it is offline ("offline first"), so the service worker can answer them
  // from what it saved (decision 034); by default React Query would hold them back, and a tab never opened online would
  // show "could not be loaded".
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1, networkMode: 'offlineFirst' } } }));
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TrpcProvider queryClient={queryClient}>
          <OfflineSupport userId={data.user?.id ?? null} locale={data.locale}>
            <Outlet />
          </OfflineSupport>
        </TrpcProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

export function ErrorBoundary() {
  // Rendered instead of App, so it brings its own translations (those of the root loader when it ran, else English defaults).
  const data = useRouteLoaderData<typeof loader>('root') as RootData | undefined;
  const i18n = useI18nInstance(data?.locale ?? 'en', data?.resources ?? EMPTY_RESOURCES);
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorPage />
    </I18nextProvider>
  );
}

const EMPTY_RESOURCES = {};

/** The error page itself; also rendered by the catch-all route (app/routes/$.tsx) inside the app's providers. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation('common');
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const rootData = useRootData();
  // Without root data (the root loader itself failed) nobody is known to be signed in, yet "/" may still work: keep it.
  const signedOut = !!rootData && !rootData.user;
  return (
    <AppShell>
      <div className="mx-auto mt-10 max-w-lg rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="error-page">
        <p className="text-4xl font-semibold text-indigo-600" aria-hidden>
          {notFound ? '404' : '!'}
        </p>
        <h1 className="mt-3 text-xl font-semibold text-slate-900">
          {notFound ? t('error.notFoundTitle', 'Page not found') : t('error.title', 'Something went wrong')}
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          {notFound ? t('error.notFoundBody', 'This page does not exist.') : t('error.body', 'Please try again.')}
        </p>
        {/* Signed-out visitors are sent to the login page rather than to a dashboard they cannot open. */}
        {signedOut ? (
          <a href="/login" className={`mt-6 ${buttonClasses('primary')}`}>
            {t('auth:login.submit', 'Log in')}
          </a>
        ) : (
          <a href="/" className={`mt-6 ${buttonClasses('primary')}`}>
            {t('error.home', 'Back to my trips')}
          </a>
        )}
      </div>
    </AppShell>
  );
}
