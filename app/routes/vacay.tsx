// /vacay — the signed-in user's leave planner (the vacay addon): a year calendar, the people of their plan, holidays.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { AppShell } from '~/components/AppShell';
import { pageTitle } from '~/components/pageTitle';
import { VacayPage } from '~/areas/vacay/VacayPage';
import { requireWebActor } from '~/utils/request.server';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'vacay', 'title', 'Vacation planner') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { services } = await requireWebActor(request, context);
  if (!(await services.addons.isEnabled('vacay'))) throw new Response('The vacation planner is turned off', { status: 404 });
  return null;
}

export default function VacayRoute() {
  return (
    <AppShell wide>
      <VacayPage />
    </AppShell>
  );
}
