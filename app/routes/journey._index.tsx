// /journey — the signed-in user's journeys (the journey addon): travel journals across trips, written together.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { AppShell } from '~/components/AppShell';
import { pageTitle } from '~/components/pageTitle';
import { JourneyListPage } from '~/areas/journey/JourneyListPage';
import { requireWebActor } from '~/utils/request.server';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'journey', 'title', 'Journeys') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { services } = await requireWebActor(request, context);
  if (!(await services.addons.isEnabled('journey'))) throw new Response('Journeys are turned off', { status: 404 });
  return null;
}

export default function JourneyListRoute() {
  return (
    <AppShell>
      <JourneyListPage />
    </AppShell>
  );
}
