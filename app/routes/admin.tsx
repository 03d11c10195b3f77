// /admin — administration, for administrators only: tabs (Users, Addons, MCP access, Audit log) around the section.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Outlet, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '~/components/AppShell';
import { TabNav } from '~/components/TabNav';
import { requireWebActor } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'admin', 'title', 'Administration') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireWebActor(request, context);
  // Non-admins learn nothing about the admin area.
  if (!actor.user.isAdmin) throw new Response('Not found', { status: 404 });
  return null;
}

export default function AdminLayout() {
  const { t } = useTranslation('admin');
  const wide = useLocation().pathname.startsWith('/admin/audit');
  return (
    <AppShell wide={wide}>
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <TabNav
        label={t('tabs.label')}
        tabs={[
          { to: '/admin/users', label: t('tabs.users') },
          { to: '/admin/addons', label: t('tabs.addons') },
          { to: '/admin/registration', label: t('tabs.registration') },
          { to: '/admin/mcp', label: t('tabs.mcp') },
          { to: '/admin/audit', label: t('tabs.audit') },
          { to: '/admin/packing-templates', label: t('packing:admin.tab') },
          { to: '/admin/map', label: t('planner:mapAdmin.tab') },
          { to: '/admin/security', label: t('security:admin.tab') },
        ]}
      />
      <div className="mt-6">
        <Outlet />
      </div>
    </AppShell>
  );
}
