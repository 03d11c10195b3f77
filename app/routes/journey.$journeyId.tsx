// /journey/:journeyId — one journey: timeline, entries, linked trips, contributors (access is checked by its procedures).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import leafletStyles from 'leaflet/dist/leaflet.css';
import { useParams } from '@remix-run/react';
import { AppShell } from '~/components/AppShell';
import { pageTitle } from '~/components/pageTitle';
import { JourneyPage } from '~/areas/journey/JourneyPage';
import { requireWebActor } from '~/utils/request.server';

/** the entry editor's location map */
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: leafletStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'journey', 'title', 'Journeys') }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { services } = await requireWebActor(request, context);
  if (!(await services.addons.isEnabled('journey'))) throw new Response('Journeys are turned off', { status: 404 });
  if (!/^\d{1,10}$/.test(params.journeyId ?? '')) throw new Response('Not found', { status: 404 });
  return null;
}

export default function JourneyRoute() {
  const journeyId = Number(useParams().journeyId);
  return (
    <AppShell>
      <JourneyPage key={journeyId} journeyId={journeyId} />
    </AppShell>
  );
}
