import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
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
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import stylesheet from '~/tailwind.css';
import { detectLanguage, loadResources } from '~/i18n/i18n.server';
import { directionOf } from '~/i18n/config';
import { useI18nInstance } from '~/i18n/client';
import { getServices, getWebActor } from '~/utils/request.server';
import { TrpcProvider } from '~/utils/trpc';
import { realtimeClientConfig } from '~/realtime/create.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const services = getServices(context);
  const { actor, setCookie } = await getWebActor(request, services);
  const locale = detectLanguage(request, actor?.user.language);
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
  return (
    <html lang={locale} dir={directionOf(locale)} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Waymark</title>
        <Meta />
        <Links />
      </head>
      <body className="h-full bg-slate-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>() as RootData;
  const i18n = useI18nInstance(data.locale, data.resources);
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }));
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <TrpcProvider queryClient={queryClient}>
          <Outlet />
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

function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation('common');
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">{status === 404 ? t('error.notFoundTitle', 'Page not found') : t('error.title', 'Something went wrong')}</h1>
      <p className="mt-2 text-slate-600">
        {status === 404 ? t('error.notFoundBody', 'This page does not exist.') : t('error.body', 'Please try again.')}
      </p>
      <a href="/" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-white">
        {t('error.home', 'Back to my trips')}
      </a>
    </main>
  );
}
