// /atlas — where the signed-in user has been: the Atlas page, while the atlas addon is on (404 otherwise).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { AppShell } from '~/components/AppShell';
import { pageTitle } from '~/components/pageTitle';
import { AtlasPage } from '~/areas/atlas/AtlasPage';
import { requireWebActor } from '~/utils/request.server';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'atlas', 'title', 'Atlas') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { services } = await requireWebActor(request, context);
  if (!(await services.addons.isEnabled('atlas'))) throw new Response('Not found', { status: 404 });
  return null;
}

export default function AtlasRoute() {
  return (
    <AppShell>
      <AtlasPage />
    </AppShell>
  );
}
