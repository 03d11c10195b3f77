// / — the signed-in user's dashboard: their trips as cards (archived ones on request), live updates when a trip is
// shared with them, and the create-trip dialog. Signed-out visitors go to /login.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams, type ShouldRevalidateFunction } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppShell } from '~/components/AppShell';
import { Button, EmptyState, Spinner } from '~/components/ui';
import { TripCard } from '~/areas/trips/TripCard';
import { TripFormDialog } from '~/areas/trips/TripFormDialog';
import { pageTitle } from '~/components/pageTitle';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { requireWebActor, webCaller } from '~/utils/request.server';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'trips', 'dashboard.title', 'My trips') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { services, actor } = await requireWebActor(request, context);
  const includeArchived = new URL(request.url).searchParams.get('archived') === '1';
  const { trips } = await webCaller(services, actor, request).trips.listTrips({ includeArchived });
  return { includeArchived, trips };
}

// Toggling "Show archived" only changes the query string: react-query fetches that list, the loader need not run again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) =>
  !formMethod && currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;

export default function Dashboard() {
  const { t } = useTranslation('trips');
  const loaded = useLoaderData<typeof loader>();
  const [searchParams, setSearchParams] = useSearchParams();
  // The checkbox answers at once; the URL follows (so the view can be bookmarked) and wins on back/forward.
  const archivedInUrl = searchParams.get('archived') === '1';
  const [includeArchived, setIncludeArchived] = useState(archivedInUrl);
  useEffect(() => setIncludeArchived(archivedInUrl), [archivedInUrl]);
  const [creating, setCreating] = useState(false);
  const trpc = useTRPC();

  const trips = useQuery({
    ...trpc.trips.listTrips.queryOptions({ includeArchived }),
    // The loader's list fills the first render; afterwards react-query keeps it fresh.
    initialData: loaded.includeArchived === includeArchived ? { trips: loaded.trips } : undefined,
    // While the other list loads, keep showing the current one instead of a spinner.
    placeholderData: (previous) => previous,
  });

  const list = trips.data?.trips ?? [];
  const toggleArchived = (on: boolean) => {
    setIncludeArchived(on);
    setSearchParams(
      (params) => {
        if (on) params.set('archived', '1');
        else params.delete('archived');
        return params;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  return (
    <AppShell>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t('dashboard.title')}</h1>
        <label className="ms-auto inline-flex cursor-pointer items-center gap-2 text-sm text-slate-600">
          <input
            type="checkbox"
            checked={includeArchived}
            onChange={(event) => toggleArchived(event.target.checked)}
            className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
          />
          {t('dashboard.showArchived')}
        </label>
        <Button variant="primary" onClick={() => setCreating(true)}>
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
            <path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />
          </svg>
          {t('dashboard.newTrip')}
        </Button>
      </div>

      <section className="mt-6" aria-label={t('dashboard.listLabel')} aria-busy={trips.isFetching || undefined}>
        {trips.isLoading ? (
          <div className="flex justify-center py-12">
            <Spinner size="lg" label={t('dashboard.loading')} />
          </div>
        ) : trips.error ? (
          <div role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-800">
            <p>{errorMessage(trips.error, t)}</p>
            <Button size="sm" className="mt-2" onClick={() => void trips.refetch()}>
              {t('common:actions.retry')}
            </Button>
          </div>
        ) : list.length === 0 ? (
          <EmptyState
            testId="trips-empty"
            icon={
              <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="h-12 w-12">
                <path strokeLinecap="round" strokeLinejoin="round" d="M9 6.75 3.75 4.5v12.75L9 19.5m0-12.75 6-2.25m-6 2.25v12.75m6-15 5.25 2.25v12.75L15 17.25m0-12.75v12.75m0 0-6 2.25" />
              </svg>
            }
            title={includeArchived ? t('dashboard.emptyArchivedTitle') : t('dashboard.emptyTitle')}
            description={t('dashboard.emptyBody')}
            action={
              <Button variant="primary" size="lg" onClick={() => setCreating(true)}>
                {t('dashboard.createFirst')}
              </Button>
            }
          />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {list.map((trip) => (
              <li key={trip.id} className="flex">
                <div className="flex w-full flex-col [&>article]:flex-1">
                  <TripCard trip={trip} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <TripFormDialog open={creating} onClose={() => setCreating(false)} />
    </AppShell>
  );
}
