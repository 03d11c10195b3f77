// /settings — the signed-in user's settings: tabs (Profile, Integrations) around the current section.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '~/components/AppShell';
import { TabNav } from '~/components/TabNav';
import { requireWebActor } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'settings', 'title', 'Settings') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireWebActor(request, context);
  return null;
}

export default function SettingsLayout() {
  const { t } = useTranslation('settings');
  return (
    <AppShell>
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <TabNav
        label={t('tabs.label')}
        tabs={[
          { to: '/settings', label: t('tabs.profile'), end: true },
          { to: '/settings/integrations', label: t('tabs.integrations') },
          { to: '/settings/notifications', label: t('notifications:settings.tab') },
          { to: '/settings/security', label: t('security:tab') },
        ]}
      />
      <div className="mt-6">
        <Outlet />
      </div>
    </AppShell>
  );
}
