// /trips/:tripId — the trip planner. The loader checks the trip exists for this user (404 otherwise); the page
// loads and changes its data in the browser through tRPC and stays current through the realtime client.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TRPCError } from '@trpc/server';
import leafletStyles from 'leaflet/dist/leaflet.css';
import { AppShell } from '~/components/AppShell';
import { PlannerPage } from '~/components/planner/PlannerPage';
import { Icon } from '~/components/planner/Icon';
import { pageTitle } from '~/components/pageTitle';
import { buttonClasses } from '~/components/ui';
import { requireWebActor, webCaller } from '~/utils/request.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: leafletStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.title} · Waymark` : pageTitle(matches, 'planner', 'notFound.title', 'Trip not found') },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { services, actor } = await requireWebActor(request, context);
  const tripId = Number(params.tripId);
  if (!Number.isInteger(tripId) || tripId <= 0) throw new Response('Not found', { status: 404 });
  try {
    const { trip } = await webCaller(services, actor, request).trips.getTrip({ tripId });
    return { tripId, title: trip.title };
  } catch (error) {
    // Missing and not-yours are the same "not found", so nobody learns which trip ids exist.
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 });
    throw error;
  }
}

export default function TripPlannerRoute() {
  const { tripId } = useLoaderData<typeof loader>();
  return (
    <AppShell wide>
      <PlannerPage key={tripId} tripId={tripId} />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation('planner');
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <AppShell>
      <div
        className="mx-auto mt-10 max-w-lg rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm"
        data-testid="trip-not-found"
      >
        <span className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600">
          <Icon name="pin" className="h-6 w-6" />
        </span>
        <h1 className="mt-3 text-xl font-semibold text-slate-900">{notFound ? t('notFound.title') : t('loadError')}</h1>
        <p className="mt-2 text-sm text-slate-600">{notFound ? t('notFound.body') : t('notFound.retry')}</p>
        <Link to="/" className={`mt-6 ${buttonClasses('primary')}`}>
          {t('notFound.back')}
        </Link>
      </div>
    </AppShell>
  );
}
