// Settings → Notifications: which kinds of in-app notification the user wants, and where else they go (channels).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NotificationPreferences } from '~/areas/notifications/NotificationPreferences';
import { NotificationChannels } from '~/areas/notifications/NotificationChannels';
import { requireWebActor } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'notifications', 'settings.title', 'Notifications') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireWebActor(request, context);
  return null;
}

export default function NotificationSettingsPage() {
  return (
    <>
      <NotificationPreferences />
      <NotificationChannels />
    </>
  );
}
